"""Audit-trail entries of the helpdesk's actions (see tests/test_audit_trail.py)."""

from __future__ import annotations

import datetime as dt


def calls(cast, tmp_path) -> dict:
    from helpdesk.catalogue import actions as catalogue
    from helpdesk.faq import actions as faq
    from helpdesk.models import CannedAnswer, FaqEntry, FaqTopic, ProblemType
    from helpdesk.queue import actions as queue
    from helpdesk.sla.actions import do_check_helpdesk_sla
    from helpdesk.tests.builders import jpg, seed, submit
    from helpdesk.tickets.actions import do_reply_ticket

    admin = cast.admin

    def ticket(**values):
        seed(admin)
        return submit(actor=admin, **values)

    def submitted_with_scan():
        return ticket(scans={"ktp": jpg(5)})

    def answered():
        return queue.do_answer_ticket(ticket(), body="Sudah kami perbaiki.", actor=admin)

    def late():
        received = dt.datetime(2026, 3, 2, 2, 0, tzinfo=dt.UTC)
        ticket(at=received)
        return do_check_helpdesk_sla(actor=admin, now=received + dt.timedelta(days=10))

    def problem_type():
        seed(admin)
        return ProblemType.objects.get(code="lupa-password")

    def canned():
        seed(admin)
        return CannedAnswer.objects.order_by("pk").first()

    def entry():
        seed(admin)
        return FaqEntry.objects.order_by("pk").first()

    return {
        "helpdesk.catalogue.actions.do_seed_helpdesk": lambda: catalogue.do_seed_helpdesk(actor=admin),
        "helpdesk.catalogue.actions.do_update_problem_type": lambda: catalogue.do_update_problem_type(
            problem_type(), {"sla_working_days": 3}, actor=admin
        ),
        "helpdesk.catalogue.actions.do_create_canned_answer": lambda: catalogue.do_create_canned_answer(
            actor=admin, code="uji", title="Uji", body="Yth. {nama}", problem_type=None, is_active=True
        ),
        "helpdesk.catalogue.actions.do_update_canned_answer": lambda: catalogue.do_update_canned_answer(
            canned(), {"title": "Judul baru"}, actor=admin
        ),
        "helpdesk.tickets.actions.do_submit_ticket": submitted_with_scan,
        "helpdesk.tickets.actions.do_reply_ticket": lambda: do_reply_ticket(
            answered(), body="Masih gagal.", actor=admin
        ),
        "helpdesk.queue.actions.do_claim_ticket": lambda: queue.do_claim_ticket(ticket(), actor=admin),
        "helpdesk.queue.actions.do_assign_ticket": lambda: queue.do_assign_ticket(
            ticket(), admin, actor=admin
        ),
        "helpdesk.queue.actions.do_answer_ticket": answered,
        "helpdesk.queue.actions.do_ask_applicant": lambda: queue.do_ask_applicant(
            ticket(), body="Mohon kirim pindaian KK.", actor=admin
        ),
        "helpdesk.queue.actions.do_add_ticket_note": lambda: queue.do_add_ticket_note(
            ticket(), body="Cek Dukcapil.", actor=admin
        ),
        "helpdesk.queue.actions.do_close_ticket": lambda: queue.do_close_ticket(answered(), actor=admin),
        "helpdesk.queue.actions.do_merge_ticket": lambda: queue.do_merge_ticket(
            ticket(), ticket(), actor=admin
        ),
        "helpdesk.sla.actions.do_check_helpdesk_sla": late,
        "helpdesk.faq.actions.do_create_faq_entry": lambda: faq.do_create_faq_entry(
            actor=admin,
            topic=(seed(admin), FaqTopic.objects.first())[1],
            question="Apakah uji?",
            answer="Ya.",
            is_published=True,
            order=1,
            source_ticket=None,
        ),
        "helpdesk.faq.actions.do_update_faq_entry": lambda: faq.do_update_faq_entry(
            entry(), {"answer": "Jawaban baru."}, actor=admin
        ),
        "helpdesk.faq.actions.do_rate_faq_entry": lambda: faq.do_rate_faq_entry(
            entry(), helpful=True, actor=admin
        ),
    }
