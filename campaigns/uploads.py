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

Receiving a chunk is not audited (it is transfer state, not data); starting and finishing
are, in campaigns.actions_upload.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.errors import UploadRefused
from campaigns.models import UploadSession

CHUNK_SIZE = 256 * 1024
TEMP_DIR = "campaign_uploads"


def temp_path(session: UploadSession) -> Path:
    return Path(settings.MEDIA_ROOT) / TEMP_DIR / f"{session.token.hex}.part"


def create_temp(session: UploadSession) -> None:
    path = temp_path(session)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    # Owner-only, like the stored documents: a partial file is personal data too.
    fd = os.open(path, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
    os.close(fd)


def remove_temp(session: UploadSession) -> None:
    temp_path(session).unlink(missing_ok=True)


def receive_chunk(session: UploadSession, offset: int, data: bytes) -> int:
    """Write ``data`` (which starts at ``offset``) and return the bytes now held.

    Row-locked, so two requests for one upload (a retry racing the original) cannot both
    append. Raises UploadRefused with the held offset when the chunk would leave a gap.
    """
    with transaction.atomic():
        session = UploadSession.objects.select_for_update().get(pk=session.pk)
        if session.status != UploadSession.Status.RECEIVING:
            raise UploadRefused(_("Unggahan ini sudah selesai atau ditolak; mulai unggahan baru."))
        if offset < 0 or offset > session.received:
            raise UploadRefused(
                _("Potongan berkas tidak berurutan; lanjutkan dari bita ke-%(n)s.") % {"n": session.received}
            )
        new = data[session.received - offset :]
        if session.received + len(new) > session.size:
            raise UploadRefused(_("Berkas lebih besar daripada ukuran yang diumumkan di awal unggahan."))
        if new:
            path = temp_path(session)
            if not path.exists():
                raise UploadRefused(_("Unggahan ini sudah kedaluwarsa; mulai unggahan baru."))
            with path.open("r+b") as handle:
                handle.seek(session.received)
                handle.write(new)
                handle.truncate()
            session.received += len(new)
            session.updated_at = timezone.now()
            session.save(update_fields=["received", "updated_at"])
        return session.received
