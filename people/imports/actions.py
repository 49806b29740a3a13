"""The import screens' actions: upload with a dry-run preview, confirm, cancel, retry, and the run.

``do_create_import_job`` validates the whole file at once (a dry run), stores it under
MEDIA_ROOT/imports/ with a random name and keeps the preview's counts and rejections on
the job. ``do_confirm_import_job`` marks it confirmed and, once that commits, enqueues
``people.imports.tasks.run_import_job``, whose body is ``run_import_job``: the view, a command or
a test that calls the action all start the job the same way.

One transaction: the run imports the whole file and records the job's result in one
transaction, so a worker killed half-way leaves nothing half-imported, and a job is
*Selesai* exactly when its rows are in.

Progress and heartbeat: rows written inside that transaction are invisible to everyone else
until it commits, so the worker publishes its progress through core.progress (another
database connection, in autocommit). That write is also its heartbeat. A job *Diproses*
whose worker showed no sign of life for PELITA_JOB_STUCK_MINUTES is failed with a reason
by ``do_expire_stuck_import_jobs`` (run by ``manage.py expire_stuck_jobs`` on a timer, and
for one job whenever its page or status is looked at) and can be retried from its page
(``do_retry_import_job``). A worker that was declared dead but was only slow finds out at
its end and rolls its import back, so a retried job never imports twice.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings
from django.db import OperationalError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from core import progress
from core.audit import record
from core.documents import clean_filename
from core.tables import Table, UnreadableFile, read_table
from org.models import Instansi, Opd
from org.units.actions import do_create_opd
from org.unor.actions import free_opd_codes
from people.imports.files import siasn
from people.imports.files.cells import Lookups
from people.imports.files.tables import ImportResult, Rejection, do_import_pegawai
from people.imports.tasks import run_import_job as run_import_task
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


def _enqueue_on_commit(job: ImportJob) -> None:
    # After the commit: a worker that picked the task up earlier would not see the job yet.
    transaction.on_commit(functools.partial(run_import_task.enqueue, job.pk))


def do_create_import_job(*, upload, table: Table, kind: str, opd, actor) -> ImportJob:
    """Dry-run ``table`` (read from ``upload``) and keep the file for the real run.

    ``opd``: the OPD the import is limited to (an Operator OPD's), None for every OPD.
    Raises UnreadableFile (nothing stored) when the file cannot be imported at all.
    """
    job = ImportJob(created_by=actor, opd=opd, kind=kind, original_name=clean_filename(upload.name or ""))
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
    """Mark the previewed job as confirmed and queue its run; False when it already was (a double click)."""
    confirmed = ImportJob.objects.filter(pk=job.pk, confirmed_at__isnull=True).update(
        confirmed_at=timezone.now()
    )
    if not confirmed:
        return False
    job.refresh_from_db()
    record(actor=actor, event="impor_pegawai.dikonfirmasi", obj=job, after={"status": job.status})
    _enqueue_on_commit(job)
    return True


@transaction.atomic
def do_cancel_import_job(job: ImportJob, *, actor) -> None:
    """Drop a previewed job and its file; a confirmed job runs to its end and stays."""
    if job.confirmed_at is not None:
        raise ValueError("a confirmed import cannot be cancelled")
    record(actor=actor, event="impor_pegawai.dibatalkan", obj=job, before={"kind": job.kind})
    _delete_file(job)
    job.delete()


@transaction.atomic
def do_retry_import_job(job: ImportJob, *, actor) -> bool:
    """Queue a failed job whose file is still kept for another run; False when it cannot be retried.

    The same job runs again (``attempt`` counts the runs): its page, its history entry and
    the uploader stay; the retry is audited with the failure it answers.
    """
    retried = (
        ImportJob.objects.filter(pk=job.pk, status=ImportJob.Status.GAGAL)
        .exclude(file="")
        .update(status=ImportJob.Status.MENUNGGU, error="", started_at=None, finished_at=None, done=0)
    )
    if not retried:
        return False
    before = {"status": job.status, "error": job.error, "attempt": job.attempt}
    job.refresh_from_db()
    record(actor=actor, event="impor_pegawai.diulang", obj=job, before=before, after={"status": job.status})
    _enqueue_on_commit(job)
    return True


def _delete_file(job: ImportJob) -> None:
    if job.file:
        job.file.storage.delete(job.file.name)


# --- progress and heartbeat ----------------------------------------------------------------


def progress_key(job: ImportJob) -> str:
    return f"people.importjob.{job.pk}.{job.attempt}"


def _live(job: ImportJob) -> progress.Progress | None:
    # Only a running job has live numbers; every other state reads nothing from the store.
    return progress.read(progress_key(job)) if job.status == ImportJob.Status.DIPROSES else None


def progress_of(job: ImportJob) -> tuple[int, int]:
    """(rows done, rows in the file): live from the worker while it runs, else from the job."""
    live = _live(job)
    return (live.done, live.total) if live is not None else (job.done, job.total)


def progress_for_page(job: ImportJob) -> tuple[int, int]:
    """progress_of for a page or status a person looks at; a job whose worker stopped is failed first.

    So a stuck job shows as failed (with "Ulangi impor") as soon as someone looks, even
    where no timer runs ``expire_stuck_jobs``. ``job`` is refreshed when that happens.
    """
    live = _live(job)
    if job.status == ImportJob.Status.DIPROSES:
        beat = last_sign_of_life(job, live)
        stale_before = timezone.now() - dt.timedelta(minutes=settings.PELITA_JOB_STUCK_MINUTES)
        if (beat is None or beat < stale_before) and do_expire_stuck_import_jobs(pks=[job.pk]):
            job.refresh_from_db()
            return job.done, job.total
    return (live.done, live.total) if live is not None else (job.done, job.total)


def last_sign_of_life(job: ImportJob, live: progress.Progress | None = None) -> dt.datetime | None:
    """When the job's worker last showed life: its latest write on the row or in core.progress."""
    beats = [t for t in (job.heartbeat_at, job.started_at, live.at if live else None) if t is not None]
    return max(beats, default=None)


def stuck_reason(minutes: int) -> str:
    return _(
        "Impor terhenti: pekerja latar belakang tidak memberi tanda aktif selama %(minutes)s menit "
        "(mungkin mati atau dimulai ulang). Tidak ada data yang berubah. Klik “Ulangi impor” "
        "untuk menjalankannya lagi."
    ) % {"minutes": minutes}


def do_expire_stuck_import_jobs(
    *, actor=None, minutes: int | None = None, pks=None, now: dt.datetime | None = None
) -> list[ImportJob]:
    """Fail every job *Diproses* whose worker showed no sign of life for ``minutes``; idempotent.

    ``minutes``: PELITA_JOB_STUCK_MINUTES by default; ``pks``: only these jobs (a page that
    shows one). ``actor`` None is the system (the timer). The file stays for a retry.
    Returns the jobs it failed.
    """
    minutes = settings.PELITA_JOB_STUCK_MINUTES if minutes is None else minutes
    now = now or timezone.now()
    cutoff = now - dt.timedelta(minutes=minutes)
    # The row's own beat is old for every job past its first minutes (the import's
    # transaction hides later ones): those are only candidates, the live entry decides.
    candidates = ImportJob.objects.filter(status=ImportJob.Status.DIPROSES).filter(
        Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True)
    )
    if pks is not None:
        candidates = candidates.filter(pk__in=pks)
    expired = []
    for job in candidates:
        beat = last_sign_of_life(job, _live(job))
        if beat is not None and beat >= cutoff:
            continue
        reason = stuck_reason(minutes)
        try:
            failed = _fail_stuck(job, reason, beat, actor=actor, now=now)
        except OperationalError:
            # SQLite: "database is locked" after the busy timeout means a writer holds the
            # main file, i.e. the worker is alive after all (merely silent). Next sweep.
            logger.warning(
                "import job %s looks stuck but the database is busy; left for the next sweep", job.pk
            )
            continue
        if not failed:
            continue
        job.refresh_from_db()
        expired.append(job)
    return expired


