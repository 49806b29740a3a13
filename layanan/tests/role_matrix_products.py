"""Role-matrix entries for products, verification and the tracker (see tests/test_role_matrix.py)."""

from tests.matrix import ADMIN_ONLY, LOGGED_IN, PUBLIC


def _service(cast):
    from layanan.tests.factories import make_service

    return {"slug": make_service("izin-belajar", "Izin Belajar").slug}


def _product_of_pegawai_a(cast):
    # pegawai_a's own request, finished with its product: the applicant, their Operator OPD
    # and BKD staff may download it; the verification page is public.
    from layanan.products.files import issue_product
    from layanan.tests.factories import make_service
    from layanan.tests.product_builders import give_template, submitted_request
    from people.tests.factories import make_pegawai

    service = make_service("izin-belajar", "Izin Belajar")
    give_template(service, actor=cast.admin)
    pegawai = make_pegawai(cast.opd_a, nama="Pegawai Dinkes", user=cast.pegawai_a)
    return issue_product(submitted_request(service, pegawai, created_by=cast.pegawai_a), actor=cast.admin)


def _verify(cast):
    return {"code": _product_of_pegawai_a(cast).verification_code}


def _download(cast):
    return {"number": _product_of_pegawai_a(cast).request.number}


MATRIX = {
    "layanan:product_template_edit": (_service, ADMIN_ONLY),
    "layanan:product_template_preview": (_service, ADMIN_ONLY),
    "layanan:verify": (_verify, PUBLIC),
    "layanan:product_download": (_download, {**LOGGED_IN, "operator_b": 404}),
    "layanan:tracker": (None, PUBLIC),
}
