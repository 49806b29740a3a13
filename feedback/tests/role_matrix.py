"""Role-matrix entries of the complaint register, the survey and the IKM report (see
tests/test_role_matrix.py): the complaint form, status page and survey links are public;
a complaint about OPD A is seen by BKD staff, its Operator OPD and the pegawai who filed
it; the IKM report is BKD's; every state move and the suggestion → complaint button need
MANAGE_COMPLAINTS (the Admin among the personas), POST only."""

from conftest import PERSONAS
from tests.matrix import ADMIN_ONLY, BKD_AND_OPERATORS, LOGGED_IN, PUBLIC, only

MANAGERS_POST_ONLY = {**ADMIN_ONLY, "admin": 405}
# Anyone logged in may try; outside the complaint's scope (another OPD, the helpdesk) is a 404.
COMPLAINT_SCOPE = {**LOGGED_IN, "operator_b": 404, "operator_helpdesk": 404}
IKM_READERS = only("admin", "unit_pengolah", "kepala_badan")


def _complaint(cast):
    from feedback.tests.builders import complaint_of_pegawai_a

    return {"number": complaint_of_pegawai_a(cast).number}


def _attachment(cast):
    from conftest import make_pdf
    from feedback.tests.builders import complaint_of_pegawai_a

    complaint = complaint_of_pegawai_a(cast, attachments=[make_pdf("bukti.pdf")])
    return {"number": complaint.number, "pk": complaint_attachments(complaint)[0].pk}


def complaint_attachments(complaint):
    from feedback.complaints.queries import attachments_of

    return attachments_of(complaint)


def _slug(cast):
    from feedback.tests.builders import service

    return {"slug": service().slug}


def _token(cast):
    from feedback.tests.builders import invitation

    return {"token": invitation(cast).token}


def _suggestion(cast):
    from feedback.survey.actions import do_answer_invitation
    from feedback.tests.builders import answers, invitation

    response = do_answer_invitation(
        invitation(cast), answers(suggestion="Sediakan kursi antrean"), actor=None
    )
    return {"pk": response.pk}


MATRIX = {
    "feedback:complaint_list": (None, LOGGED_IN),
    "feedback:complaint_public": (None, PUBLIC),
    "feedback:complaint_status": (None, PUBLIC),
    "feedback:complaint_enter": (None, ADMIN_ONLY),
    "feedback:complaint_report": (None, BKD_AND_OPERATORS),
    "feedback:complaint_report_export": (None, BKD_AND_OPERATORS),
    "feedback:complaint_report_chart": (None, BKD_AND_OPERATORS),
    "feedback:complaint_detail": (_complaint, COMPLAINT_SCOPE),
    "feedback:complaint_verify": (_complaint, MANAGERS_POST_ONLY),
    "feedback:complaint_follow_up": (_complaint, MANAGERS_POST_ONLY),
    "feedback:complaint_close": (_complaint, MANAGERS_POST_ONLY),
    "feedback:complaint_reject": (_complaint, MANAGERS_POST_ONLY),
    "feedback:complaint_attachment": (_attachment, COMPLAINT_SCOPE),
    "feedback:survey_walk_in": (_slug, PUBLIC),
    "feedback:survey_qr": (_slug, PUBLIC),
    "feedback:survey_answer": (_token, PUBLIC),
    "feedback:ikm_report": (None, IKM_READERS),
    "feedback:ikm_export": (None, IKM_READERS),
    "feedback:ikm_pdf": (None, IKM_READERS),
    "feedback:ikm_chart": (None, IKM_READERS),
    "feedback:suggestion_to_complaint": (_suggestion, MANAGERS_POST_ONLY),
}
assert set(PERSONAS) >= set(IKM_READERS)
