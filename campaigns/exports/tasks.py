"""Background tasks of the campaign exports (django.tasks; the worker is ``make worker``)."""

from __future__ import annotations

from django.tasks import task


@task
def build_files_export(job_id: int) -> None:
    """Build an ExportJob's ZIP of uploaded files, with progress for the export page."""
    from campaigns.exports.files import run_files_export

    run_files_export(job_id)
