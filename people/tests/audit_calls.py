"""Audit-trail entries of people's import actions (see tests/test_audit_trail.py): the
background import jobs and the "create the file's OPDs" step of a preview."""

from __future__ import annotations

import datetime as dt


def calls(cast, tmp_path) -> dict:
    from django.utils import timezone

    from core.tables import read_table
    from people.imports import actions as jobs
    from people.models import ImportJob
    from people.tests.import_jobs import csv_upload, preview_job
    from people.tests.siasn_files import asn_row

    # The uploaded files land in the test's MEDIA_ROOT (tests/test_audit_trail.py's private_media).
    def preview(rows=None, by=cast.operator_a):
        return preview_job(by, rows)

    def failed(**changes):
        job = preview()
        ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.GAGAL, **changes)
        job.refresh_from_db()
        return job

    def stuck():
        job = preview()
        long_ago = timezone.now() - dt.timedelta(hours=2)
        ImportJob.objects.filter(pk=job.pk).update(
            status=ImportJob.Status.DIPROSES, started_at=long_ago, heartbeat_at=long_ago, attempt=1
        )
        return jobs.do_expire_stuck_import_jobs(actor=cast.admin, minutes=10)

    def with_new_opds():
        rows = [asn_row(cast.opd_a, 1, satuan_kerja_kerja_nama="Dinas Baru")]
        job = preview(rows, by=cast.admin)
        table = read_table(csv_upload(rows))
        return jobs.do_preview_import_with_new_opds(job, table, jobs.opds_to_create(table), actor=cast.admin)

    return {
        "people.imports.actions.do_create_import_job": preview,
        "people.imports.actions.do_confirm_import_job": lambda: jobs.do_confirm_import_job(
            preview(), actor=cast.operator_a
        ),
        "people.imports.actions.do_cancel_import_job": lambda: jobs.do_cancel_import_job(
            preview(), actor=cast.operator_a
        ),
        "people.imports.actions.do_retry_import_job": lambda: jobs.do_retry_import_job(
            failed(error="Impor terhenti", attempt=1), actor=cast.operator_a
        ),
        "people.imports.actions.do_expire_stuck_import_jobs": stuck,
        "people.imports.actions.do_drop_unretried_import_files": lambda: (
            jobs.do_drop_unretried_import_files(
                actor=cast.admin, days=0, now=timezone.now() + dt.timedelta(days=1)
            )
            if failed(finished_at=timezone.now())
            else None
        ),
        "people.imports.actions.do_create_import_opds": lambda: jobs.do_create_import_opds(
            [jobs.NewOpd(name="Dinas Baru", instansi=cast.instansi)], actor=cast.admin
        ),
        "people.imports.actions.do_preview_import_with_new_opds": with_new_opds,
    }
