"""The writes of exports: asking for a background export and recording every download.

Building the file is core.exports.files.run_export_job (the worker), which records its own end.
Downloads of personal data are audited like a document download, whether the file was
built in the request or by the worker.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import record
from core.exports.files import RUNNING, ExportKind
from core.models import ExportJob

# An export of the whole province takes seconds; one not finished after this long has no
# worker left to finish it.
ABANDONED_AFTER = dt.timedelta(hours=1)


class ExportRefused(ValueError):
    """The user already has as many background exports running as one person may."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@transaction.atomic
def do_start_export(
    kind: ExportKind, *, params: dict, title: str, total: int, actor
) -> tuple[ExportJob, bool]:
    """A background job for ``kind`` with the page's ``params``; (job, created).

    The same export still waiting or running is returned instead of a second one (a double
    click, two tabs); more than PELITA_EXPORT_MAX_RUNNING at once is refused (ExportRefused),
    so one person cannot fill the queue. The task is enqueued once the job row is committed.
    """
    # One owner's requests one after another: the count below cannot be raced past.
    get_user_model().objects.select_for_update().filter(pk=actor.pk).values_list("pk", flat=True).get()
    running = list(ExportJob.objects.filter(owner=actor, status__in=RUNNING))
    # A job still unfinished long after it was asked for lost its worker (killed, server
    # restarted): fail it, or it would block asking for the same export again.
    abandoned = [job for job in running if job.created_at < timezone.now() - ABANDONED_AFTER]
    for job in abandoned:
        _fail_abandoned(job)
    running = [job for job in running if job not in abandoned]
    for job in running:
        if job.kind == kind.key and job.params == params:
            return job, False
    limit = settings.PELITA_EXPORT_MAX_RUNNING
    if len(running) >= limit:
        raise ExportRefused(
            _("Anda sudah punya %(n)d ekspor yang sedang disusun; tunggu sampai salah satunya selesai.")
            % {"n": limit}
        )
    job = ExportJob.objects.create(
        owner=actor,
        kind=kind.key,
        title=title[:200],
        params=params,
        total=total,
        filename=kind.filename(params)[:200],
    )
    record(
        actor=actor,
        event="ekspor.diminta",
        obj=job,
        after={"kind": kind.key, "params": params, "total": total},
    )
    from core.exports.tasks import build_export

    transaction.on_commit(lambda: build_export.enqueue(job.pk))
    return job, True


def _fail_abandoned(job: ExportJob) -> None:
    job.status = ExportJob.Status.GAGAL
    job.error = _("Ekspor ini terhenti sebelum selesai (pekerja latar belakang berhenti). Buat ekspor baru.")
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "error", "finished_at"])
    record(actor=None, event="ekspor.gagal", obj=job, after={"status": job.status, "error": job.error})


def do_record_export_download(job: ExportJob, *, actor) -> None:
    """Audit that ``actor`` downloaded the finished file of ``job``."""
    record(
        actor=actor,
        event="ekspor.diunduh",
        obj=job,
        after={"kind": job.kind, "params": job.params, "rows": job.total},
    )


def do_record_inline_export(kind: ExportKind, *, params: dict, rows: int, title: str, actor) -> None:
    """Audit that ``actor`` downloaded ``kind`` built inside the request (small enough for it)."""
    record(
        actor=actor,
        event="ekspor.diunduh_langsung",
        object_type=kind.key,
        object_repr=title or str(_("Ekspor")),
        after={"params": params, "rows": rows},
    )
