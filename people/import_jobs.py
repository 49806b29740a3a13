"""The import screens' actions: upload with a dry-run preview, confirm, cancel, and the run.

``do_create_import_job`` validates the whole file at once (a dry run), stores it under
MEDIA_ROOT/imports/ with a random name and keeps the preview's counts and rejections on
the job. ``do_confirm_import_job`` marks it confirmed; the view then enqueues
``people.tasks.run_import_job``, whose body is ``run_import_job``.

Progress: the import writes the whole file in one transaction, so a progress row updated
inside it would stay invisible to the status page until the very end (and SQLite allows
no second writer meanwhile). The worker therefore writes its progress to a small file next
to the upload (``<file>.progress``) that the status endpoint reads; ImportJob.done/total
hold the row counts before and after the run.
"""

from __future__ import annotations

import json
import logging
import os
import uuid
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import record
from people.imports import ImportResult, Rejection, Table, UnreadableFile, do_import_pegawai, read_table
from people.models import ImportJob

logger = logging.getLogger(__name__)

PREVIEW_ROWS = 50  # rejected rows the preview and the job page list; the CSV has them all


def rejections_json(result: ImportResult) -> list[dict]:
    return [
        {"line": r.line, "column": r.column, "reason": r.reason, "nip": r.nip}
        for r in sorted(result.rejections, key=lambda r: r.line)
    ]


def result_of(job: ImportJob) -> ImportResult:
    """The job's counts and rejections as an ImportResult (for write_report_csv)."""
    return ImportResult(
        kind=job.kind,
        dry_run=job.confirmed_at is None,
        imported=job.imported,
        updated=job.updated,
        unchanged=job.unchanged,
        rejections=[Rejection(r["line"], r["column"], r["reason"], r.get("nip", "")) for r in job.rejections],
    )


def _store_result(job: ImportJob, result: ImportResult) -> None:
    job.imported, job.updated, job.unchanged = result.imported, result.updated, result.unchanged
    job.rejected = result.rejected
    job.rejections = rejections_json(result)


def _scope(job: ImportJob) -> set[int] | None:
    return None if job.opd_id is None else {job.opd_id}


def do_create_import_job(*, upload, table: Table, kind: str, opd, actor) -> ImportJob:
    """Dry-run ``table`` (read from ``upload``) and keep the file for the real run.

    ``opd``: the OPD the import is limited to (an Operator OPD's), None for every OPD.
    Raises UnreadableFile (nothing stored) when the file cannot be imported at all.
    """
    job = ImportJob(created_by=actor, opd=opd, kind=kind, original_name=(upload.name or "")[:255])
    result = do_import_pegawai(table, actor=actor, kind=kind, dry_run=True, opd_scope=_scope(job))
    job.kind = result.kind
    job.total = len(table.rows)
    _store_result(job, result)
    upload.seek(0)
    with transaction.atomic():
        job.file.save(f"{uuid.uuid4().hex}.{table.file_format}", upload, save=False)
        job.save()
        record(
            actor=actor,
            event="impor_pegawai.diunggah",
            obj=job,
            after={"kind": job.kind, "opd": job.opd_id, "total": job.total, "rejected": job.rejected},
        )
    return job


@transaction.atomic
def do_confirm_import_job(job: ImportJob, *, actor) -> bool:
    """Mark the previewed job as confirmed; False when it already was (a double click)."""
    confirmed = ImportJob.objects.filter(pk=job.pk, confirmed_at__isnull=True).update(
        confirmed_at=timezone.now()
    )
    if not confirmed:
        return False
    job.refresh_from_db()
    record(actor=actor, event="impor_pegawai.dikonfirmasi", obj=job, after={"status": job.status})
    return True


@transaction.atomic
def do_cancel_import_job(job: ImportJob, *, actor) -> None:
    """Drop a previewed job and its file; a confirmed job runs to its end and stays."""
    if job.confirmed_at is not None:
        raise ValueError("a confirmed import cannot be cancelled")
    record(actor=actor, event="impor_pegawai.dibatalkan", obj=job, before={"kind": job.kind})
    _delete_file(job)
    job.delete()


def _delete_file(job: ImportJob) -> None:
    if job.file:
        job.file.storage.delete(job.file.name)
        Path(progress_path(job)).unlink(missing_ok=True)


# --- the run (in the worker) ---------------------------------------------------------------


def progress_path(job: ImportJob) -> str:
    return f"{job.file.path}.progress"


def _write_progress(path: str, done: int, total: int) -> None:
    partial = f"{path}.tmp"
    with open(partial, "w", encoding="utf-8") as handle:
        json.dump({"done": done, "total": total}, handle)
    os.replace(partial, path)  # atomic: a reader sees the old or the new numbers, never half


def progress_of(job: ImportJob) -> tuple[int, int]:
    """(rows done, rows in the file): live from the worker's progress file while it runs."""
    if job.status == ImportJob.Status.DIPROSES and job.file:
        try:
            with open(progress_path(job), encoding="utf-8") as handle:
                live = json.load(handle)
            return int(live["done"]), int(live["total"])
        except (OSError, ValueError, KeyError):
            pass  # not written yet, or just removed at the end
    return job.done, job.total


def run_import_job(job_id: int) -> None:
    """The background task's body: import the confirmed job's file for real."""
    job = ImportJob.objects.select_related("created_by").filter(pk=job_id).first()
    if job is None or job.confirmed_at is None or job.status != ImportJob.Status.MENUNGGU:
        return  # cancelled, never confirmed, or already run (a retried task)
    job.status = ImportJob.Status.DIPROSES
    job.started_at = timezone.now()
    job.done = 0
    job.save(update_fields=["status", "started_at", "done"])
    path = progress_path(job) if job.file else None
    try:
        table = read_table(job.file.path)
        job.total = len(table.rows)
        job.save(update_fields=["total"])

        def progress(done: int, total: int) -> None:
            _write_progress(path, done, total)

        result = do_import_pegawai(
            table, actor=job.created_by, kind=job.kind, opd_scope=_scope(job), progress=progress
        )
    except UnreadableFile as exc:
        _finish(job, error=exc.message)
    except Exception:
        logger.exception("import job %s failed", job.pk)
        _finish(
            job, error=_("Impor gagal karena kesalahan sistem; tidak ada data yang berubah. Hubungi Admin.")
        )
        raise
    else:
        _store_result(job, result)
        job.done = job.total
        _finish(job)


def _finish(job: ImportJob, *, error: str = "") -> None:
    job.status = ImportJob.Status.GAGAL if error else ImportJob.Status.SELESAI
    job.error = error
    job.finished_at = timezone.now()
    with transaction.atomic():
        job.save()
        record(
            actor=None,
            event="impor_pegawai.gagal" if error else "impor_pegawai.selesai",
            obj=job,
            after={
                "status": job.status,
                "imported": job.imported,
                "updated": job.updated,
                "unchanged": job.unchanged,
                "rejected": job.rejected,
                **({"error": error} if error else {}),
            },
        )
    # The file holds personal data (NIK, addresses) the database now has: do not keep it.
    _delete_file(job)