def _fail_run(job: ImportJob, error: str, now) -> bool:
    """Mark this run of ``job`` failed; False when it no longer owns the job (only the run
    that was looked at: a retry or the worker's own end may have won)."""
    return bool(
        ImportJob.objects.filter(pk=job.pk, status=ImportJob.Status.DIPROSES, attempt=job.attempt).update(
            status=ImportJob.Status.GAGAL, error=error, finished_at=now
        )
    )


def _fail_stuck(job: ImportJob, reason: str, beat, *, actor, now) -> bool:
    with transaction.atomic():
        failed = _fail_run(job, reason, now)
        if failed:
            record(
                actor=actor,
                event="impor_pegawai.terhenti",
                obj=job,
                before={
                    "status": job.status,
                    "attempt": job.attempt,
                    "last_sign_of_life": beat.isoformat() if beat else None,
                },
                after={"status": ImportJob.Status.GAGAL, "error": reason},
            )
    return failed


def do_drop_unretried_import_files(*, actor=None, days: int | None = None, now=None) -> int:
    """Delete the kept files of jobs that failed more than ``days`` ago and were not retried.

    The file holds personal data; after PELITA_IMPORT_RETRY_DAYS (default) nobody will
    retry it any more. The job stays, without its file (and so without "Ulangi impor").
    """
    days = settings.PELITA_IMPORT_RETRY_DAYS if days is None else days
    cutoff = (now or timezone.now()) - dt.timedelta(days=days)
    dropped = 0
    for job in ImportJob.objects.filter(status=ImportJob.Status.GAGAL, finished_at__lt=cutoff).exclude(
        file=""
    ):
        with transaction.atomic():
            if (
                not ImportJob.objects.filter(pk=job.pk, status=ImportJob.Status.GAGAL)
                .exclude(file="")
                .update(file="")
            ):
                continue
            record(
                actor=actor,
                event="impor_pegawai.berkas_dihapus",
                obj=job,
                before={"file": job.file.name},
                after={"file": "", "days": days},
            )
            name, storage = job.file.name, job.file.storage
            transaction.on_commit(functools.partial(storage.delete, name))
        dropped += 1
    return dropped


