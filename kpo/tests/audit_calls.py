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

    return {
        "kpo.periods.actions.do_compute_kp_list": compute,
        "kpo.reconciliation.actions.do_send_reconciliation_reminders": remind,
    }
