"""Document storage: scans attached to any record, checked by content, kept private.

A scan is accepted only when its first bytes say PDF, JPEG or PNG (the name and the
browser's Content-Type are the uploader's claim, not evidence), when its extension agrees
with what the bytes say, and when it is within the size limit of its kind
(``settings.PELITA_DOCUMENT_MAX_MB``). Every upload, a plain form file or an assembled
chunked one, is accepted by one function, :func:`accept_upload` (check, hash once, store),
which :func:`do_attach_document` calls before it writes the row. The bytes go to the private storage (:func:`storage`:
MEDIA_ROOT or a private S3 bucket) as documents/YYYY/MM/<random>; no URL serves them. The
app that owns the record checks who may read it (its scoped query) and then calls
:func:`document_response`; every download is audited by :func:`do_record_download`.

Owner objects are referred to through content types, so core never imports the apps above
it; the owning app decides which of its models may hold documents.
"""

from __future__ import annotations

import hashlib
import logging
import math
import re
import secrets
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import Storage, default_storage
from django.db import models, transaction
from django.http import FileResponse, Http404
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.audit import record
from core.models import Document

logger = logging.getLogger(__name__)

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
    if sniffs_as_html(head):
        return _("teks/HTML (halaman web yang dapat menjalankan skrip)")
    if head.lstrip()[:1] in (b"<", b"{"):
        return _("teks/HTML")
    return _("jenis yang tidak dikenal")


# --- Active content and HTML polyglots ----------------------------------------------------
#
# A file can be a valid PDF or JPEG and something else at once. Downloads are attachments
# with nosniff (document_response), but a copy saved and opened later, an old browser, a
# viewer with JavaScript on, or a reviewer's PDF reader still run what is inside, so such
# files are refused at upload. The limits are written down in docs/documents.md (Security).

POLYGLOT_WINDOW = 1024  # bytes: old browsers sniffed HTML anywhere in the first 256-1024

# Markup a browser acts on, looked for (case-insensitively) in the first KB of every file.
_HTML_MARKERS = (
    b"<script",
    b"<html",
    b"<svg",
    b"<iframe",
    b"<body",
    b"<head",
    b"<!doctype",
    b"<object",
    b"<embed",
    b"<img",
    b"<meta",
    b"<style",
    b"<form",
    b"<a href",
    b"<?php",
    b"javascript:",
)

# The WHATWG MIME-sniffing table of HTML openings (https://mimesniff.spec.whatwg.org/):
# a browser that sniffs renders a file starting with one of these (after whitespace) as HTML.
_SNIFFED_HTML = (
    b"<!doctype html",
    b"<html",
    b"<head",
    b"<script",
    b"<iframe",
    b"<h1",
    b"<div",
    b"<font",
    b"<table",
    b"<a",
    b"<style",
    b"<title",
    b"<b",
    b"<body",
    b"<br",
    b"<p",
)


def sniffs_as_html(head: bytes) -> bool:
    """Whether a sniffing browser would take these first bytes for an HTML page."""
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip(b"\t\n\x0c\r ").lower()
    if text.startswith((b"<!--", b"<?xml")):
        return True
    return any(
        text.startswith(tag) and text[len(tag) : len(tag) + 1] in (b" ", b">") for tag in _SNIFFED_HTML
    )


def html_marker(head: bytes) -> str | None:
    """The first HTML/script marker in ``head`` (the first KB of a file), if any."""
    window = head[:POLYGLOT_WINDOW].lower()
    found = [(window.find(m), m) for m in _HTML_MARKERS if m in window]
    return min(found)[1].decode() if found else None