# --- the run (in the worker) ---------------------------------------------------------------


class _RunExpired(Exception):
    """The job is no longer this run's: it was declared dead (and perhaps retried) meanwhile."""


def run_import_job(job_id: int) -> None:
    """The background task's body: import the confirmed job's file for real."""
    now = timezone.now()
    # Claimed with one conditional UPDATE: two deliveries of the task cannot both run it.
    claimed = ImportJob.objects.filter(
        pk=job_id, confirmed_at__isnull=False, status=ImportJob.Status.MENUNGGU
    ).update(
        status=ImportJob.Status.DIPROSES, started_at=now, heartbeat_at=now, done=0, attempt=F("attempt") + 1
    )
    if not claimed:
        return  # cancelled, never confirmed, or already run (a repeated task)
    job = ImportJob.objects.select_related("created_by").get(pk=job_id)
    key = progress_key(job)
    published = False

    def publish(done: int, total: int) -> None:
        nonlocal published
        # The last count arrives a moment later with the result, on the job's row.
        if done < total:
            progress.publish(key, done, total)
            published = True

    try:
        with job.file.open("rb") as handle:  # a stream: the storage may be a bucket, not a disk
            table = read_table(handle)
        job.total = len(table.rows)
        job.heartbeat_at = timezone.now()
        job.save(update_fields=["total", "heartbeat_at"])
        with transaction.atomic():
            result = do_import_pegawai(
                table, actor=job.created_by, kind=job.kind, opd_scope=_scope(job), progress=publish
            )
            _store_result(job, result)
            job.done = job.total
            _finish(job)
    except _RunExpired:
        logger.warning(
            "import job %s attempt %s was declared dead meanwhile; rolled back", job.pk, job.attempt
        )
        return
    except UnreadableFile as exc:
        _fail(job, exc.message, keep_file=False)
    except Exception:
        logger.exception("import job %s failed", job.pk)
        _fail(
            job,
            _(
                "Impor gagal karena kesalahan sistem; tidak ada data yang berubah. Ulangi impor, atau hubungi Admin."
            ),
            keep_file=True,
        )
        raise
    else:
        # The file holds personal data (NIK, addresses) the database now has: do not keep it.
        _delete_file(job)
    finally:
        if published:
            progress.forget(key)


