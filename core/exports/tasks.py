"""Background tasks of exports (django.tasks; the worker is ``make worker``)."""

from __future__ import annotations

from django.tasks import task


@task
def build_export(job_id: int) -> None:
    """Build an ExportJob's file, with progress for its job page (core.exports.files)."""
    from core.exports.files import run_export_job

    run_export_job(job_id)
