"""Audit-trail entries of the SIASN reconciliation actions (see tests/test_audit_trail.py)."""

from __future__ import annotations


def calls(cast, tmp_path) -> dict:
    from conftest import make_pdf
    from people.tests.factories import make_pegawai
    from siasn.models import SiasnDifference, SiasnPull
    from siasn.reconciliation import actions

    def difference(field="alamat", value="Jl. Uji 1"):
        pegawai = make_pegawai(cast.opd_a, nama="Audit SIASN", actor=cast.admin)
        pull = SiasnPull.objects.create(created_by=cast.admin, total=1, done=1)
        return SiasnDifference.objects.create(pull=pull, pegawai=pegawai, field=field, siasn_value=value)

    def correction():
        return actions.do_open_siasn_correction(
            difference(), reason="Sesuai KTP", scan=make_pdf("ktp.pdf"), actor=cast.operator_a
        )

    return {
        "siasn.reconciliation.actions.do_start_siasn_pull": lambda: actions.do_start_siasn_pull(
            actor=cast.admin, opd=cast.opd_a, enqueue=False
        ),
        "siasn.reconciliation.actions.do_accept_siasn_value": lambda: actions.do_accept_siasn_value(
            difference(), actor=cast.operator_a
        ),
        "siasn.reconciliation.actions.do_keep_pelita_value": lambda: actions.do_keep_pelita_value(
            difference(), actor=cast.operator_a
        ),
        "siasn.reconciliation.actions.do_open_siasn_correction": correction,
    }