def _finish(job: ImportJob) -> None:
    """Record the result inside the import's transaction, if the job is still this run's."""
    current = ImportJob.objects.select_for_update().filter(pk=job.pk).values_list("status", "attempt").first()
    if current != (ImportJob.Status.DIPROSES, job.attempt):
        raise _RunExpired
    job.status = ImportJob.Status.SELESAI
    job.error = ""
    job.finished_at = timezone.now()
    job.save()
    record(
        actor=None,
        event="impor_pegawai.selesai",
        obj=job,
        after={
            "status": job.status,
            "imported": job.imported,
            "updated": job.updated,
            "unchanged": job.unchanged,
            "rejected": job.rejected,
        },
    )


def _fail(job: ImportJob, error: str, *, keep_file: bool) -> None:
    """Mark this run failed (unless it no longer owns the job); ``keep_file`` for a retry."""
    with transaction.atomic():
        failed = _fail_run(job, error, timezone.now())
        if failed:
            record(
                actor=None,
                event="impor_pegawai.gagal",
                obj=job,
                after={"status": ImportJob.Status.GAGAL, "error": error, "retryable": keep_file},
            )
    if failed and not keep_file:
        _delete_file(job)
        ImportJob.objects.filter(pk=job.pk).update(file="")


# The OPDs a Data ASN file names but Pelita does not have yet: found, previewed and created
# before the employees are imported (``import_pegawai --create-opd`` and the upload form's
# "Buat OPD yang belum ada"), and the one message a fresh installation gets instead of every
# row rejected for its unknown OPD.
#
# The OPD of a row is read exactly as the import reads it (``satuan_kerja_kerja_nama``, else
# ``unor_nama``, matched by ``Lookups.find_opd``), so what is created here is what the import
# then finds. The national id beside the name (``satuan_kerja_kerja_id``/``unor_id``) is kept
# as the OPD's ``unor_id`` when it has the national form (32 hexadecimal digits), so a later
# ``import_opd`` matches it; a short id (Pelita's own exports write the OPD code there)
# becomes the OPD's code.


_NATIONAL_ID = re.compile(r"[0-9A-Fa-f]{32}")
_NAME_MAX = Opd._meta.get_field("name").max_length
_CODE_MAX = Opd._meta.get_field("code").max_length
_COUNTS = ("imported", "updated", "unchanged", "rejected")


def no_opd_message(*, can_create: bool, command: bool) -> str:
    """What a fresh installation (no OPD at all) says instead of rejecting every Data ASN row."""
    if command:
        return _(
            "Belum ada OPD di Pelita, jadi setiap baris berkas Data ASN akan ditolak. Impor daftar OPD "
            "lebih dulu (manage.py import_opd BERKAS-UNOR, lihat docs/installation.md), atau ulangi dengan "
            "--create-opd untuk membuat OPD yang disebut berkas ini."
        )
    if can_create:
        return _(
            "Belum ada OPD di Pelita, jadi setiap baris berkas Data ASN akan ditolak. Impor daftar OPD "
            "lebih dulu (manage.py import_opd, lihat docs/installation.md), atau centang “Buat OPD yang "
            "belum ada” agar OPD yang disebut berkas ini dibuat."
        )
    return _(
        "Belum ada OPD di Pelita, jadi setiap baris berkas Data ASN akan ditolak. Minta Admin mengimpor "
        "daftar OPD lebih dulu (lihat docs/installation.md)."
    )


def needs_opds_first(kind: str) -> bool:
    """A Data ASN file on an installation without any OPD: every row would be refused."""
    return kind == "data-asn" and not Opd.objects.exists()


@dataclass(frozen=True)
class NewOpd:
    name: str
    instansi: Instansi
    national_id: str = ""  # satuan_kerja_kerja_id / unor_id beside the name
    rows: int = 0  # file rows naming it


