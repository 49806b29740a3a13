"""Writes of campaign file uploads: start a chunked upload, finish it, or upload at once.

Each stored file becomes a core Document (kind ``isian_kampanye``) owned by its
UploadSession, which names the campaign, the employee and the question; the answer then
refers to the document id. The content check, private storage and SHA-256 are
core.documents' one acceptance path (accept_upload, through do_attach_document), given
the question's type list and the client's hash; the question's size limit and extensions
are checked here at the start, before a byte arrives.
"""

from __future__ import annotations

import datetime as dt
from pathlib import PurePath

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from campaigns.models import Question, Submission, SubmissionVersion, UploadSession
from campaigns.submissions.queries import is_targeted
from campaigns.submissions.rules import NotTargeted, check_editable
from campaigns.uploads.files import assemble, remove_parts, upload_dirs
from campaigns.uploads.rules import UploadRefused
from core.audit import record
from core.documents import (
    JPEG,
    PDF,
    PNG,
    DocumentRejected,
    FileType,
    clean_filename,
    do_attach_document,
    do_delete_document,
    max_bytes,
)
from core.models import Document

KIND = Document.Kind.ISIAN_KAMPANYE
TYPES: dict[str, FileType] = {"pdf": PDF, "jpg": JPEG, "png": PNG}


def allowed_types(question: Question) -> list[str]:
    return [t for t in (question.allowed_types or list(TYPES)) if t in TYPES]


def limit_bytes(question: Question) -> int:
    overall = max_bytes(KIND)
    return min(overall, question.max_kb * 1024) if question.max_kb else overall


def _types_label(question: Question) -> str:
    return ", ".join(TYPES[t].label for t in allowed_types(question))


