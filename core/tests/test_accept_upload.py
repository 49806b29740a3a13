"""One acceptance path for every upload (core.documents.accept_upload): check, hash once, store.

The form that checks a file and the action that stores it read its bytes for hashing once
between them; the caller's narrower type list and the client's hash are part of the same
check, so a chunked upload is not hashed a second time by its app.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from types import SimpleNamespace

import pytest

from conftest import JPG_BYTES, PDF_BYTES, make_jpg, make_pdf
from core.documents import (
    JPEG,
    PDF,
    DocumentRejected,
    accept_upload,
    do_attach_document,
    inspect_upload,
    storage,
)
from core.holidays.actions import do_add_holiday
from core.models import Document

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(cast, private_media):
    return do_add_holiday(date=dt.date(2026, 8, 28), name="Hari Jadi Provinsi", actor=cast.admin)


class CountingHashes:
    """Counts the SHA-256 computations core.documents starts."""

    def __init__(self, monkeypatch):
        self.count = 0

        def sha256(*args):
            self.count += 1
            return hashlib.sha256(*args)

        monkeypatch.setattr("core.documents.hashlib", SimpleNamespace(sha256=sha256))


def test_accepting_stores_the_bytes_privately_and_returns_their_facts(private_media):
    stored = accept_upload(make_pdf("../../SK\u202epangkat.pdf"), Document.Kind.SK_PANGKAT)
    assert stored.storage_name.startswith("documents/") and stored.storage_name.endswith(".pdf")
    assert (stored.original_name, stored.file_type, stored.size) == ("SKpangkat.pdf", PDF, len(PDF_BYTES))
    assert stored.sha256 == hashlib.sha256(PDF_BYTES).hexdigest()
    with storage().open(stored.storage_name, "rb") as kept:
        assert kept.read() == PDF_BYTES


def test_a_form_check_then_the_attach_hash_the_file_once(cast, owner, monkeypatch):
    upload = make_pdf()
    hashes = CountingHashes(monkeypatch)
    inspect_upload(upload, "lainnya")  # the form's clean()
    document = do_attach_document(owner, upload, kind="lainnya", actor=cast.admin)  # the action
    assert hashes.count == 1
    assert document.sha256 == hashlib.sha256(PDF_BYTES).hexdigest()


def test_a_check_for_another_kind_is_made_again(cast, owner, monkeypatch, settings):
    settings.PELITA_DOCUMENT_MAX_MB = {"default": 10, "sk_pangkat": 0}
    upload = make_pdf()
    inspect_upload(upload, "lainnya")
    with pytest.raises(DocumentRejected, match="melebihi batas 0 MB untuk SK pangkat"):
        do_attach_document(owner, upload, kind="sk_pangkat", actor=cast.admin)


def test_the_callers_type_list_narrows_pdf_jpg_png(private_media):
    with pytest.raises(DocumentRejected) as refused:
        accept_upload(make_jpg(), "isian_kampanye", types=[PDF])
    assert str(refused.value) == "Jenis berkas harus PDF; isi berkas ini JPG."
    assert accept_upload(make_jpg(), "isian_kampanye", types=[PDF, JPEG]).file_type is JPEG
    assert not Document.objects.exists()


def test_the_clients_hash_must_match_the_bytes_and_nothing_is_stored_otherwise(private_media):
    with pytest.raises(DocumentRejected, match="SHA-256 tidak cocok"):
        accept_upload(make_jpg(), "isian_kampanye", sha256="0" * 64)
    assert not [p for p in private_media.rglob("*") if p.is_file()]
    digest = hashlib.sha256(JPG_BYTES).hexdigest().upper()  # either case, as clients send it
    assert accept_upload(make_jpg(), "isian_kampanye", sha256=digest).sha256 == digest.lower()
