"""Role-matrix entries of the inboxes (see tests/test_role_matrix.py).

The inbox needs PROCESS_REQUESTS: the chain officials of the cast (Unit Pengolah, Kepala
Badan) and Admin (every capability; Admin sees only steps of roles they hold). The action
URLs are POST only: the capability is checked first (403), then the method (405). The
resubmission is the applicant's: POST only for everyone logged in.
"""

from conftest import PERSONAS
from tests.matrix import only

PROCESSORS = only("admin", "unit_pengolah", "kepala_badan")
PROCESSORS_POST_ONLY = {**PROCESSORS, "admin": 405, "unit_pengolah": 405, "kepala_badan": 405}
POST_ONLY = {**dict.fromkeys(PERSONAS, 405), "anonymous": 302}


def _number(cast):
    from layanan.tests.factories import make_service
    from layanan.tests.workflow_helpers import make_applicant, submit

    service = make_service("izin-belajar", "Izin Belajar")
    request = submit(service, make_applicant(cast.opd_a), actor=cast.operator_a)
    return {"number": request.number}


MATRIX = {
    "layanan:inbox": (None, PROCESSORS),
    "layanan:inbox_act": (_number, PROCESSORS_POST_ONLY),
    "layanan:inbox_bulk": (None, PROCESSORS_POST_ONLY),
    "layanan:resubmit": (_number, POST_ONLY),
}