def _check_claim(question: Question, filename: str, size: int) -> None:
    """What can be checked before a byte arrives: kind of question, size, extension."""
    if question.kind != Question.Kind.FILE:
        raise UploadRefused(_("Pertanyaan ini tidak menerima berkas."))
    if size <= 0:
        raise UploadRefused(_("Berkas kosong."))
    limit = limit_bytes(question)
    if size > limit:
        raise UploadRefused(
            _("Ukuran berkas %(size)s KB melebihi batas %(limit)s KB untuk isian ini.")
            % {"size": number_format(-(-size // 1024)), "limit": number_format(limit // 1024)}
        )
    extension = PurePath(filename or "").suffix.lower()
    if not any(extension in TYPES[t].extensions for t in allowed_types(question)):
        raise UploadRefused(
            _("Jenis berkas harus %(types)s; berkas ini berekstensi %(ext)s.")
            % {"types": _types_label(question), "ext": extension or _("kosong")}
        )


def _check_may_upload(campaign, pegawai, question: Question) -> None:
    if question.campaign_id != campaign.pk:
        raise UploadRefused(_("Pertanyaan tidak dikenal."))
    if not is_targeted(campaign, pegawai):
        raise NotTargeted(_("%(nama)s tidak termasuk sasaran kampanye ini.") % {"nama": pegawai.nama_lengkap})
    check_editable(campaign, Submission.objects.filter(campaign=campaign, pegawai=pegawai).first())


def _attach(
    session: UploadSession, question: Question, content, *, actor, client_sha256: str = ""
) -> Document:
    """Accept the file through core.documents (the question's types, the client's hash) and attach it."""
    try:
        return do_attach_document(
            session,
            content,
            kind=KIND,
            actor=actor,
            types=[TYPES[t] for t in allowed_types(question)],
            sha256=client_sha256,
        )
    except DocumentRejected as error:
        raise UploadRefused(str(error)) from None


@transaction.atomic
def do_start_upload(
    campaign, pegawai, question: Question, *, filename: str, size: int, actor
) -> UploadSession:
    """Open a chunked upload; the claim (name, size, type) is refused here, before any byte."""
    filename = clean_filename(filename)
    _check_may_upload(campaign, pegawai, question)
    _check_claim(question, filename, size)
    session = UploadSession.objects.create(
        campaign=campaign,
        pegawai=pegawai,
        question_code=question.code,
        user=actor,
        filename=filename,
        size=size,
    )
    record(
        actor=actor,
        event="kampanye.unggah_dimulai",
        obj=session,
        object_repr=f"{campaign.slug} · {pegawai.nip} · {question.code}",
        after={"filename": session.filename, "size": size, "question": question.code},
    )
    return session


def do_finish_upload(session: UploadSession, *, actor, sha256: str = "") -> Document:
    """Assemble, check and attach the uploaded file; its parts are removed either way.

    The parts go only once the outcome is committed, so a finish that fails half-way (a
    lost database connection) can be retried on any server with every part still there.
    """
    with transaction.atomic():
        session = (
            UploadSession.objects.select_for_update().select_related("campaign", "pegawai").get(pk=session.pk)
        )
        if session.status == UploadSession.Status.COMPLETE and session.document_id:
            return session.document  # a repeated "finish" after a dropped answer
        if session.status != UploadSession.Status.RECEIVING:
            raise UploadRefused(session.error or _("Unggahan ini ditolak; mulai unggahan baru."))
        if session.received != session.size:
            raise UploadRefused(
                _("Berkas belum lengkap: %(received)s dari %(size)s bita diterima.")
                % {"received": session.received, "size": session.size}
            )
        question = session.campaign.questions.filter(code=session.question_code).first()
        if question is None:  # deleted by the campaign's manager while the file was on its way
            raise UploadRefused(_("Pertanyaan untuk berkas ini sudah dihapus; muat ulang formulir."))
        check_editable(
            session.campaign,
            Submission.objects.filter(campaign=session.campaign, pegawai=session.pegawai).first(),
        )
        token = session.token.hex
        try:
            with transaction.atomic(), assemble(session) as content:
                document = _attach(session, question, content, actor=actor, client_sha256=sha256)
        except UploadRefused as error:
            session.status = UploadSession.Status.REJECTED
            session.error = str(error)[:300]
            session.updated_at = timezone.now()
            session.save(update_fields=["status", "error", "updated_at"])
            record(
                actor=actor,
                event="kampanye.unggah_ditolak",
                obj=session,
                object_repr=f"{session.campaign.slug} · {session.pegawai.nip} · {session.question_code}",
                after={"filename": session.filename, "reason": session.error},
            )
            refused = error
        else:
            refused = None
            session.status = UploadSession.Status.COMPLETE
            session.document = document
            session.updated_at = timezone.now()
            session.save(update_fields=["status", "document", "updated_at"])
            record(
                actor=actor,
                event="kampanye.unggah_selesai",
                obj=session,
                object_repr=f"{session.campaign.slug} · {session.pegawai.nip} · {session.question_code}",
                after={"document": document.pk, "sha256": document.sha256, "size": document.size},
            )
        # The bytes are stored (or refused): the parts have served.
        transaction.on_commit(lambda: remove_parts(token))
    if refused is not None:
        raise refused
    return document


@transaction.atomic
def do_upload_file(campaign, pegawai, question: Question, uploaded_file, *, actor) -> Document:
    """The no-JavaScript path: a plain multipart file, checked and attached at once."""
    filename = clean_filename(uploaded_file.name)
    _check_may_upload(campaign, pegawai, question)
    _check_claim(question, filename, uploaded_file.size or 0)
    session = UploadSession.objects.create(
        campaign=campaign,
        pegawai=pegawai,
        question_code=question.code,
        user=actor,
        filename=filename,
        size=uploaded_file.size,
        received=uploaded_file.size,
        status=UploadSession.Status.COMPLETE,
    )
    document = _attach(session, question, uploaded_file, actor=actor)
    session.document = document
    session.save(update_fields=["document"])
    record(
        actor=actor,
        event="kampanye.unggah_selesai",
        obj=session,
        object_repr=f"{campaign.slug} · {pegawai.nip} · {question.code}",
        after={"document": document.pk, "sha256": document.sha256, "size": document.size},
    )
    return document


@transaction.atomic
def do_discard_uploads(documents, *, actor) -> None:
    """Remove files uploaded for a submission that was then refused (plain form path).

    The form sent the files with the answers; when the answers are refused nothing of that
    request may stay behind: the stored bytes (after commit) and the sessions that own them.
    """
    for document in documents:
        owner_id = document.object_id
        do_delete_document(document, actor=actor)
        UploadSession.objects.filter(pk=owner_id, document__isnull=True).delete()


def _referenced_documents(sessions) -> set[int]:
    """The document ids that a submission, or any earlier version of one, gives as an answer."""
    found: set[int] = set()
    keys = {(s.campaign_id, s.pegawai_id) for s in sessions}
    codes = {s.question_code for s in sessions}
    campaigns = {c for c, _p in keys}
    pegawai = {p for _c, p in keys}
    submissions = Submission.objects.filter(campaign_id__in=campaigns, pegawai_id__in=pegawai)
    answer_sets = list(submissions.values_list("answers", flat=True))
    answer_sets += list(
        SubmissionVersion.objects.filter(submission__in=submissions).values_list("answers", flat=True)
    )
    for answers in answer_sets:
        for code in codes:
            value = (answers or {}).get(code)
            if isinstance(value, int):
                found.add(value)
            elif isinstance(value, str) and value.isdigit():
                found.add(int(value))
    return found


def do_prune_uploads(*, actor, now=None, max_age: dt.timedelta | None = None) -> dict[str, int]:
    """Expire abandoned uploads and remove what they left; idempotent, for a timer.

    Older than ``max_age`` (``PELITA_UPLOAD_MAX_AGE_HOURS``) since their last byte:
    - an upload still receiving is closed as expired and its parts deleted;
    - a refused or expired upload's row is deleted (it stayed one period so that a client
      still sending learns why);
    - a finished upload whose file no submission (nor any earlier version) refers to, a
      form that was never sent, loses its document (audited as a deletion) and its row;
    - parts whose upload is no longer receiving (a crash between two steps) are deleted.
    One audit row sums up a run that changed anything; a second run changes nothing.
    """
    now = now or timezone.now()
    max_age = max_age or dt.timedelta(hours=settings.PELITA_UPLOAD_MAX_AGE_HOURS)
    cutoff = now - max_age
    counts = {"expired": 0, "deleted_sessions": 0, "deleted_documents": 0, "orphan_parts": 0}
    with transaction.atomic():
        stale = list(
            UploadSession.objects.select_for_update().filter(
                status=UploadSession.Status.RECEIVING, updated_at__lt=cutoff
            )
        )
        reason = _("Unggahan ini sudah kedaluwarsa; mulai unggahan baru.")
        for session in stale:
            session.status = UploadSession.Status.REJECTED
            session.error = reason
            session.updated_at = now
            session.save(update_fields=["status", "error", "updated_at"])
        counts["expired"] = len(stale)
        old_refused = UploadSession.objects.filter(
            status=UploadSession.Status.REJECTED, updated_at__lt=cutoff
        )
        counts["deleted_sessions"] = old_refused.delete()[0]
        unused = list(
            UploadSession.objects.filter(
                status=UploadSession.Status.COMPLETE, document__isnull=False, updated_at__lt=cutoff
            ).select_related("document")
        )
        referenced = _referenced_documents(unused) if unused else set()
        for session in unused:
            if session.document_id in referenced:
                continue
            do_delete_document(session.document, actor=actor)
            session.delete()
            counts["deleted_documents"] += 1
        if any(counts.values()):
            record(
                actor=actor,
                event="kampanye.unggahan_dibersihkan",
                object_type="campaigns.uploadsession",
                object_repr=_("Unggahan kedaluwarsa dibersihkan"),
                after={**counts, "older_than_hours": max_age.total_seconds() / 3600},
            )
    # Parts last, outside the transaction (storage deletes cannot roll back): those of the
    # uploads just expired, and any whose upload is gone or over. The listing comes before
    # the query, so an upload started meanwhile is either not listed or found receiving.
    listed = upload_dirs()
    receiving = {
        t.hex
        for t in UploadSession.objects.filter(status=UploadSession.Status.RECEIVING).values_list(
            "token", flat=True
        )
    }
    for token in listed:
        if token not in receiving:
            counts["orphan_parts"] += remove_parts(token)
    return counts