# PDF names that make a document act on its own: run JavaScript, start a program, submit or
# import data, carry other files. /URI (an ordinary link) is not among them.
_ACTIVE_PDF_NAMES: dict[bytes, object] = {
    b"JavaScript": "JavaScript",
    b"JS": "JavaScript",
    b"OpenAction": gettext_lazy("aksi otomatis saat dibuka (/OpenAction)"),
    b"AA": gettext_lazy("aksi otomatis (/AA)"),
    b"Launch": gettext_lazy("perintah menjalankan program (/Launch)"),
    b"EmbeddedFile": gettext_lazy("berkas sisipan (/EmbeddedFile)"),
    b"EmbeddedFiles": gettext_lazy("berkas sisipan (/EmbeddedFile)"),
    b"GoToE": gettext_lazy("berkas sisipan (/GoToE)"),
    b"RichMedia": gettext_lazy("media interaktif (/RichMedia)"),
    b"XFA": gettext_lazy("formulir XFA"),
    b"SubmitForm": gettext_lazy("pengiriman formulir (/SubmitForm)"),
    b"ImportData": gettext_lazy("impor data (/ImportData)"),
}
_PDF_REGULAR = rb"[^\x00\t\n\x0c\r ()<>\[\]{}/%]"  # a name runs until whitespace or a delimiter
# Letters or #xx escapes (/J#61vaScript is /JavaScript to every reader), as a whole name.
_PDF_NAME = re.compile(rb"/((?:[A-Za-z]|#[0-9A-Fa-f]{2}){2,40})(?!" + _PDF_REGULAR + rb")")
_PDF_ANY_NAME = re.compile(rb"/(" + _PDF_REGULAR + rb"{1,127})")
_PDF_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_PDF_STREAM = re.compile(rb"(?<![A-Za-z])stream(?:\r\n|\n|\r)")  # not the end of "endstream"
_PDF_LENGTH = re.compile(rb"/Length\s+(\d{1,12})(?!\s+\d+\s+R)")
_PDF_OPEN_DESTINATION = re.compile(rb"/OpenAction\s*\[")
_PDF_OPEN_REFERENCE = re.compile(rb"/OpenAction\s*(\d{1,10})\s+(\d{1,5})\s+R")
# Decompressing object streams is bounded: a few KB each in real files, a bomb otherwise.
PDF_INFLATE_BUDGET = 16 * MB


class PdfUncheckable(DocumentRejected):
    """A part of the PDF that could hold active content cannot be read, so it is refused."""


def _pdf_unescape(name: bytes) -> bytes:
    return _PDF_ESCAPE.sub(lambda m: bytes([int(m[1], 16)]), name) if b"#" in name else name


def _printable(chunk: bytes) -> bool:
    return bool(chunk) and sum(32 <= b < 127 or b in (9, 10, 13) for b in chunk) >= 0.7 * len(chunk)


def _active_names(data: bytes, *, text_only: bool = False) -> list[bytes]:
    """The active names in ``data``; with ``text_only``, only those sitting in text.

    Stream bodies are mostly compressed binary, where "/JS " turns up by chance about once
    in 300 MB: there a name counts only when the bytes around it are text (an object
    smuggled into a fake stream body still is).
    """
    found = []
    for match in _PDF_NAME.finditer(data):
        name = _pdf_unescape(match[1])
        if name not in _ACTIVE_PDF_NAMES:
            continue
        if text_only and not _printable(data[max(0, match.start() - 16) : match.end() + 16]):
            continue
        if name == b"OpenAction" and _benign_open_action(data, match.start()):
            continue
        found.append(name)
    return found


def _benign_open_action(data: bytes, at: int) -> bool:
    """An /OpenAction that only says where to open (a destination array) acts on nothing."""
    if _PDF_OPEN_DESTINATION.match(data, at):
        return True
    reference = _PDF_OPEN_REFERENCE.match(data, at)
    if reference is None:
        return False
    target = re.search(rb"(?<!\d)" + reference[1] + rb"\s+" + reference[2] + rb"\s+obj\s*\[", data)
    return target is not None


def _pdf_streams(data: bytes):
    """(dictionary, body) of every stream, and the bytes outside stream bodies."""
    outside, streams, position = [], [], 0
    while (match := _PDF_STREAM.search(data, position)) is not None:
        start = match.end()
        head_at = data.rfind(b"obj", max(position, match.start() - 4096), match.start())
        dictionary = data[head_at if head_at >= 0 else max(position, match.start() - 4096) : match.start()]
        end = -1
        length = _PDF_LENGTH.search(dictionary)
        if length is not None:
            candidate = start + int(length[1])
            if data[candidate : candidate + 12].lstrip().startswith(b"endstream"):
                end = candidate
        if end < 0:
            end = data.find(b"endstream", start)
            end = len(data) if end < 0 else end
        outside.append(data[position:start])
        streams.append((dictionary, data[start:end]))
        position = max(end, start)
    outside.append(data[position:])
    return b"".join(outside), streams


