"""Document storage: content checks, size limits, SHA-256, private storage, audit rows.

The owner in these tests is a core Holiday row: documents attach to any model through
content types, and core's own tests need nothing from the apps above it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from conftest import JPG_BYTES as JPEG
from conftest import PDF_BYTES as PDF
from core.documents import (
    MB,
    DocumentRejected,
    do_attach_document,
    do_delete_document,
    do_record_download,
    documents_of,
    format_mb,
)
from core.holidays.actions import do_add_holiday
from core.models import AuditLog, Document, Holiday

pytestmark = pytest.mark.django_db

EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"This program"


def png_1x1() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("ijazah.pdf", PDF)
    return buffer.getvalue()


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")  # the browser's claim: ignored


@pytest.fixture
def owner(cast) -> Holiday:
    return do_add_holiday(date=dt.date(2026, 8, 28), name="Hari Jadi Provinsi", actor=cast.admin)


def stored_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


@pytest.mark.parametrize(
    ("name", "content", "mime_type"),
    [
        ("SK Pangkat III-b.pdf", PDF, "application/pdf"),
        ("ijazah.JPG", JPEG, "image/jpeg"),
        ("ijazah.jpeg", JPEG, "image/jpeg"),
        ("sertifikat.png", png_1x1(), "image/png"),
    ],
)
def test_pdf_jpg_and_png_are_accepted_by_their_content(cast, private_media, owner, name, content, mime_type):
    document = do_attach_document(owner, upload(name, content), kind="sk_pangkat", actor=cast.admin)
    assert document.mime_type == mime_type
    assert document.original_name == name
    assert document.size == len(content)
    assert document.owner == owner
    assert document.uploaded_by == cast.admin


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "sk.pdf",
            EXE,
            "Berkas harus PDF, JPG atau PNG; berkas ini terdeteksi sebagai program Windows (EXE/DLL).",
        ),
        (
            "ijazah.pdf",
            zip_bytes(),
            "Berkas harus PDF, JPG atau PNG; berkas ini terdeteksi sebagai ZIP (termasuk DOCX/XLSX).",
        ),
        (
            "catatan.pdf",
            b"<html><script>alert(1)</script></html>",
            "terdeteksi sebagai teks/HTML (halaman web yang dapat menjalankan skrip).",
        ),
        ("acak.pdf", b"\x00\x01\x02\x03 random", "terdeteksi sebagai jenis yang tidak dikenal."),
        ("kosong.pdf", b"", "Berkas kosong."),
        ("scan.png", PDF, "Ekstensi berkas (.png) tidak sesuai dengan isinya (PDF); gunakan .pdf."),
        ("foto.pdf", JPEG, "Ekstensi berkas (.pdf) tidak sesuai dengan isinya (JPG); gunakan .jpg, .jpeg."),
        ("sk", PDF, "Ekstensi berkas (tanpa ekstensi) tidak sesuai dengan isinya (PDF)"),
        ("sk.pdf.exe", PDF, "Ekstensi berkas (.exe) tidak sesuai"),
    ],
)
def test_other_content_is_refused_with_the_reason_and_nothing_is_stored(
    cast, private_media, owner, name, content, message
):
    with pytest.raises(DocumentRejected) as refused:
        do_attach_document(owner, upload(name, content), kind="sk_pangkat", actor=cast.admin)
    assert message in str(refused.value)
    assert not Document.objects.exists()
    assert stored_files(private_media) == []
    assert not AuditLog.objects.filter(event="dokumen.diunggah").exists()


def test_a_file_over_the_limit_of_its_kind_is_refused_before_it_is_read(cast, private_media, owner):
    big = upload("sk.pdf", PDF + b"0" * (int(3.4 * MB) - len(PDF)))
    with pytest.raises(DocumentRejected) as refused:
        do_attach_document(owner, big, kind="sk_pangkat", actor=cast.admin)
    assert str(refused.value) == "Ukuran berkas 3,4 MB melebihi batas 2 MB untuk SK pangkat."
    assert stored_files(private_media) == []


def test_the_limit_is_inclusive_and_a_file_just_over_it_never_reads_as_equal(cast, private_media, owner):
    exact = upload("sk.pdf", PDF + b"0" * (2 * MB - len(PDF)))
    assert do_attach_document(owner, exact, kind="sk_pangkat", actor=cast.admin).size == 2 * MB
    assert format_mb(2 * MB + 1) == "2,1"


def test_a_kind_may_have_its_own_limit(cast, private_media, owner):
    scan = PDF + b"0" * (3 * MB)
    with override_settings(PELITA_DOCUMENT_MAX_MB={"default": 2, "ijazah": 5}):
        assert do_attach_document(owner, upload("ijazah.pdf", scan), kind="ijazah", actor=cast.admin)
        with pytest.raises(DocumentRejected, match="melebihi batas 2 MB untuk Sertifikat"):
            do_attach_document(owner, upload("sertifikat.pdf", scan), kind="sertifikat", actor=cast.admin)


def test_an_unknown_kind_is_refused(cast, private_media, owner):
    with pytest.raises(DocumentRejected, match="Jenis dokumen tidak dikenal"):
        do_attach_document(owner, upload("sk.pdf", PDF), kind="foto_selfie", actor=cast.admin)


def test_the_sha256_of_the_bytes_is_stored_and_the_file_kept_privately(cast, private_media, owner):
    document = do_attach_document(owner, upload("SK Pangkat.pdf", PDF), kind="sk_pangkat", actor=cast.admin)
    assert document.sha256 == hashlib.sha256(PDF).hexdigest()
    today = document.uploaded_at
    path = private_media / document.storage_name
    assert path.read_bytes() == PDF
    assert path.parent == private_media / "documents" / f"{today:%Y}" / f"{today:%m}"
    # A random name: nothing of the person or the original name shows on disk.
    assert "SK" not in path.name and len(path.stem) == 32 and path.suffix == ".pdf"
    assert path.stat().st_mode & 0o077 == 0


def test_two_uploads_of_the_same_file_get_two_names(cast, private_media, owner):
    first = do_attach_document(owner, upload("sk.pdf", PDF), kind="sk_pangkat", actor=cast.admin)
    second = do_attach_document(owner, upload("sk.pdf", PDF), kind="sk_pangkat", actor=cast.admin)
    assert first.storage_name != second.storage_name
    assert first.sha256 == second.sha256


def test_an_upload_is_audited_with_its_facts(cast, private_media, owner):
    document = do_attach_document(owner, upload("sk.pdf", PDF), kind="sk_pangkat", actor=cast.admin)
    row = AuditLog.objects.get(event="dokumen.diunggah")
    assert row.actor == cast.admin
    assert row.object_type == "core.document" and row.object_id == str(document.pk)
    assert row.after == {
        "filename": "sk.pdf",
        "kind": "sk_pangkat",
        "size": len(PDF),
        "sha256": hashlib.sha256(PDF).hexdigest(),
        "owner": f"core.holiday:{owner.pk}",
    }


def test_a_failed_save_leaves_no_stray_file(cast, private_media, owner, monkeypatch):
    def refuse(**kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr("core.documents.record", refuse)
    with pytest.raises(RuntimeError):
        do_attach_document(owner, upload("sk.pdf", PDF), kind="sk_pangkat", actor=cast.admin)
    assert stored_files(private_media) == []
    assert not Document.objects.exists()


def test_deleting_removes_the_row_and_after_commit_the_file(
    cast, private_media, owner, django_capture_on_commit_callbacks
):
    document = do_attach_document(owner, upload("sk.pdf", PDF), kind="sk_pangkat", actor=cast.admin)
    with django_capture_on_commit_callbacks(execute=True):
        do_delete_document(document, actor=cast.admin)
    assert not Document.objects.exists()
    assert stored_files(private_media) == []
    row = AuditLog.objects.get(event="dokumen.dihapus")
    assert row.before["sha256"] == hashlib.sha256(PDF).hexdigest()
    assert row.actor == cast.admin


def test_a_download_is_audited(cast, private_media, owner):
    document = do_attach_document(owner, upload("sk.pdf", PDF), kind="sk_pangkat", actor=cast.admin)
    do_record_download(document, actor=cast.operator_a)
    row = AuditLog.objects.get(event="dokumen.diunduh")
    assert row.actor == cast.operator_a
    assert row.after["filename"] == "sk.pdf"


def test_the_documents_of_many_rows_come_in_one_query(cast, private_media, django_assert_num_queries):
    days = [
        do_add_holiday(date=dt.date(2026, 9, day), name=f"Libur {day}", actor=cast.admin) for day in (1, 2, 3)
    ]
    for day in days[:2]:
        do_attach_document(day, upload("sk.pdf", PDF), kind="lainnya", actor=cast.admin)
        do_attach_document(day, upload("foto.jpg", JPEG), kind="lainnya", actor=cast.admin)
    with django_assert_num_queries(1):
        found = documents_of(Holiday, [d.pk for d in days])
    assert {pk: [d.original_name for d in docs] for pk, docs in found.items()} == {
        days[0].pk: ["sk.pdf", "foto.jpg"],
        days[1].pk: ["sk.pdf", "foto.jpg"],
    }
    assert documents_of(Holiday, []) == {}


def test_no_url_serves_the_stored_file(cast, private_media, owner, client_for):
    document = do_attach_document(owner, upload("sk.pdf", PDF), kind="sk_pangkat", actor=cast.admin)
    client = client_for(cast.admin)
    for url in (
        f"/media/{document.storage_name}",
        f"/static/{document.storage_name}",
        f"/{document.storage_name}",
        f"/var/documents/{document.storage_name}",
    ):
        assert client.get(url).status_code == 404, url
