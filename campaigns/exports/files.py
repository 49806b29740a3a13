"""Exports of a campaign: every submission as XLSX, the uploads as ZIPs.

- :func:`submissions_xlsx`: one row per submission, the employee's data, then one column per
  question (its label with its code), values as stored (files by their original name). The
  caller passes the scoped queryset (campaigns.exports.queries.submissions_for_export).
- :func:`run_files_export`: the body of the background task campaigns.exports.tasks.build_files_export.
  One ZIP per OPD, each uploaded file named by the employee's NIP (``<NIP>.pdf`` when the
  campaign has one file question, ``<NIP>_<code>.pdf`` when it has several). A job for every
  OPD (BKD staff) is one ZIP holding one ZIP per OPD. Only the latest version's files are
  exported. Progress (files done / total) is written to the ExportJob row as it goes (no
  long transaction here, so the polling page sees it); the ZIP is built in an unnamed
  temporary file and then saved to the private storage (core.documents.storage(): MEDIA_ROOT
  or the S3 bucket, under campaign_exports/), so any app server can serve it; only the
  permission-checked download view does.
"""

from __future__ import annotations

import logging
import secrets
import tempfile
import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePath
from typing import IO

from django.core.files import File
from django.db import transaction
from django.db.models import QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.roles import Capability
from campaigns.models import Campaign, ExportJob, Question, Submission
from campaigns.submissions.queries import targeted_pegawai
from core.audit import record
from core.documents import storage
from core.exports.files import ExportKind
from core.models import Document
from core.spreadsheets import Progress, write_xlsx

logger = logging.getLogger(__name__)

EXPORT_DIR = "campaign_exports"
PROGRESS_EVERY = 20  # files between two progress writes: cheap, yet a bar that moves
_COPY_CHUNK = 256 * 1024


# --- XLSX of every submission ------------------------------------------------------------


def _cell(question: Question, value, documents: dict[int, Document]):
    if value is None:
        return ""
    if question.kind == Question.Kind.FILE:
        document = documents.get(value) if isinstance(value, int) else None
        return document.original_name if document else ""
    return value


def _when(value) -> str:
    return formats.date_format(timezone.localtime(value), "j F Y H:i") if value else ""


def _submission_header(questions: list[Question]) -> list[str]:
    return [
        _("NIP"),
        _("Nama lengkap"),
        _("OPD"),
        _("Unit kerja"),
        _("Golongan"),
        _("Jabatan"),
        _("Status isian"),
        _("Versi"),
        _("Pertama dikirim"),
        _("Terakhir diubah"),
        _("Diisikan operator"),
    ] + [f"{q.label} ({q.code})" for q in questions]


def write_submissions_xlsx(
    file: IO[bytes],
    campaign: Campaign,
    submissions: QuerySet[Submission],
    questions: list[Question],
    progress: Progress | None = None,
) -> int:
    """The workbook written to ``file``: two queries (submissions, their documents) whatever the size.

    Answers are typed by the employees: core.spreadsheets writes them as text, never as
    formulas. Returns the row count.
    """
    rows = list(submissions)
    file_codes = [q.code for q in questions if q.kind == Question.Kind.FILE]
    ids = {s.answers.get(c) for s in rows for c in file_codes} - {None}
    documents = Document.objects.in_bulk([i for i in ids if isinstance(i, int)])
    cells = (
        [
            s.pegawai.nip,  # text: 18 digits exceed Excel's 15-digit number precision
            s.pegawai.nama_lengkap,
            s.pegawai.opd.name,
            s.pegawai.unit.name if s.pegawai.unit else "",
            s.pegawai.golongan.code if s.pegawai.golongan else "",
            s.pegawai.jabatan,
            s.get_status_display(),
            s.version,
            _when(s.submitted_at),
            _when(s.updated_at),
            _("ya") if s.on_behalf else _("tidak"),
        ]
        + [_cell(q, s.answers.get(q.code), documents) for q in questions]
        for s in rows
    )
    return write_xlsx(file, _("Isian"), _submission_header(questions), cells, progress=progress)


def submissions_xlsx(
    campaign: Campaign, submissions: QuerySet[Submission], questions: list[Question]
) -> bytes:
    """:func:`write_submissions_xlsx` into memory (the inline download)."""
    buffer = BytesIO()
    write_submissions_xlsx(buffer, campaign, submissions, questions)
    return buffer.getvalue()


def submissions_filename(params: dict) -> str:
    return f"isian-{params['slug']}.xlsx"


def _scoped_submissions(user, params: dict) -> tuple[Campaign, QuerySet[Submission]]:
    # Read again through the owner's scope when the worker runs: an OPD moved out of it
    # meanwhile is left out, a campaign no longer visible is a 404 (the job fails).
    from campaigns.exports.queries import submissions_for_export
    from campaigns.participation.queries import get_campaign_for_participation

    campaign = get_campaign_for_participation(user, params["slug"])
    return campaign, submissions_for_export(user, campaign)


def _write_scoped_submissions(user, params: dict, file: IO[bytes], progress: Progress) -> int:
    from campaigns.design.queries import questions_of

    campaign, submissions = _scoped_submissions(user, params)
    return write_submissions_xlsx(file, campaign, submissions, questions_of(campaign), progress)


# Every submission of a campaign as XLSX, in the background when there are many (core.exports.files).
SUBMISSIONS_EXPORT = ExportKind(
    key="campaigns.exports.files.SUBMISSIONS_EXPORT",
    label=gettext_lazy("Semua isian kampanye (XLSX)"),
    capability=Capability.VIEW_PARTICIPATION,
    count=lambda user, params: _scoped_submissions(user, params)[1].count(),
    write=_write_scoped_submissions,
    filename=submissions_filename,
)