def _object_stream_text(dictionary: bytes, body: bytes, budget: int) -> bytes | None:
    """The decompressed objects of an object stream (None if ``dictionary`` is not one)."""
    names = {_pdf_unescape(n) for n in _PDF_ANY_NAME.findall(dictionary)}
    if b"ObjStm" not in names and not {b"N", b"First"} <= names:
        return None
    filters = names & {
        b"FlateDecode",
        b"Fl",
        b"ASCIIHexDecode",
        b"ASCII85Decode",
        b"LZWDecode",
        b"RunLengthDecode",
    }
    if not filters:
        return body
    if filters - {b"FlateDecode", b"Fl"} or b"DecodeParms" in names:
        raise PdfUncheckable(_("filter selain FlateDecode"))
    inflater = zlib.decompressobj()
    try:
        text = inflater.decompress(body, budget + 1)
    except zlib.error:
        raise PdfUncheckable(_("terenkripsi atau rusak")) from None
    if len(text) > budget:
        raise PdfUncheckable(_("terlalu besar setelah dibuka"))
    return text


def pdf_active_content(data: bytes) -> str | None:
    """What makes this PDF act on its own (a label for the message), or None if nothing.

    Looks at every dictionary outside stream bodies, at text inside them, and inside the
    FlateDecode object streams where PDF 1.5+ writers pack their dictionaries. Raises
    PdfUncheckable when an object stream cannot be read (other filters, encrypted, bomb).
    """
    outside, streams = _pdf_streams(data)
    found = _active_names(outside)
    budget = PDF_INFLATE_BUDGET
    for dictionary, body in streams:
        found += _active_names(body, text_only=True)
        text = _object_stream_text(dictionary, body, budget)
        if text is not None and text is not body:
            budget -= len(text)
            found += _active_names(text)
        if found:
            break
    return str(_ACTIVE_PDF_NAMES[found[0]]) if found else None


def max_bytes(kind: str) -> int:
    limits = settings.PELITA_DOCUMENT_MAX_MB
    return limits.get(kind, limits["default"]) * MB


def format_mb(size: int) -> str:
    """Sizes in MB with one decimal, rounded up so a file just over the limit never reads as equal."""
    return number_format(math.ceil(size * 10 / MB) / 10, 1)


_MEMO = "_pelita_inspection"  # where inspect_upload keeps its verdict on the upload object


def inspect_upload(
    uploaded_file, kind: str, *, types: Iterable[FileType] | None = None, sha256: str = ""
) -> Inspection:
    """Check an uploaded file (size, content, extension) and hash it; raise DocumentRejected.

    ``types`` narrows PDF/JPG/PNG to what the caller accepts (a campaign question), and
    ``sha256`` is the hash the client says it sent (a chunked upload): a mismatch means
    the bytes were damaged on the way. The size is checked before a byte is read, so an
    oversized upload costs no hashing. The verdict is kept on the upload object, so the
    form that checked the file and the action that stores it (:func:`accept_upload`) read
    and hash it once between them.
    """
    types = tuple(types) if types is not None else None
    key = (kind, types, uploaded_file.size)
    memo = getattr(uploaded_file, _MEMO, None)
    if memo is not None and memo[0] == key:
        inspection = memo[1]
    else:
        inspection = _inspect(uploaded_file, kind, types)
        setattr(uploaded_file, _MEMO, (key, inspection))
    if sha256 and inspection.sha256 != sha256.lower():
        raise DocumentRejected(_("Berkas rusak dalam perjalanan (SHA-256 tidak cocok); unggah ulang."))
    return inspection


