"""Resumable (chunked) uploads of campaign files: the transfer itself.

Protocol (campaigns/static/campaigns/upload.js is the client; docs/campaigns.md has it all):

1. ``POST <slug>/unggah/`` with question, filename, size (and the employee when an operator
   fills in on behalf) → ``{"token", "received": 0, "chunk_size"}``. Type and size are
   checked against the question here already, before a byte is sent.
2. ``POST unggah/<token>/potongan/?offset=N`` with the raw bytes → ``{"received"}``. The
   offset must not be beyond what the server holds; a chunk that overlaps bytes already
   received (a resend after a dropped answer) is trimmed, so sending twice is harmless.
3. After a dropped connection: ``GET unggah/<token>/`` → ``{"received", "size"}``; the client
   continues from ``received``: nothing that arrived is sent again.
4. ``POST unggah/<token>/selesai/`` (optionally with the client's SHA-256) → the server
   assembles the file, checks it by content and size through core.documents, compares the
   hash and attaches it → ``{"document", "sha256", "name", "size"}``.

No state on the app server: each chunk is one object in the private storage
(core.documents.storage(), so MEDIA_ROOT or the S3 bucket), named by its offset under
``campaign_uploads/<token>/``, and the UploadSession row holds how many bytes arrived. Any
server behind the load balancer can take the next chunk or finish the upload. An object
store cannot append, hence one object per chunk rather than one growing file.

Receiving a chunk is not audited (it is transfer state, not data); starting and finishing
are, in campaigns.uploads.actions.
"""

from __future__ import annotations

import contextlib
import os
import tempfile

from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.models import UploadSession
from campaigns.uploads.rules import UploadClosed, UploadRefused
from core.documents import storage

CHUNK_SIZE = 256 * 1024
# Every chunk but the last must bring at least this much: it bounds the number of stored
# parts (and of requests) one upload can cost, whatever the client does.
MIN_CHUNK = 64 * 1024
PARTS_DIR = "campaign_uploads"
_NAME_DIGITS = 15  # offsets zero-padded, so the names sort in byte order
_SPOOL = 1024 * 1024  # an assembled file stays in memory up to this size, then a temp file


def parts_dir(token_hex: str) -> str:
    return f"{PARTS_DIR}/{token_hex}"


def part_name(session: UploadSession, offset: int) -> str:
    return f"{parts_dir(session.token.hex)}/{offset:0{_NAME_DIGITS}d}.part"


def _stored_parts(token_hex: str) -> list[tuple[int, str]]:
    """(offset, storage name) of every part held for an upload, in offset order."""
    store = storage()
    try:
        _dirs, files = store.listdir(parts_dir(token_hex))
    except FileNotFoundError:  # local disk: no chunk ever arrived
        return []
    found = []
    for name in files:
        stem, _dot, suffix = name.partition(".")
        if suffix == "part" and stem.isdigit():
            found.append((int(stem), f"{parts_dir(token_hex)}/{name}"))
    return sorted(found)


def remove_parts(token_hex: str) -> int:
    """Delete every stored part of an upload (idempotent); the number removed."""
    store = storage()
    parts = _stored_parts(token_hex)
    for _offset, name in parts:
        store.delete(name)
    if isinstance(store, FileSystemStorage):
        # Local disk keeps the emptied directory; an object store has no directories.
        with contextlib.suppress(OSError):  # not empty, or already gone
            os.rmdir(store.path(parts_dir(token_hex)))
    return len(parts)


def upload_dirs() -> list[str]:
    """The token of every upload that has parts in the storage (for the prune sweep)."""
    try:
        dirs, _files = storage().listdir(PARTS_DIR)
    except FileNotFoundError:
        return []
    return sorted(dirs)


def receive_chunk(session: UploadSession, offset: int, data: bytes) -> int:
    """Store ``data`` (which starts at ``offset``) and return the bytes now held.

    Row-locked, so two requests for one upload (a retry racing the original, perhaps on
    two servers) cannot both store the same range. Raises UploadRefused with the held
    offset when the chunk would leave a gap, UploadClosed when the upload is over.
    """
    with transaction.atomic():
        session = UploadSession.objects.select_for_update().get(pk=session.pk)
        if session.status != UploadSession.Status.RECEIVING:
            raise UploadClosed(
                session.error or _("Unggahan ini sudah selesai atau ditolak; mulai unggahan baru.")
            )
        if offset < 0 or offset > session.received:
            raise UploadRefused(
                _("Potongan berkas tidak berurutan; lanjutkan dari bita ke-%(n)s.") % {"n": session.received}
            )
        new = data[session.received - offset :]
        if session.received + len(new) > session.size:
            raise UploadRefused(_("Berkas lebih besar daripada ukuran yang diumumkan di awal unggahan."))
        if new and len(new) < MIN_CHUNK and session.received + len(new) < session.size:
            raise UploadRefused(
                _(
                    "Potongan terlalu kecil: kirim sedikitnya %(kb)s KB per potongan, kecuali potongan terakhir."
                )
                % {"kb": MIN_CHUNK // 1024}
            )
        if new:
            store, name = storage(), part_name(session, session.received)
            # A part at this offset can only be a leftover of an attempt whose row update
            # never committed (the row lock keeps everyone else out): replace it.
            if store.exists(name):
                store.delete(name)
            saved = store.save(name, ContentFile(new))
            if saved != name:  # pragma: no cover - the storage renamed a name we just freed
                store.delete(saved)
                raise UploadRefused(_("Potongan berkas tidak dapat disimpan; coba lagi."))
            session.received += len(new)
            session.updated_at = timezone.now()
            session.save(update_fields=["received", "updated_at"])
        return session.received


def assemble(session: UploadSession) -> File:
    """The uploaded bytes, parts joined in order, as a File named like the upload.

    Parts at or beyond ``received`` are leftovers of attempts that never committed and are
    ignored; a missing part (a gap) refuses the upload. The joined file is scratch space
    of this request only (memory, or an unnamed temp file when large), never shared state.
    """
    store = storage()
    joined = tempfile.SpooledTemporaryFile(max_size=_SPOOL)  # noqa: SIM115 -- the caller closes it
    expected = 0
    for offset, name in _stored_parts(session.token.hex):
        if offset >= session.received:
            continue
        if offset != expected:
            joined.close()
            raise UploadRefused(_("Sebagian berkas hilang dari penyimpanan; mulai unggahan baru."))
        with store.open(name, "rb") as part:
            while block := part.read(CHUNK_SIZE):
                joined.write(block)
                expected += len(block)
    if expected != session.received:
        joined.close()
        raise UploadRefused(_("Sebagian berkas hilang dari penyimpanan; mulai unggahan baru."))
    joined.seek(0)
    content = File(joined, name=session.filename)
    content.size = expected
    return content
