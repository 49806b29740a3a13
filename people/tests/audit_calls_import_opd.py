"""Audit-trail entries of the "create the file's OPDs" actions (see tests/test_audit_trail.py)."""

from __future__ import annotations


def calls(cast, tmp_path) -> dict:
    from django.test import override_settings

    from core.tables import read_table
    from people.imports.actions import (
        NewOpd,
        do_create_import_opds,
        do_preview_import_with_new_opds,
        opds_to_create,
    )
    from people.tests.import_jobs import csv_upload, preview_job
    from people.tests.siasn_files import asn_row

    def preview():
        rows = [asn_row(cast.opd_a, 1, satuan_kerja_kerja_nama="Dinas Baru")]
        with override_settings(MEDIA_ROOT=tmp_path / "media"):
            job = preview_job(cast.admin, rows)
        table = read_table(csv_upload(rows))
        return do_preview_import_with_new_opds(job, table, opds_to_create(table), actor=cast.admin)

    return {
        "people.imports.actions.do_create_import_opds": lambda: do_create_import_opds(
            [NewOpd(name="Dinas Baru", instansi=cast.instansi)], actor=cast.admin
        ),
        "people.imports.actions.do_preview_import_with_new_opds": preview,
    }