def opds_to_create(table: Table) -> list[NewOpd]:
    """The OPDs the rows of a Data ASN ``table`` name that Pelita lacks, in file order.

    Raises UnreadableFile when there is no instansi to put them in (or several and the
    file does not say which).
    """
    present = set(table.columns)
    lookups = Lookups()
    instansi = list(Instansi.objects.order_by("pk"))
    found: dict[str, dict] = {}
    for row in table.rows:
        get = row.values.get
        column = "satuan_kerja_kerja_nama" if get("satuan_kerja_kerja_nama", "") else "unor_nama"
        if column not in present:
            continue
        name = " ".join(get(column, "").split())
        instansi_name = get("instansi_kerja_nama", "")
        if not name or len(name) > _NAME_MAX or lookups.find_opd(name, instansi_name) is not None:
            continue  # empty or too long: the import rejects the row with its own reason
        entry = found.get(siasn.key(name))
        if entry is None:
            id_column = "satuan_kerja_kerja_id" if column == "satuan_kerja_kerja_nama" else "unor_id"
            entry = found[siasn.key(name)] = {
                "name": name,
                "instansi": _instansi_for(instansi, instansi_name, row.line),
                "national_id": get(id_column, ""),
                "rows": 0,
            }
        entry["rows"] += 1
    return [NewOpd(**entry) for entry in found.values()]


def _instansi_for(instansi: list[Instansi], name: str, line: int) -> Instansi:
    if not instansi:
        raise UnreadableFile(
            _(
                "Belum ada instansi untuk OPD baru. Jalankan setup_instansi lebih dulu (lihat docs/installation.md)."
            )
        )
    if len(instansi) == 1:
        return instansi[0]
    match = [i for i in instansi if name and siasn.key(i.name) == siasn.key(name)]
    if len(match) != 1:
        raise UnreadableFile(
            _(
                "Baris %(line)s: instansi OPD baru tidak dapat ditentukan karena Pelita memuat beberapa "
                "instansi; isi instansi_kerja_nama dengan nama instansi seperti di Pelita."
            )
            % {"line": line}
        )
    return match[0]


@transaction.atomic
def do_create_import_opds(new: list[NewOpd], *, actor) -> list[Opd]:
    """Create the OPDs ``opds_to_create`` found (each audited as opd.dibuat)."""
    created = []
    codes: dict[int, Iterator[str]] = {}
    used_ids = set(Opd.objects.exclude(unor_id="").values_list("unor_id", flat=True))
    for opd in new:
        taken = set(Opd.objects.filter(instansi=opd.instansi).values_list("code", flat=True))
        national = opd.national_id
        unor_id = national if _NATIONAL_ID.fullmatch(national) and national not in used_ids else ""
        if not unor_id and national and len(national) <= _CODE_MAX and national not in taken:
            code = national
        else:
            generator = codes.setdefault(opd.instansi.pk, free_opd_codes(taken))
            code = next(c for c in generator if c not in taken)
        created.append(
            do_create_opd(actor=actor, instansi=opd.instansi, code=code, name=opd.name, unor_id=unor_id)
        )
        used_ids.add(unor_id)
    return created


def dry_run_with_new_opds(table: Table, new: list[NewOpd], *, actor, kind: str | None = None):
    """What importing ``table`` would do once ``new`` exist: the OPDs are created inside a
    savepoint that is rolled back, so nothing (audit rows included) stays."""
    with transaction.atomic():
        do_create_import_opds(new, actor=actor)
        result = do_import_pegawai(table, actor=actor, kind=kind, dry_run=True)
        transaction.set_rollback(True)  # leaves this block's savepoint (or transaction) undone
    return result


@transaction.atomic
def do_preview_import_with_new_opds(job: ImportJob, table: Table, new: list[NewOpd], *, actor) -> None:
    """Replace a previewed job's counts by those of importing it after creating ``new``.

    The upload's dry run ran without them (every row of a new OPD rejected); the preview
    must show what "Impor sekarang" will do, which creates them first.
    """
    result = dry_run_with_new_opds(table, new, actor=actor, kind=job.kind)
    before = {name: getattr(job, name) for name in _COUNTS}
    job.imported, job.updated, job.unchanged = result.imported, result.updated, result.unchanged
    job.rejected = result.rejected
    job.rejections = rejections_json(result)
    job.save(update_fields=[*_COUNTS, "rejections"])
    # The counts only: the rejection list can be thousands of rows and stays on the job.
    record(
        actor=actor,
        event="impor_pegawai.pratinjau_opd_baru",
        obj=job,
        before=before,
        after={**{name: getattr(job, name) for name in _COUNTS}, "opd_baru": [o.name for o in new]},
    )
