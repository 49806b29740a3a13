"""Document storage: scans attached to any record, checked by content, kept private.

A scan is accepted only when its first bytes say PDF, JPEG or PNG (the name and the
browser's Content-Type are the uploader's claim, not evidence), when its extension agrees
with what the bytes say, and when it is within the size limit of its kind
(``settings.PELITA_DOCUMENT_MAX_MB``). The bytes go to the private storage (:func:`storage`:
MEDIA_ROOT or a private S3 bucket) as documents/YYYY/MM/<random>; no URL serves them. The
app that owns the record checks who may read it (its scoped query) and then calls
:func:`document_response`; every download is audited by :func:`do_record_download`.

Owner objects are referred to through content types, so core never imports the apps above
it; the owning app decides which of its models may hold documents.
"""

from __future__ import annotations

import hashlib
import math
import secrets
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import Storage, default_storage
from django.db import models, transaction
from django.http import FileResponse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.audit import record
from core.models import Document

MB = 1024 * 1024
STORAGE_DIR = "documents"
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class FileType:
    mime_type: str
    label: str
    extensions: tuple[str, ...]  # the first one is used for the stored name


PDF = FileType("application/pdf", "PDF", (".pdf",))
JPEG = FileType("image/jpeg", "JPG", (".jpg", ".jpeg"))
PNG = FileType("image/png", "PNG", (".png",))

