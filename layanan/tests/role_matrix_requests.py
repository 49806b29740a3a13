"""Role-matrix entries of the request pages (see tests/test_role_matrix.py).

The builder gives pegawai_a an employee record in OPD A and a draft Izin Belajar request
with one uploaded document: staff of OPD B must not find it (404); BKD officials read it;
the POST-only pages answer GET with 405 before reading anything.
"""

from conftest import PERSONAS
from tests.matrix import LOGGED_IN


def _service(cast):
    from layanan.models import Eligibility
    from layanan.tests.factories import make_service

    return make_service("izin-belajar", "Izin Belajar", eligibility=Eligibility.IZIN_BELAJAR)


def _create(cast):
    from people.tests.factories import make_pegawai

    _service(cast)
    make_pegawai(cast.opd_a, nama="Pegawai Dinkes", user=cast.pegawai_a)
    return {"slug": "izin-belajar"}


def _draft(cast):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from layanan.requests.actions import do_create_request, do_upload_request_document
    from people.tests.factories import make_pegawai

    service = _service(cast)
    pegawai = make_pegawai(cast.opd_a, nama="Pegawai Dinkes", user=cast.pegawai_a)
    request = do_create_request(service, pegawai, actor=cast.pegawai_a)
    requirement = service.requirements.first()
    given = do_upload_request_document(
        request,
        requirement,
        SimpleUploadedFile("surat.pdf", b"%PDF-1.4\n% matrix\n%%EOF\n"),
        actor=cast.pegawai_a,
    )
    return request, requirement, given.document


def _number(cast):
    return {"number": _draft(cast)[0].number}


def _requirement(cast):
    request, requirement, _document = _draft(cast)
    return {"number": request.number, "requirement": requirement.pk}


def _document(cast):
    request, _requirement, document = _draft(cast)
    return {"number": request.number, "document": document.pk}


IN_SCOPE = {**LOGGED_IN, "operator_b": 404}
POST_ONLY = {**dict.fromkeys(PERSONAS, 405), "anonymous": 302}
APPLICANTS = {**LOGGED_IN, "unit_pengolah": 403, "kepala_badan": 403}

MATRIX = {
    "layanan:request_list": (None, LOGGED_IN),
    "layanan:request_create": (_create, APPLICANTS),
    "layanan:request_detail": (_number, IN_SCOPE),
    "layanan:request_answers": (_number, POST_ONLY),
    "layanan:request_submit": (_number, POST_ONLY),
    "layanan:request_upload": (_requirement, POST_ONLY),
    "layanan:request_use_file": (_requirement, POST_ONLY),
    "layanan:request_remove_document": (_requirement, POST_ONLY),
    "layanan:request_document": (_document, IN_SCOPE),
}
