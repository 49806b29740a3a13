"""Role-matrix entries of layanan's pages (see tests/test_role_matrix.py).

- Catalogue: the public pages are open to everyone; every Admin screen needs MANAGE_SERVICES
  (the Admin only).
- Requests: the builder gives pegawai_a an employee record in OPD A and a draft Izin Belajar
  request with one uploaded document: staff of OPD B must not find it (404); BKD officials
  read it; the POST-only pages answer GET with 405 before reading anything.
- Inboxes need PROCESS_REQUESTS: the chain officials of the cast (Unit Pengolah, Kepala
  Badan) and Admin (every capability; Admin sees only steps of roles they hold). The action
  URLs are POST only: the capability is checked first (403), then the method (405). The
  resubmission is the applicant's: POST only for everyone logged in.
- Products: the applicant, their Operator OPD and BKD staff may download a product; the
  verification page and the tracker are public.
- The SLA report: BKD-wide readers (VIEW_SLA_REPORT: the chain roles and Admin) only.
"""

from conftest import PERSONAS
from tests.matrix import ADMIN_ONLY, LOGGED_IN, PUBLIC, only

ADMIN_POST_ONLY = {**ADMIN_ONLY, "admin": 405}  # the capability is checked before the method
POST_ONLY = {**dict.fromkeys(PERSONAS, 405), "anonymous": 302}
IN_SCOPE = {**LOGGED_IN, "operator_b": 404, "operator_helpdesk": 404}
APPLICANTS = {**LOGGED_IN, "unit_pengolah": 403, "kepala_badan": 403, "operator_helpdesk": 403}
PROCESSORS = only("admin", "unit_pengolah", "kepala_badan")
PROCESSORS_POST_ONLY = {**PROCESSORS, "admin": 405, "unit_pengolah": 405, "kepala_badan": 405}
SLA_READERS = only("admin", "unit_pengolah", "kepala_badan")


def _service(cast):
    from layanan.tests.factories import make_service

    return make_service("izin-belajar", "Izin Belajar")


# The catalogue.


def _slug(cast):
    return {"slug": _service(cast).slug}


def _pk(cast):
    return {"pk": _service(cast).pk}


def _component(cast):
    return {"pk": _service(cast).pk, "component": "biaya"}


def _catalogue_requirement(cast):
    return {"pk": _service(cast).requirements.first().pk}


def _step(cast):
    return {"pk": _service(cast).steps.first().pk}


def _transition(cast):
    return {"pk": _service(cast).transitions.first().pk}


# Requests.


def _izin_belajar(cast):
    from layanan.models import Eligibility
    from layanan.tests.factories import make_service

    return make_service("izin-belajar", "Izin Belajar", eligibility=Eligibility.IZIN_BELAJAR)


def _create(cast):
    from people.tests.factories import make_pegawai

    _izin_belajar(cast)
    make_pegawai(cast.opd_a, nama="Pegawai Dinkes", user=cast.pegawai_a)
    return {"slug": "izin-belajar"}


def _draft(cast):
    from conftest import make_pdf
    from layanan.requests.actions import do_create_request, do_upload_request_document
    from people.tests.factories import make_pegawai

    service = _izin_belajar(cast)
    pegawai = make_pegawai(cast.opd_a, nama="Pegawai Dinkes", user=cast.pegawai_a)
    request = do_create_request(service, pegawai, actor=cast.pegawai_a)
    requirement = service.requirements.first()
    given = do_upload_request_document(request, requirement, make_pdf("surat.pdf"), actor=cast.pegawai_a)
    return request, requirement, given.document


def _number(cast):
    return {"number": _draft(cast)[0].number}


def _requirement(cast):
    request, requirement, _document = _draft(cast)
    return {"number": request.number, "requirement": requirement.pk}


def _document(cast):
    request, _requirement, document = _draft(cast)
    return {"number": request.number, "document": document.pk}


# The workflow.


def _submitted_number(cast):
    from layanan.tests.workflow_helpers import make_applicant, submit

    request = submit(_service(cast), make_applicant(cast.opd_a), actor=cast.operator_a)
    return {"number": request.number}


# Products.


def _product_of_pegawai_a(cast):
    # pegawai_a's own request, finished with its product.
    from layanan.products.files import issue_product
    from layanan.tests.product_builders import give_template, submitted_request
    from people.tests.factories import make_pegawai

    service = _service(cast)
    give_template(service, actor=cast.admin)
    pegawai = make_pegawai(cast.opd_a, nama="Pegawai Dinkes", user=cast.pegawai_a)
    return issue_product(submitted_request(service, pegawai, created_by=cast.pegawai_a), actor=cast.admin)


def _verify(cast):
    return {"code": _product_of_pegawai_a(cast).verification_code}


def _download(cast):
    return {"number": _product_of_pegawai_a(cast).request.number}


MATRIX = {
    "layanan:public_list": (None, PUBLIC),
    "layanan:public_detail": (_slug, PUBLIC),
    "layanan:service_admin_list": (None, ADMIN_ONLY),
    "layanan:service_admin_edit": (_pk, ADMIN_ONLY),
    "layanan:component_edit": (_component, ADMIN_ONLY),
    "layanan:requirement_add": (_pk, ADMIN_ONLY),
    "layanan:requirement_edit": (_catalogue_requirement, ADMIN_ONLY),
    "layanan:requirement_delete": (_catalogue_requirement, ADMIN_POST_ONLY),
    "layanan:step_edit": (_step, ADMIN_ONLY),
    "layanan:transition_add": (_pk, ADMIN_ONLY),
    "layanan:transition_delete": (_transition, ADMIN_POST_ONLY),
    "layanan:service_history": (_pk, ADMIN_ONLY),
    "layanan:request_list": (None, LOGGED_IN),
    "layanan:request_create": (_create, APPLICANTS),
    "layanan:request_detail": (_number, IN_SCOPE),
    "layanan:request_answers": (_number, POST_ONLY),
    "layanan:request_submit": (_number, POST_ONLY),
    "layanan:request_upload": (_requirement, POST_ONLY),
    "layanan:request_use_file": (_requirement, POST_ONLY),
    "layanan:request_remove_document": (_requirement, POST_ONLY),
    "layanan:request_document": (_document, IN_SCOPE),
    "layanan:inbox": (None, PROCESSORS),
    "layanan:inbox_act": (_submitted_number, PROCESSORS_POST_ONLY),
    "layanan:inbox_bulk": (None, PROCESSORS_POST_ONLY),
    "layanan:resubmit": (_submitted_number, POST_ONLY),
    "layanan:product_template_edit": (_slug, ADMIN_ONLY),
    "layanan:product_template_preview": (_slug, ADMIN_ONLY),
    "layanan:verify": (_verify, PUBLIC),
    "layanan:product_download": (_download, IN_SCOPE),
    "layanan:tracker": (None, PUBLIC),
    "layanan:sla_report": (None, SLA_READERS),
    "layanan:sla_export": (None, SLA_READERS),
    "layanan:sla_chart_data": (None, SLA_READERS),
}
