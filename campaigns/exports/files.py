"""Exports of a campaign: every submission as XLSX, the uploads as ZIPs.

- :func:`submissions_xlsx`: one row per submission, the employee's data, then one column per
  question (its label with its code), values as stored (files by their original name). The
  caller passes the scoped queryset (campaigns.exports.queries.submissions_for_export).
- :data:`FILES_EXPORT`: the uploads as ZIPs, a core export job (core.exports) like every
  background export: the worker, the progress on the job row, the storage under exports/,
  the poller and the pruning are core's. One ZIP per OPD, each uploaded file named by the
  employee's NIP (``<NIP>.pdf`` when the campaign has one file question, ``<NIP>_<code>.pdf``
  when it has several). A job for every OPD (BKD staff) is one ZIP holding one ZIP per OPD.
  Only the latest version's files are exported. The job's ``params`` are the campaign's
  slug and the OPD's id (None: every OPD); the worker reads both again through its owner's
  scope. Unlike other exports a ZIP job is shared: everyone who sees the campaign's OPD
  sees the job on the export page and may download it (campaigns.exports.queries).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePath
from typing import IO

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.roles import Capability
from campaigns.models import Campaign, Question, Submission
from campaigns.submissions.queries import targeted_pegawai
from core.documents import storage
from core.exports.files import ExportKind
from core.models import Document
from core.permissions import user_can
from core.spreadsheets import Progress, write_xlsx

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


def _copy_into(archive: zipfile.ZipFile, entry: FileEntry) -> None:
    # PDFs and images are compressed already: store them, do not spend CPU deflating.
    with storage().open(entry.document.storage_name, "rb") as source, archive.open(entry.name, "w") as target:
        while block := source.read(_COPY_CHUNK):
            target.write(block)


def _write_archive(opd_id: int | None, entries: list[FileEntry], file: IO[bytes], progress: Progress) -> int:
    done = 0

    def tick():
        nonlocal done
        done += 1
        if done % PROGRESS_EVERY == 0:
            progress(done)

    with zipfile.ZipFile(file, "w", compression=zipfile.ZIP_STORED) as archive:
        if opd_id is not None:
            for entry in entries:
                _copy_into(archive, entry)
                tick()
            return done
        from org.models import Opd

        opds = Opd.objects.in_bulk({e.opd_id for e in entries})
        for pk in sorted(opds, key=lambda pk: (opds[pk].code, opds[pk].name)):
            # One ZIP per OPD, nested: written straight into the outer archive (no temp file).
            with (
                archive.open(opd_zip_name(opds[pk]), "w", force_zip64=True) as inner_stream,
                # The inner stream cannot seek, so entries carry data descriptors; deflate
                # at level 1 keeps every unzip tool happy with those at little CPU cost.
                zipfile.ZipFile(
                    inner_stream, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1
                ) as inner,
            ):
                for entry in (e for e in entries if e.opd_id == pk):
                    _copy_into(inner, entry)
                    tick()
    return done


def files_params(campaign: Campaign, opd) -> dict:
    """The job's ``params``: what the worker needs to find the files again."""
    return {"slug": campaign.slug, "opd": opd.pk if opd is not None else None}


def files_filename(params: dict) -> str:
    from org.models import Opd

    opd = Opd.objects.filter(pk=params["opd"]).only("code").first() if params["opd"] is not None else None
    return f"berkas-{params['slug']}-{opd.code if opd else 'semua-opd'}.zip"


def _scoped_files(user, params: dict) -> tuple[int | None, list[FileEntry]]:
    # Read again through the owner's scope when the worker runs: a campaign no longer visible
    # is a 404, an OPD out of scope (or every OPD without the right to all) a refusal; the
    # job then fails with core's message instead of exporting what the owner may not see.
    from campaigns.participation.queries import get_campaign_for_participation
    from org.units.queries import opds_for_user

    campaign = get_campaign_for_participation(user, params["slug"])
    opd_id = params["opd"]
    if opd_id is None:
        if not user_can(user, Capability.VIEW_ALL_OPDS):
            raise PermissionDenied
    elif not opds_for_user(user).filter(pk=opd_id).exists():
        raise PermissionDenied
    return opd_id, files_of(campaign, opd_id)


def _write_scoped_files(user, params: dict, file: IO[bytes], progress: Progress) -> int:
    opd_id, entries = _scoped_files(user, params)
    return _write_archive(opd_id, entries, file, progress)


# The uploaded files of a campaign as ZIPs (one per OPD), always in the background.
FILES_EXPORT = ExportKind(
    key="campaigns.exports.files.FILES_EXPORT",
    label=gettext_lazy("Berkas unggahan per OPD (ZIP)"),
    capability=Capability.VIEW_PARTICIPATION,
    count=lambda user, params: len(_scoped_files(user, params)[1]),
    write=_write_scoped_files,
    filename=files_filename,
    content_type="application/zip",
    suffix=".zip",
)
