"""Exports too big to build inside a request: built by the worker, with progress and a download.

An app describes each export once as an :class:`ExportKind` (how to count its rows, how to
write its file, what the download is called), kept as a module-level constant; the job
stores that constant's dotted path in ``ExportJob.kind`` and its page's filters in
``ExportJob.params``. Core thus never imports the apps above it, and the worker rebuilds
the very query the screen used, scoped to the job's owner, when it runs.

The view side is :func:`export_or_job`: up to ``PELITA_EXPORT_INLINE_MAX_ROWS`` rows the
file is built in the request as before; above that the page offers to build it in the
background (a POST, so that no link or prefetch queues work), and the user follows the
job on its page (core.exports.views), which polls the JSON status every 2 s, as the import
page does. Progress is written to the job row by the worker in autocommit, so any app
server sees it.

Hazard: the file holds personal data. It is written to the default storage (a local
MEDIA_ROOT or a private bucket) under a random name, served only to its owner, and
deleted by ``manage.py prune_exports`` after PELITA_EXPORT_KEEP_DAYS.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from core.audit import record
from core.documents import storage
from core.models import ExportJob
from core.spreadsheets import XLSX_CONTENT_TYPE, Progress

logger = logging.getLogger(__name__)

EXPORT_DIR = "exports"
RUNNING = (ExportJob.Status.MENUNGGU, ExportJob.Status.DIPROSES)


@dataclass(frozen=True)
class ExportKind:
    """One export of an app. ``key`` is the dotted path of the constant holding this object.

    ``count(user, params)`` and ``write(user, params, file, progress)`` read through the
    user's scoped query with the page's filters; ``write`` returns the rows written and
    calls ``progress(rows so far)`` now and then. ``filename(params)`` is the download name.
    """

    key: str
    label: str
    capability: str
    count: Callable[[Any, dict], int]
    write: Callable[[Any, dict, IO[bytes], Progress], int]
    filename: Callable[[dict], str]
    content_type: str = XLSX_CONTENT_TYPE
    suffix: str = ".xlsx"


class UnknownExport(LookupError):
    pass


def kind_of(key: str) -> ExportKind:
    """The ExportKind a job names; UnknownExport when the code no longer has it."""
    try:
        kind = import_string(key)
    except ImportError as exc:
        raise UnknownExport(key) from exc
    if not isinstance(kind, ExportKind) or kind.key != key:
        raise UnknownExport(key)
    return kind


def inline_limit() -> int:
    return settings.PELITA_EXPORT_INLINE_MAX_ROWS


def open_export_file(job: ExportJob):
    """The finished job's file, opened for reading from the default storage."""
    return storage().open(job.file, "rb")


# --- the run (in the worker) -----------------------------------------------------------


def run_export_job(job_id: int) -> None:
    """The task's body: build the job's file with progress; a retried or finished job is left alone."""
    claimed = ExportJob.objects.filter(pk=job_id, status=ExportJob.Status.MENUNGGU).update(
        status=ExportJob.Status.DIPROSES, started_at=timezone.now(), done=0
    )
    if not claimed:
        return  # gone, or another worker has it (a retried task)
    job = ExportJob.objects.select_related("owner").get(pk=job_id)
    try:
        kind = kind_of(job.kind)
        owner = job.owner
        # The owner's rights are read again now: a role taken away meanwhile stops the export.
        if not owner.is_active or not owner.can(kind.capability):
            _finish(job, error=_("Anda tidak lagi berwenang membuat ekspor ini."))
            return
        job.total = kind.count(owner, job.params)
        ExportJob.objects.filter(pk=job.pk).update(total=job.total)

        def progress(done: int) -> None:
            # Autocommit, no transaction around it: visible to every status request at once.
            ExportJob.objects.filter(pk=job.pk).update(done=min(done, job.total))

        name = f"{EXPORT_DIR}/{secrets.token_hex(16)}{kind.suffix}"
        # Written to a local temporary file first (openpyxl needs to seek), then stored in
        # one piece: the default storage may be an object store without partial writes.
        with tempfile.TemporaryFile() as scratch:
            rows = kind.write(owner, job.params, scratch, progress)
            scratch.seek(0)
            job.file = storage().save(name, File(scratch, name=name))
        job.total = job.done = rows
    except UnknownExport:
        _finish(job, error=_("Jenis ekspor ini tidak dikenal lagi; buat ekspor baru."))
    except (Http404, PermissionDenied):
        # The scoped query of the owner no longer finds what the page showed (a campaign
        # closed to them, an OPD moved out of their scope): nothing to export, no traceback.
        _finish(job, error=_("Data ekspor ini tidak lagi dapat Anda akses."))
    except Exception:
        logger.exception("export job %s failed", job.pk)
        _finish(job, error=_("Ekspor gagal karena kesalahan sistem. Coba lagi atau hubungi Admin."))
        raise
    else:
        _finish(job)


def _finish(job: ExportJob, *, error: str = "") -> None:
    job.status = ExportJob.Status.GAGAL if error else ExportJob.Status.SELESAI
    job.error = error
    job.finished_at = timezone.now()
    with transaction.atomic():
        job.save(update_fields=["status", "error", "finished_at", "done", "total", "file"])
        record(
            actor=None,
            event="ekspor.gagal" if error else "ekspor.selesai",
            obj=job,
            after={"status": job.status, "rows": job.total, **({"error": error} if error else {})},
        )


# --- housekeeping (manage.py prune_exports) ----------------------------------------------


def prune_export_jobs(*, now: dt.datetime | None = None, keep_days: int | None = None) -> int:
    """Delete the jobs (and files) asked for more than ``keep_days`` ago; returns how many.

    Idempotent, for a daily timer. A job still waiting or running after that long has no
    worker left to finish it, so it goes too.
    """
    now = now or timezone.now()
    keep_days = settings.PELITA_EXPORT_KEEP_DAYS if keep_days is None else keep_days
    old = ExportJob.objects.filter(created_at__lt=now - dt.timedelta(days=keep_days))
    count = 0
    for job in old.iterator():
        if job.file:
            storage().delete(job.file)
        with transaction.atomic():
            record(
                actor=None,
                event="ekspor.dihapus",
                obj=job,
                before={"status": job.status, "rows": job.total, "file": job.file},
            )
            job.delete()
        count += 1
    return count
