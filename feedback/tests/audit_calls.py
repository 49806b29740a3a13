"""Audit-trail entries of the feedback actions (see tests/test_audit_trail.py)."""

from __future__ import annotations


def calls(cast, tmp_path) -> dict:
    import datetime as dt

    from conftest import make_pdf
    from feedback.complaints import actions as complaints
    from feedback.survey import actions as survey
    from feedback.tests.builders import answers, complaint_of_pegawai_a, invitation, service

    def verified():
        return complaints.do_verify_complaint(complaint_of_pegawai_a(cast), opd=cast.opd_a, actor=cast.admin)

    def followed():
        return complaints.do_follow_up_complaint(
            verified(), note="Diteruskan ke Sekretariat", actor=cast.admin
        )

    def with_attachment():
        return complaint_of_pegawai_a(cast, attachments=[make_pdf("bukti.pdf")])

    def escalate():
        complaint = complaint_of_pegawai_a(cast)
        return complaints.do_escalate_complaints(
            now=complaint.due_at + dt.timedelta(hours=1), actor=cast.admin
        )

    def suggestion():
        response = survey.do_answer_invitation(
            invitation(cast), answers(suggestion="Ruang tunggu panas"), actor=cast.pegawai_a
        )
        return complaints.do_complaint_from_suggestion(response, actor=cast.admin)

    return {
        "feedback.complaints.actions.do_file_complaint": with_attachment,
        "feedback.complaints.actions.do_verify_complaint": verified,
        "feedback.complaints.actions.do_follow_up_complaint": followed,
        "feedback.complaints.actions.do_close_complaint": lambda: complaints.do_close_complaint(
            followed(), answer="Loket kedua dibuka mulai Senin.", actor=cast.admin
        ),
        "feedback.complaints.actions.do_reject_complaint": lambda: complaints.do_reject_complaint(
            complaint_of_pegawai_a(cast), reason="Bukan kewenangan BKD.", actor=cast.admin
        ),
        "feedback.complaints.actions.do_escalate_complaints": escalate,
        "feedback.complaints.actions.do_complaint_from_suggestion": suggestion,
        "feedback.survey.actions.do_offer_survey": lambda: invitation(cast),
        "feedback.survey.actions.do_answer_invitation": lambda: survey.do_answer_invitation(
            invitation(cast), answers(), actor=cast.pegawai_a
        ),
        "feedback.survey.actions.do_answer_walk_in": lambda: survey.do_answer_walk_in(
            service(), answers(), actor=cast.pegawai_a
        ),
    }
