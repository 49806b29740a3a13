"""Audit-trail entries of the SLA actions (see tests/test_audit_trail.py)."""

from __future__ import annotations

import datetime as dt


def calls(cast, tmp_path) -> dict:
    def check_sla():
        from layanan.sla.actions import do_check_sla
        from layanan.tests.factories import make_service
        from layanan.tests.sla_builders import submitted_request
        from people.tests.factories import make_pegawai

        service = make_service("sla-audit", "Layanan Uji SLA", duration=1, requirements=())
        pegawai = make_pegawai(cast.opd_a, nama="Pegawai SLA", actor=cast.admin)
        received = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)
        submitted_request(service, pegawai, at=received, created_by=cast.operator_a)
        # A week later: the request is past its deadline (marked), the stay past its target.
        return do_check_sla(actor=cast.admin, now=received + dt.timedelta(days=7))

    return {"layanan.sla.actions.do_check_sla": check_sla}
