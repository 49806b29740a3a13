"""Audit-trail entries of the first-installation actions (see tests/test_audit_trail.py)."""

from __future__ import annotations


def calls(cast, tmp_path) -> dict:
    from core.tables import Row
    from org.install.actions import InstansiSetup, do_setup_instansi
    from org.unor.actions import do_import_unor, plan_unor_import

    def setup():
        # The cast's instansi and Admin already exist: the run adds the holidays of 2030.
        asked = InstansiSetup(
            name=cast.instansi.name,
            kind=cast.instansi.kind,
            time_zone=cast.instansi.time_zone,
            admin_username=cast.admin.username,
            admin_email=cast.admin.email,
        )
        return do_setup_instansi(asked, password=None, holiday_years=[2030], actor=cast.admin)

    def unor():
        rows = [
            Row(2, {"unor_id": "UNOR-OPD", "unor_nama": "Dinas Uji Unor", "unor_induk_id": ""}),
            Row(3, {"unor_id": "UNOR-UNIT", "unor_nama": "Sekretariat", "unor_induk_id": "UNOR-OPD"}),
        ]
        plan = plan_unor_import(["unor_id", "unor_nama", "unor_induk_id"], rows, instansi=cast.instansi)
        return do_import_unor(plan, actor=cast.admin)

    return {
        "org.install.actions.do_setup_instansi": setup,
        "org.unor.actions.do_import_unor": unor,
    }
