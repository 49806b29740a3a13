"""Audit-trail entries of kpo's actions (see tests/test_audit_trail.py)."""

from __future__ import annotations


def calls(cast, tmp_path) -> dict:
    from kpo.periods.actions import do_compute_kp_list
    from kpo.tests.builders import PERIOD, due_pegawai

    def compute():
        due_pegawai(cast.opd_a, nama="Siap Naik", actor=cast.admin)
        return do_compute_kp_list(PERIOD, actor=cast.admin)

    def remind():
        from kpo.reconciliation.actions import do_send_reconciliation_reminders

        # No SKP and no unit: open items for the operator of OPD A.
        due_pegawai(cast.opd_a, nama="Belum Lengkap", skp_years=(), actor=cast.admin)
        do_compute_kp_list(PERIOD, actor=cast.admin)
        return do_send_reconciliation_reminders(PERIOD, actor=cast.admin)

    def kp_requests():
        from kpo.models import KpCandidate
        from kpo.periods.actions import do_create_kp_requests

        compute()
        return do_create_kp_requests(PERIOD, KpCandidate.objects.filter(period=PERIOD), actor=cast.operator_a)

    def pension_requests():
        import datetime as dt

        from kpo.pension.actions import do_create_pension_requests
        from people.tests.factories import make_pegawai

        p = make_pegawai(cast.opd_a, nama="Purna Bakti", birth=dt.date(1968, 6, 1), actor=cast.admin)
        return do_create_pension_requests(
            [p.pk], actor=cast.operator_a, window=(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
        )

    def sk_kgb():
        from kpo.kgb.actions import do_issue_sk_kgb
        from kpo.tests.test_sk_kgb import _due

        return do_issue_sk_kgb(_due(cast.opd_a, "Gaji Dinkes", actor=cast.admin), 2026, 4, actor=cast.admin)

    def sk_kgb_month():
        from kpo.kgb.actions import do_issue_sk_kgb_month
        from kpo.tests.test_sk_kgb import _due

        _due(cast.opd_a, "Gaji Dinkes", actor=cast.admin)
        return do_issue_sk_kgb_month(2026, 4, actor=cast.admin)

    def pension_remind():
        import datetime as dt

        from kpo.reconciliation.actions import do_send_pension_reconciliation_reminders
        from people.tests.factories import make_pegawai

        # Married with no spouse recorded: an open item for the operator of OPD A.
        make_pegawai(
            cast.opd_a, nama="Purna Bakti", birth=dt.date(1968, 6, 1), status_kawin="kawin", actor=cast.admin
        )
        return do_send_pension_reconciliation_reminders(
            dt.date(2026, 1, 1), dt.date(2026, 12, 31), actor=cast.admin
        )

    return {
        "kpo.kgb.actions.do_issue_sk_kgb": sk_kgb,
        "kpo.kgb.actions.do_issue_sk_kgb_month": sk_kgb_month,
        "kpo.reconciliation.actions.do_send_pension_reconciliation_reminders": pension_remind,
        "kpo.periods.actions.do_compute_kp_list": compute,
        "kpo.periods.actions.do_create_requests": kp_requests,
        "kpo.periods.actions.do_create_kp_requests": kp_requests,
        "kpo.pension.actions.do_create_pension_requests": pension_requests,
        "kpo.reconciliation.actions.do_send_reconciliation_reminders": remind,
    }
