"""Writes of campaign file uploads: start a chunked upload, finish it, or upload at once.

Each stored file becomes a core Document (kind ``isian_kampanye``) owned by its
UploadSession, which names the campaign, the employee and the question; the answer then
refers to the document id. The content check, private storage and SHA-256 are
core.documents'; the question adds its own type list and size limit on top.
"""

from __future__ import annotations

import hashlib
from pathlib import PurePath

from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from campaigns.actions import check_editable
from campaigns.audience import is_targeted
from campaigns.errors import NotTargeted, UploadRefused
from campaigns.models import Question, Submission, UploadSession
from campaigns.uploads import create_temp, remove_temp, temp_path
from core.audit import record
from core.documents import JPEG, PDF, PNG, DocumentRejected, FileType, detect, do_attach_document, max_bytes
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


def _check_content(question: Question, head: bytes) -> None:
    found = detect(head)
    if found is not None and found not in (TYPES[t] for t in allowed_types(question)):
        raise UploadRefused(
            _("Jenis berkas harus %(types)s; isi berkas ini %(found)s.")
            % {"types": _types_label(question), "found": found.label}
        )


def _attach(
    session: UploadSession, question: Question, content, *, actor, client_sha256: str = ""
) -> Document:
    head = content.read(8)
    content.seek(0)
    _check_content(question, head)
    if client_sha256:
        digest = hashlib.sha256()
        for block in content.chunks():
            digest.update(block)
        content.seek(0)
        if digest.hexdigest() != client_sha256.lower():
            raise UploadRefused(_("Berkas rusak dalam perjalanan (SHA-256 tidak cocok); unggah ulang."))
    try:
        return do_attach_document(session, content, kind=KIND, actor=actor)
    except DocumentRejected as error:
        raise UploadRefused(str(error)) from None


@transaction.atomic
def do_start_upload(
    campaign, pegawai, question: Question, *, filename: str, size: int, actor
) -> UploadSession:
    _check_may_upload(campaign, pegawai, question)
    _check_claim(question, filename, size)
    session = UploadSession.objects.create(
        campaign=campaign,
        pegawai=pegawai,
        question_code=question.code,
        user=actor,
        filename=PurePath(filename).name[:255],
        size=size,
    )
    create_temp(session)
    record(
        actor=actor,
        event="kampanye.unggah_dimulai",
        obj=session,
        object_repr=f"{campaign.slug} · {pegawai.nip} · {question.code}",
        after={"filename": session.filename, "size": size, "question": question.code},
    )
    return session


def do_finish_upload(session: UploadSession, *, actor, sha256: str = "") -> Document:
    """Assemble, check and attach the uploaded file; the temp file is removed either way."""
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
        question = session.campaign.questions.get(code=session.question_code)
        check_editable(
            session.campaign,
            Submission.objects.filter(campaign=session.campaign, pegawai=session.pegawai).first(),
        )
        try:
            with transaction.atomic(), temp_path(session).open("rb") as handle:
                document = _attach(
                    session, question, File(handle, name=session.filename), actor=actor, client_sha256=sha256
                )
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
            remove_temp(session)  # the bytes are stored (or refused): the partial file has served
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
            remove_temp(session)  # the bytes are stored (or refused): the partial file has served
    if refused is not None:
        raise refused
    return document


@transaction.atomic
def do_upload_file(campaign, pegawai, question: Question, uploaded_file, *, actor) -> Document:
    """The no-JavaScript path: a plain multipart file, checked and attached at once."""
    _check_may_upload(campaign, pegawai, question)
    _check_claim(question, uploaded_file.name, uploaded_file.size or 0)
    session = UploadSession.objects.create(
        campaign=campaign,
        pegawai=pegawai,
        question_code=question.code,
        user=actor,
        filename=PurePath(uploaded_file.name).name[:255],
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
