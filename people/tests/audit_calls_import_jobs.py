"""Audit-trail entries for the background import jobs (people/import_jobs.py)."""

from __future__ import annotations

import datetime as dt


def calls(cast, tmp_path) -> dict:
    from django.test import override_settings
    from django.utils import timezone

    from people.imports import actions as jobs
    from people.models import ImportJob
    from people.tests.import_jobs import preview_job

    def preview():
        with override_settings(MEDIA_ROOT=tmp_path / "media"):
            return preview_job(cast.operator_a)

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

    def unretried():
        failed(finished_at=timezone.now())
        return jobs.do_drop_unretried_import_files(
            actor=cast.admin, days=0, now=timezone.now() + dt.timedelta(days=1)
        )

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
    }