# Accepted signatures, checked against the first bytes of the file.
ACCEPTED: tuple[tuple[bytes, FileType], ...] = (
    (b"%PDF-", PDF),
    (b"\xff\xd8\xff", JPEG),
    (b"\x89PNG\r\n\x1a\n", PNG),
)
# Refused signatures that are common enough to be worth naming in the message, so the
# uploader learns what they actually sent (a .pdf that is really a ZIP, a renamed .exe).
KNOWN_OTHERS: tuple[tuple[bytes, str | object], ...] = (
    (b"PK\x03\x04", gettext_lazy("ZIP (termasuk DOCX/XLSX)")),
    (b"PK\x05\x06", gettext_lazy("ZIP (termasuk DOCX/XLSX)")),
    (b"MZ", gettext_lazy("program Windows (EXE/DLL)")),
    (b"\x7fELF", gettext_lazy("program Linux (ELF)")),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", gettext_lazy("dokumen Office lama (DOC/XLS)")),
    (b"Rar!", "RAR"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
    (b"GIF8", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
)
_HEAD = 8  # the longest signature above


class DocumentRejected(ValueError):
    """The upload is not acceptable; the message says why, in Indonesian."""


@dataclass(frozen=True)
class Inspection:
    file_type: FileType
    size: int
    sha256: str


def detect(head: bytes) -> FileType | None:
    return next((t for magic, t in ACCEPTED if head.startswith(magic)), None)


def _describe(head: bytes) -> str:
    named = next((label for magic, label in KNOWN_OTHERS if head.startswith(magic)), None)
    if named is not None:
        return str(named)
    if head.lstrip()[:1] in (b"<", b"{"):
        return _("teks/HTML")
    return _("jenis yang tidak dikenal")


def max_bytes(kind: str) -> int:
    limits = settings.PELITA_DOCUMENT_MAX_MB
    return limits.get(kind, limits["default"]) * MB


def format_mb(size: int) -> str:
    """Sizes in MB with one decimal, rounded up so a file just over the limit never reads as equal."""
    return number_format(math.ceil(size * 10 / MB) / 10, 1)


def inspect_upload(uploaded_file, kind: str) -> Inspection:
    """Check an uploaded file (size, content, extension) and hash it; raise DocumentRejected.

    The size is checked before a byte is read, so an oversized upload costs no hashing.
    """
    size = uploaded_file.size or 0
    if size == 0:
        raise DocumentRejected(_("Berkas kosong."))
    limit = max_bytes(kind)
    if size > limit:
        raise DocumentRejected(
            _("Ukuran berkas %(size)s MB melebihi batas %(limit)s MB untuk %(kind)s.")
            % {"size": format_mb(size), "limit": limit // MB, "kind": Document.Kind(kind).label}
        )
    uploaded_file.seek(0)
    head = uploaded_file.read(_HEAD)
    file_type = detect(head)
    if file_type is None:
        raise DocumentRejected(
            _("Berkas harus PDF, JPG atau PNG; berkas ini terdeteksi sebagai %(found)s.")
            % {"found": _describe(head)}
        )
    extension = PurePath(uploaded_file.name or "").suffix.lower()
    if extension not in file_type.extensions:
        raise DocumentRejected(
            _("Ekstensi berkas (%(ext)s) tidak sesuai dengan isinya (%(type)s); gunakan %(expected)s.")
            % {
                "ext": extension or _("tanpa ekstensi"),
                "type": file_type.label,
                "expected": ", ".join(file_type.extensions),
            }
        )
    digest = hashlib.sha256()
    uploaded_file.seek(0)
    for chunk in uploaded_file.chunks(_CHUNK):
        digest.update(chunk)
    uploaded_file.seek(0)
    return Inspection(file_type=file_type, size=size, sha256=digest.hexdigest())


def storage() -> Storage:
    """The private storage: ``default_storage``, whatever STORAGES["default"] says.

    That is MEDIA_ROOT with owner-only permissions (``PELITA_STORAGE=local``) or a private
    S3 bucket (``PELITA_STORAGE=s3``). Use only its own methods (open, save, delete, exists,
    listdir, size), never ``.path()``: an object store has no path, and several servers do
    not share a disk. Django resets it when a test overrides STORAGES or MEDIA_ROOT.
    """
    return default_storage


_MAX_NAME = 255  # the column (Document.original_name, UploadSession.filename) and most file systems


def clean_filename(name: str | None) -> str:
    """The uploader's file name made safe to keep, show and send back in Content-Disposition.

    The one sanitiser for every upload path (forms, the chunked upload API, imports): only the
    last path part (``../../x.pdf`` and ``C:\\x.pdf`` keep ``x.pdf``); no control or format
    characters (NUL, newlines, and bidi overrides: ``rapor`` U+202E ``fdp.exe`` reads as
    ``raporexe.pdf``); NFC, trimmed; at most 255 characters with the extension kept.
    The stored object is named at random anyway: this is the name people see.
    """
    text = unicodedata.normalize("NFC", name or "")
    text = text.replace("\\", "/").rsplit("/", 1)[-1]
    # Cc: control characters (NUL, CR, LF…); Cf: format characters (bidi controls, zero-width).
    text = "".join(
        " " if ch.isspace() else ch
        for ch in text
        if ch.isspace() or unicodedata.category(ch) not in ("Cc", "Cf")
    )
    text = " ".join(text.split()).strip(". ")
    if not text:
        return "berkas"
    if len(text) > _MAX_NAME:
        stem, dot, extension = text.rpartition(".")
        extension = dot + extension if dot and stem and len(extension) <= 16 else ""
        text = text[: _MAX_NAME - len(extension)].rstrip(". ") + extension
    return text


def _new_storage_name(file_type: FileType) -> str:
    # Random, so the name reveals nothing about the person and cannot be guessed.
    return f"{STORAGE_DIR}/{timezone.now():%Y/%m}/{secrets.token_hex(16)}{file_type.extensions[0]}"


def _facts(document: Document) -> dict:
    return {
        "filename": document.original_name,
        "kind": document.kind,
        "size": document.size,
        "sha256": document.sha256,
    }


def _repr(document: Document, owner: models.Model | None = None) -> str:
    return f"{owner if owner is not None else document.content_type.model} {document.id}: {document.original_name}"


def do_attach_document(obj: models.Model, uploaded_file, *, kind: str, actor) -> Document:
    """Check ``uploaded_file``, store it privately and attach it to ``obj`` (audited).

    The bytes are written before the row; if the row cannot be saved the file is removed
    again, so a failed upload leaves neither a row nor a stray file.
    """
    if kind not in Document.Kind.values:
        raise DocumentRejected(_("Jenis dokumen tidak dikenal: %(kind)s.") % {"kind": kind})
    facts = inspect_upload(uploaded_file, kind)
    store = storage()
    name = store.save(_new_storage_name(facts.file_type), uploaded_file)
    try:
        with transaction.atomic():
            document = Document(
                owner=obj,
                kind=kind,
                original_name=clean_filename(uploaded_file.name),
                mime_type=facts.file_type.mime_type,
                size=facts.size,
                sha256=facts.sha256,
                storage_name=name,
                uploaded_by=actor if actor is not None and actor.is_authenticated else None,
            )
            document.full_clean()
            document.save()
            record(
                actor=actor,
                event="dokumen.diunggah",
                obj=document,
                object_repr=_repr(document, obj),
                after={**_facts(document), "owner": f"{obj._meta.label_lower}:{obj.pk}"},
            )
    except BaseException:
        store.delete(name)
        raise
    return document


@transaction.atomic
def do_delete_document(document: Document, *, actor) -> None:
    """Remove the row (audited) and, once the transaction commits, the stored bytes."""
    owner_type = document.content_type
    before = {**_facts(document), "owner": f"{owner_type.app_label}.{owner_type.model}:{document.object_id}"}
    record(actor=actor, event="dokumen.dihapus", obj=document, object_repr=_repr(document), before=before)
    store, name = storage(), document.storage_name
    document.delete()
    # After commit only: a rolled-back delete must still find its bytes.
    transaction.on_commit(lambda: store.delete(name))


@transaction.atomic
def do_record_download(document: Document, *, actor) -> None:
    """One audit row per download: who read which personal document, and when."""
    record(
        actor=actor,
        event="dokumen.diunduh",
        obj=document,
        object_repr=_repr(document),
        after=_facts(document),
    )


def document_response(document: Document) -> FileResponse:
    """The stored bytes as an attachment. Call only after the owner's permission check.

    ``as_attachment`` and ``nosniff`` stop a browser from rendering a crafted file inline
    as HTML in Pelita's origin; the type sent is the one detected at upload.
    """
    response = FileResponse(
        storage().open(document.storage_name, "rb"),
        as_attachment=True,
        filename=document.original_name,
        content_type=document.mime_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


# --- Reads --------------------------------------------------------------------------------


def documents_of(model: type[models.Model], ids: Iterable[int]) -> dict[int, list[Document]]:
    """The documents attached to the ``model`` rows ``ids``, by row id, oldest first: one query.

    The content type is matched by a join rather than ContentType.objects.get_for_model, so
    the query count does not depend on the state of the content-type cache.
    """
    ids = list(ids)
    if not ids:
        return {}
    found: dict[int, list[Document]] = defaultdict(list)
    meta = model._meta
    for document in Document.objects.filter(
        content_type__app_label=meta.app_label, content_type__model=meta.model_name, object_id__in=ids
    ).order_by("uploaded_at", "id"):
        found[document.object_id].append(document)
    return dict(found)


def get_document(pk: int, *, owner_models: Iterable[type[models.Model]]) -> Document | None:
    """The document ``pk`` if its owner is one of ``owner_models``; the caller checks the owner."""
    types = ContentType.objects.get_for_models(*owner_models).values()
    return Document.objects.select_related("content_type").filter(pk=pk, content_type__in=types).first()
