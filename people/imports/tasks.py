"""Background tasks of the people app (django.tasks; the worker is ``make worker``)."""

from __future__ import annotations

from django.tasks import task


@task
def run_import_job(job_id: int) -> None:
    """Import a confirmed ImportJob's file, with progress for the job page."""
    from people.imports.actions import run_import_job as run

    run(job_id)