# --- ZIP of the uploaded files -----------------------------------------------------------


def entry_name(nip: str, code: str, extension: str, *, single: bool) -> str:
    """The file's name inside an OPD's ZIP: by NIP, with the question code when there are several."""
    extension = extension.lower().lstrip(".") or "bin"
    return f"{nip}.{extension}" if single else f"{nip}_{code}.{extension}"


def opd_zip_name(opd) -> str:
    """The name of one OPD's ZIP inside the all-OPD archive (code and short name, filesystem-safe)."""
    label = opd.short_name or opd.name
    safe = "".join(ch if ch.isalnum() or ch in " -_." else "_" for ch in label).strip()
    return f"{opd.code} {safe}.zip"


@dataclass(frozen=True)
class FileEntry:
    opd_id: int
    name: str
    document: Document


def files_of(campaign: Campaign, opd_id: int | None) -> list[FileEntry]:
    """Every uploaded file of the latest answers of the targeted employees (of ``opd_id``): 3 queries."""
    questions = list(campaign.questions.filter(kind=Question.Kind.FILE).order_by("order", "id"))
    if not questions:
        return []
    people = targeted_pegawai(campaign)
    if opd_id is not None:
        people = people.filter(opd_id=opd_id)
    submissions = list(
        Submission.objects.filter(campaign=campaign, pegawai__in=people.values("pk"))
        .select_related("pegawai")
        .only("answers", "pegawai__nip", "pegawai__opd_id")
        .order_by("pegawai__nip")
    )
    wanted = {s.answers.get(q.code) for s in submissions for q in questions} - {None}
    documents = Document.objects.in_bulk([i for i in wanted if isinstance(i, int)])
    single = len(questions) == 1
    entries = []
    for s in submissions:
        for q in questions:
            document = documents.get(s.answers.get(q.code))
            if document is None:
                continue
            extension = PurePath(document.storage_name).suffix
            entries.append(
                FileEntry(
                    s.pegawai.opd_id, entry_name(s.pegawai.nip, q.code, extension, single=single), document
                )
            )
    return entries


def open_export(job: ExportJob):
    """The finished job's ZIP from the private storage, or None when it is gone."""
    store = storage()
    if not job.file or not store.exists(job.file):
        return None
    return store.open(job.file, "rb")


def _copy_into(archive: zipfile.ZipFile, entry: FileEntry) -> None:
    # PDFs and images are compressed already: store them, do not spend CPU deflating.
    with storage().open(entry.document.storage_name, "rb") as source, archive.open(entry.name, "w") as target:
        while block := source.read(_COPY_CHUNK):
            target.write(block)


def _write_archive(job: ExportJob, entries: list[FileEntry], path) -> None:
    done = 0

    def tick():
        nonlocal done
        done += 1
        if done % PROGRESS_EVERY == 0:
            ExportJob.objects.filter(pk=job.pk).update(done=done)

    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive:
        if job.opd_id is not None:
            for entry in entries:
                _copy_into(archive, entry)
                tick()
            return
        from org.models import Opd

        opds = Opd.objects.in_bulk({e.opd_id for e in entries})
        for opd_id in sorted(opds, key=lambda pk: (opds[pk].code, opds[pk].name)):
            # One ZIP per OPD, nested: written straight into the outer archive (no temp file).
            with (
                archive.open(opd_zip_name(opds[opd_id]), "w", force_zip64=True) as inner_stream,
                # The inner stream cannot seek, so entries carry data descriptors; deflate
                # at level 1 keeps every unzip tool happy with those at little CPU cost.
                zipfile.ZipFile(
                    inner_stream, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1
                ) as inner,
            ):
                for entry in (e for e in entries if e.opd_id == opd_id):
                    _copy_into(inner, entry)
                    tick()


def _finish(job: ExportJob, *, error: str = "") -> None:
    job.status = ExportJob.Status.GAGAL if error else ExportJob.Status.SELESAI
    job.error = error
    job.finished_at = timezone.now()
    if not error:
        job.done = job.total
    with transaction.atomic():
        job.save(update_fields=["status", "error", "finished_at", "done", "file", "total"])
        record(
            actor=None,
            event="kampanye.ekspor_gagal" if error else "kampanye.ekspor_selesai",
            obj=job,
            object_repr=f"{job.campaign.slug} · {job.opd.name if job.opd else _('semua OPD')}",
            after={"status": job.status, "files": job.total, **({"error": error} if error else {})},
        )


def run_files_export(job_id: int) -> None:
    """The task's body: build the job's ZIP, with progress; a retried or finished job is left alone."""
    job = ExportJob.objects.select_related("campaign", "opd").filter(pk=job_id).first()
    if job is None or job.status != ExportJob.Status.MENUNGGU:
        return
    ExportJob.objects.filter(pk=job.pk).update(status=ExportJob.Status.DIPROSES, done=0)
    job.status = ExportJob.Status.DIPROSES
    try:
        entries = files_of(job.campaign, job.opd_id)
        job.total = len(entries)
        ExportJob.objects.filter(pk=job.pk).update(total=job.total)
        # An unnamed temporary file (owner-only, gone when closed, even after a crash) as
        # scratch space: the ZIP writer needs to seek, an object store cannot. Only the
        # finished archive is saved, so a half-written ZIP is never in the storage.
        with tempfile.TemporaryFile() as scratch:
            _write_archive(job, entries, scratch)
            scratch.seek(0)
            job.file = storage().save(f"{EXPORT_DIR}/{secrets.token_hex(16)}.zip", File(scratch))
    except Exception:
        logger.exception("campaign export %s failed", job.pk)
        _finish(job, error=_("Ekspor gagal karena kesalahan sistem. Coba lagi atau hubungi Admin."))
        raise
    _finish(job)
