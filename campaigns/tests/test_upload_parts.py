"""Chunked uploads keep no state on the app server: parts in the storage, expiry, clean names.

The parts live in the private storage (here MEDIA_ROOT; tests/test_object_storage.py runs
the same on S3), so any server can take the next chunk; abandoned uploads expire through
``prune_uploads``; names are cleaned as the forms clean them; a refused submission leaves
no stored file behind.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from io import StringIO
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from campaigns.models import Submission, UploadSession
from campaigns.submissions.actions import do_submit
from campaigns.tests.helpers import pdf_of_size, valid_answers
from campaigns.uploads.actions import do_finish_upload, do_prune_uploads, do_start_upload, do_upload_file
from campaigns.uploads.files import MIN_CHUNK, PARTS_DIR, part_name, receive_chunk, upload_dirs
from campaigns.uploads.rules import UploadRefused
from conftest import make_pdf
from core.documents import storage
from core.models import Document

pytestmark = pytest.mark.django_db


def _start(campaign, rina, cast, data: bytes, filename: str = "laporan.pdf") -> UploadSession:
    question = campaign.questions.get(code="laporan")
    return do_start_upload(campaign, rina, question, filename=filename, size=len(data), actor=cast.pegawai_a)


def _files_on_disk() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def _age(session: UploadSession, hours: float) -> None:
    UploadSession.objects.filter(pk=session.pk).update(updated_at=timezone.now() - dt.timedelta(hours=hours))


def test_each_chunk_is_a_part_in_the_storage_named_by_its_offset(cast, rina, campaign):
    data = pdf_of_size(150 * 1024)
    session = _start(campaign, rina, cast, data)
    receive_chunk(session, 0, data[:MIN_CHUNK])
    receive_chunk(session, MIN_CHUNK, data[MIN_CHUNK:])
    store = storage()
    assert store.open(part_name(session, 0)).read() == data[:MIN_CHUNK]
    assert store.open(part_name(session, MIN_CHUNK)).read() == data[MIN_CHUNK:]
    assert upload_dirs() == [session.token.hex]


def test_finishing_joins_the_parts_checks_the_sha256_and_removes_the_parts(
    cast, rina, campaign, django_capture_on_commit_callbacks
):
    data = pdf_of_size(150 * 1024)
    session = _start(campaign, rina, cast, data)
    for offset in range(0, len(data), MIN_CHUNK):
        receive_chunk(session, offset, data[offset : offset + MIN_CHUNK])
    with django_capture_on_commit_callbacks(execute=True):
        document = do_finish_upload(session, actor=cast.pegawai_a, sha256=hashlib.sha256(data).hexdigest())
    assert storage().open(document.storage_name).read() == data
    assert document.sha256 == hashlib.sha256(data).hexdigest()
    assert upload_dirs() == []


def test_the_assembled_file_is_checked_and_hashed_once_through_core_documents(
    cast, rina, campaign, monkeypatch
):
    data = pdf_of_size(150 * 1024)
    session = _start(campaign, rina, cast, data)
    receive_chunk(session, 0, data)
    hashes = []
    monkeypatch.setattr(
        "core.documents.hashlib", SimpleNamespace(sha256=lambda *a: hashes.append(1) or hashlib.sha256(*a))
    )
    document = do_finish_upload(session, actor=cast.pegawai_a, sha256=hashlib.sha256(data).hexdigest())
    assert len(hashes) == 1 and document.sha256 == hashlib.sha256(data).hexdigest()


def test_a_left_over_part_beyond_what_the_row_says_arrived_is_replaced_not_joined(cast, rina, campaign):
    # A server stored a part and then lost its database connection before the row said so:
    # the retry at the same offset replaces that part, and the file is right.
    data = pdf_of_size(150 * 1024)
    session = _start(campaign, rina, cast, data)
    storage().save(part_name(session, 0), ContentFile(b"X" * MIN_CHUNK))
    receive_chunk(session, 0, data)
    document = do_finish_upload(session, actor=cast.pegawai_a)
    assert storage().open(document.storage_name).read() == data


def test_a_small_chunk_that_is_not_the_last_is_refused(cast, rina, campaign, client_for):
    data = pdf_of_size(150 * 1024)
    session = _start(campaign, rina, cast, data)
    response = client_for(cast.pegawai_a).post(
        reverse("campaigns:upload_chunk", kwargs={"upload": session.token}) + "?offset=0",
        data[:1000],
        content_type="application/octet-stream",
    )
    assert response.status_code == 409
    assert response.json() == {
        "error": "Potongan terlalu kecil: kirim sedikitnya 64 KB per potongan, kecuali potongan terakhir.",
        "received": 0,
    }


def test_a_wrong_extension_is_refused_at_the_start_before_any_byte_with_a_json_error(
    cast, rina, campaign, client_for
):
    # U+202E shows "laporan\u202efdp.exe" as "laporanexe.pdf"; the real extension is .exe.
    response = client_for(cast.pegawai_a).post(
        reverse("campaigns:upload_start", kwargs={"slug": campaign.slug}),
        {"question": "laporan", "filename": "laporan\u202efdp.exe", "size": 1000},
    )
    assert response.status_code == 400
    assert response.json() == {"error": "Jenis berkas harus PDF; berkas ini berekstensi .exe."}
    assert not UploadSession.objects.exists()


@pytest.mark.parametrize(
    ("sent", "kept"),
    [
        ("../../etc/laporan.pdf", "laporan.pdf"),
        ("C:\\Users\\rina\\laporan.pdf", "laporan.pdf"),
        ("lapo\x00ran\u202e.pdf", "laporan.pdf"),
        ("  Laporan   Kinerja\n2025.pdf ", "Laporan Kinerja 2025.pdf"),
    ],
)
def test_the_name_is_cleaned_as_the_forms_clean_it(cast, rina, campaign, sent, kept):
    data = pdf_of_size(2048)
    session = _start(campaign, rina, cast, data, filename=sent)
    assert session.filename == kept
    receive_chunk(session, 0, data)
    assert do_finish_upload(session, actor=cast.pegawai_a).original_name == kept


def test_a_long_name_is_cut_to_255_characters_and_keeps_its_extension(cast, rina, campaign):
    session = _start(campaign, rina, cast, pdf_of_size(2048), filename="l" * 300 + ".pdf")
    assert len(session.filename) == 255 and session.filename.endswith("l.pdf")


def test_the_plain_form_cleans_the_name_with_the_same_sanitiser(cast, rina, campaign):
    document = do_upload_file(
        campaign,
        rina,
        campaign.questions.get(code="laporan"),
        make_pdf("la\u202eporan.pdf"),
        actor=cast.pegawai_a,
    )
    assert document.original_name == "laporan.pdf"


def test_a_refused_submission_leaves_no_stored_file_behind(
    cast, rina, campaign, client_for, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(cast.pegawai_a).post(
            reverse("campaigns:campaign_submit", kwargs={"slug": campaign.slug}),
            {**valid_answers(capaian="150"), "version": "0", "laporan__file": make_pdf("laporan.pdf")},
        )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Isian belum terkirim, jadi berkas ini tidak disimpan; pilih lagi." in page
    assert not Submission.objects.exists()
    assert not Document.objects.exists() and not UploadSession.objects.exists()
    assert _files_on_disk() == []


def test_an_abandoned_upload_expires_its_parts_go_and_the_client_is_told_why(
    cast, rina, campaign, client_for
):
    data = pdf_of_size(150 * 1024)
    session = _start(campaign, rina, cast, data)
    receive_chunk(session, 0, data[:MIN_CHUNK])
    _age(session, 25)
    counts = do_prune_uploads(actor=None)
    assert counts["expired"] == 1 and upload_dirs() == []
    response = client_for(cast.pegawai_a).post(
        reverse("campaigns:upload_chunk", kwargs={"upload": session.token}) + f"?offset={MIN_CHUNK}",
        data[MIN_CHUNK:],
        content_type="application/octet-stream",
    )
    assert response.status_code == 410
    assert response.json()["error"] == "Unggahan ini sudah kedaluwarsa; mulai unggahan baru."
    with pytest.raises(UploadRefused, match="kedaluwarsa"):
        do_finish_upload(session, actor=cast.pegawai_a)


def test_an_upload_still_going_on_is_left_alone(cast, rina, campaign):
    data = pdf_of_size(150 * 1024)
    session = _start(campaign, rina, cast, data)
    receive_chunk(session, 0, data[:MIN_CHUNK])
    _age(session, 23)
    assert not any(do_prune_uploads(actor=None).values())
    assert upload_dirs() == [session.token.hex]
    assert UploadSession.objects.get().status == UploadSession.Status.RECEIVING


def test_pruning_is_idempotent_and_removes_an_expired_row_one_period_later(cast, rina, campaign):
    session = _start(campaign, rina, cast, pdf_of_size(2048))
    _age(session, 25)
    assert do_prune_uploads(actor=None)["expired"] == 1
    assert not any(do_prune_uploads(actor=None).values())  # a second run changes nothing
    _age(session, 25)
    assert do_prune_uploads(actor=None)["deleted_sessions"] == 1
    assert not UploadSession.objects.exists()


def test_a_finished_upload_no_submission_uses_is_removed_but_a_used_one_stays(
    cast, rina, campaign, django_capture_on_commit_callbacks
):
    question = campaign.questions.get(code="laporan")
    used_once = do_upload_file(campaign, rina, question, make_pdf("v1.pdf"), actor=cast.pegawai_a)
    do_submit(campaign, rina, valid_answers(laporan=used_once.pk), base_version=0, actor=cast.pegawai_a)
    current = do_upload_file(campaign, rina, question, make_pdf("v2.pdf"), actor=cast.pegawai_a)
    do_submit(campaign, rina, valid_answers(laporan=current.pk), base_version=1, actor=cast.pegawai_a)
    never_sent = do_upload_file(campaign, rina, question, make_pdf("v3.pdf"), actor=cast.pegawai_a)
    UploadSession.objects.update(updated_at=timezone.now() - dt.timedelta(days=3))
    with django_capture_on_commit_callbacks(execute=True):
        counts = do_prune_uploads(actor=None)
    assert counts["deleted_documents"] == 1
    # Version 1 still refers to the first file: history keeps its file.
    assert set(Document.objects.values_list("pk", flat=True)) == {used_once.pk, current.pk}
    assert not storage().exists(never_sent.storage_name)
    assert storage().exists(used_once.storage_name) and storage().exists(current.storage_name)


def test_parts_left_without_a_receiving_upload_are_removed(cast, rina, campaign):
    storage().save(f"{PARTS_DIR}/{'0' * 32}/000000000000000.part", ContentFile(b"sisa"))
    assert do_prune_uploads(actor=None)["orphan_parts"] == 1
    assert upload_dirs() == []


def test_the_prune_uploads_command_reports_what_it_removed(cast, rina, campaign):
    session = _start(campaign, rina, cast, pdf_of_size(2048))
    _age(session, 30)
    out = StringIO()
    call_command("prune_uploads", "--hours", "12", stdout=out)
    assert out.getvalue().startswith("Unggahan kedaluwarsa: 1;")
    out = StringIO()
    call_command("prune_uploads", stdout=out)
    assert out.getvalue().startswith("Unggahan kedaluwarsa: 0;")