def _inspect(uploaded_file, kind: str, types: tuple[FileType, ...] | None) -> Inspection:
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
    head = uploaded_file.read(POLYGLOT_WINDOW)
    file_type = detect(head)
    if file_type is None:
        raise DocumentRejected(
            _("Berkas harus PDF, JPG atau PNG; berkas ini terdeteksi sebagai %(found)s.")
            % {"found": _describe(head)}
        )
    if types is not None and file_type not in types:
        raise DocumentRejected(
            _("Jenis berkas harus %(types)s; isi berkas ini %(found)s.")
            % {"types": ", ".join(t.label for t in types), "found": file_type.label}
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
    marker = html_marker(head)
    if marker is not None:
        raise DocumentRejected(
            _(
                "Berkas %(type)s ini juga memuat kode HTML/skrip (%(found)s) di awal isinya, sehingga "
                "dapat dijalankan sebagai halaman web; berkas seperti ini ditolak. Simpan ulang atau "
                "pindai ulang dokumennya, lalu unggah lagi."
            )
            % {"type": file_type.label, "found": marker}
        )
    digest = hashlib.sha256()
    # A PDF is read whole for the active-content check; the size limit above bounds it.
    pdf = bytearray() if file_type is PDF else None
    uploaded_file.seek(0)
    for chunk in uploaded_file.chunks(_CHUNK):
        digest.update(chunk)
        if pdf is not None:
            pdf += chunk
    uploaded_file.seek(0)
    if pdf is not None:
        _check_pdf(bytes(pdf))
    return Inspection(file_type=file_type, size=size, sha256=digest.hexdigest())


def _check_pdf(data: bytes) -> None:
    try:
        active = pdf_active_content(data)
    except PdfUncheckable as error:
        raise DocumentRejected(
            _(
                "PDF ini memuat bagian terkompresi yang tidak dapat diperiksa (%(why)s). Cetak ulang "
                "ke PDF (Print to PDF) atau pindai ulang dokumennya, lalu unggah lagi."
            )
            % {"why": error.args[0]}
        ) from None
    if active is not None:
        raise DocumentRejected(
            _(
                "PDF ini memuat konten aktif: %(what)s. Konten seperti itu dapat menjalankan perintah "
                "saat berkas dibuka, sehingga ditolak. Cetak ulang ke PDF (Print to PDF) atau pindai "
                "ulang dokumennya, lalu unggah lagi."
            )
            % {"what": active}
        )


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


@dataclass(frozen=True)
class StoredUpload:
    """An accepted upload, in the private storage: the facts its Document row records."""

    storage_name: str
    original_name: str
    file_type: FileType
    size: int
    sha256: str


def accept_upload(
    uploaded_file, kind: str, *, types: Iterable[FileType] | None = None, sha256: str = ""
) -> StoredUpload:
    """The one acceptance path of every upload: check it, hash it once, store it privately.

    Plain form files, assembled chunked uploads, request requirements and people's scans
    all come through here (by way of :func:`do_attach_document`). Raises DocumentRejected
    (see :func:`inspect_upload` for ``types`` and ``sha256``). The caller owns the stored
    bytes from here on: it records them in a row, or deletes them if the row fails.
    """
    facts = inspect_upload(uploaded_file, kind, types=types, sha256=sha256)
    name = storage().save(_new_storage_name(facts.file_type), uploaded_file)
    return StoredUpload(
        storage_name=name,
        original_name=clean_filename(uploaded_file.name),
        file_type=facts.file_type,
        size=facts.size,
        sha256=facts.sha256,
    )


def do_attach_document(
    obj: models.Model,
    uploaded_file,
    *,
    kind: str,
    actor,
    types: Iterable[FileType] | None = None,
    sha256: str = "",
) -> Document:
    """Accept ``uploaded_file`` (:func:`accept_upload`) and attach it to ``obj`` (audited).

    The bytes are written before the row; if the row cannot be saved the file is removed
    again, so a failed upload leaves neither a row nor a stray file.
    """
    if kind not in Document.Kind.values:
        raise DocumentRejected(_("Jenis dokumen tidak dikenal: %(kind)s.") % {"kind": kind})
    stored = accept_upload(uploaded_file, kind, types=types, sha256=sha256)
    try:
        with transaction.atomic():
            document = Document(
                owner=obj,
                kind=kind,
                original_name=stored.original_name,
                mime_type=stored.file_type.mime_type,
                size=stored.size,
                sha256=stored.sha256,
                storage_name=stored.storage_name,
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
        storage().delete(stored.storage_name)
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
    try:
        stored = storage().open(document.storage_name, "rb")
    except (FileNotFoundError, OSError) as exc:
        # The row outlived its bytes (a restore without files, a bucket cleaned by hand):
        # say so as a missing page, and leave a trace for the operator, instead of a 500.
        logger.error(
            "document %s: stored file %s cannot be read: %s", document.pk, document.storage_name, exc
        )
        raise Http404(_("Berkas dokumen ini tidak ditemukan di penyimpanan.")) from None
    response = FileResponse(
        stored,
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
