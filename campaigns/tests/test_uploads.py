"""File questions: chunked resumable uploads, the plain multipart fallback, type and size checks."""

from __future__ import annotations

import hashlib

import pytest
from django.urls import reverse

from campaigns.models import Submission, UploadSession
from campaigns.submissions.actions import do_submit
from campaigns.tests.helpers import pdf_of_size, tiny_pdf, valid_answers
from campaigns.uploads.actions import do_finish_upload, do_start_upload, do_upload_file
from campaigns.uploads.files import MIN_CHUNK, receive_chunk, upload_dirs
from campaigns.uploads.rules import UploadRefused
from conftest import make_pdf
from core.documents import storage
from core.models import Document
from people.tests.factories import make_pegawai

pytestmark = pytest.mark.django_db


def _question(campaign, code="laporan"):
    return campaign.questions.get(code=code)


def test_a_chunked_upload_resumes_after_a_dropped_connection_without_resending(
    cast, rina, campaign, client_for, django_capture_on_commit_callbacks
):
    data = pdf_of_size(150 * 1024)
    client = client_for(cast.pegawai_a)
    start = client.post(
        reverse("campaigns:upload_start", kwargs={"slug": campaign.slug}),
        {"question": "laporan", "filename": "laporan.pdf", "size": len(data)},
    )
    assert start.status_code == 201
    token = start.json()["token"]
    status_url = reverse("campaigns:upload_status", kwargs={"upload": token})
    chunk_url = reverse("campaigns:upload_chunk", kwargs={"upload": token})
    half = len(data) // 2
    sent = client.post(f"{chunk_url}?offset=0", data[:half], content_type="application/octet-stream")
    assert sent.json()["received"] == half
    # The connection drops; the client reconnects and asks where to go on.
    assert client.get(status_url).json()["received"] == half
    # A chunk resent from an earlier offset (its answer was lost) is trimmed, not duplicated.
    overlap = half - 1000
    again = client.post(
        f"{chunk_url}?offset={overlap}", data[overlap:], content_type="application/octet-stream"
    )
    assert again.json()["received"] == len(data)
    digest = hashlib.sha256(data).hexdigest()
    with django_capture_on_commit_callbacks(execute=True):
        finish = client.post(reverse("campaigns:upload_finish", kwargs={"upload": token}), {"sha256": digest})
    assert finish.status_code == 200, finish.content
    assert finish.json()["sha256"] == digest
    document = Document.objects.get(pk=finish.json()["document"])
    assert document.kind == "isian_kampanye" and document.size == len(data)
    assert hashlib.sha256(storage().open(document.storage_name).read()).hexdigest() == digest
    assert upload_dirs() == []  # the parts are gone once attached
    submission = do_submit(
        campaign, rina, valid_answers(laporan=str(document.pk)), base_version=0, actor=cast.pegawai_a
    )
    assert submission.answers["laporan"] == document.pk


def test_a_chunk_that_would_leave_a_gap_is_refused_with_the_offset_to_resume_from(
    cast, rina, campaign, client_for
):
    data = pdf_of_size(150 * 1024)
    session = do_start_upload(
        campaign, rina, _question(campaign), filename="a.pdf", size=len(data), actor=cast.pegawai_a
    )
    receive_chunk(session, 0, data[:MIN_CHUNK])
    response = client_for(cast.pegawai_a).post(
        reverse("campaigns:upload_chunk", kwargs={"upload": session.token}) + f"?offset={2 * MIN_CHUNK}",
        data[2 * MIN_CHUNK :],
        content_type="application/octet-stream",
    )
    assert response.status_code == 409
    assert response.json()["received"] == MIN_CHUNK


def test_finishing_an_incomplete_upload_is_refused(cast, rina, campaign):
    data = pdf_of_size(150 * 1024)
    session = do_start_upload(
        campaign, rina, _question(campaign), filename="a.pdf", size=len(data), actor=cast.pegawai_a
    )
    receive_chunk(session, 0, data[:MIN_CHUNK])
    with pytest.raises(UploadRefused, match="belum lengkap"):
        do_finish_upload(session, actor=cast.pegawai_a)


def test_a_sha256_mismatch_is_refused_and_nothing_is_attached(cast, rina, campaign):
    data = pdf_of_size(2048)
    session = do_start_upload(
        campaign, rina, _question(campaign), filename="a.pdf", size=len(data), actor=cast.pegawai_a
    )
    receive_chunk(session, 0, data)
    with pytest.raises(UploadRefused, match="SHA-256"):
        do_finish_upload(session, actor=cast.pegawai_a, sha256="0" * 64)
    assert not Document.objects.exists()
    assert UploadSession.objects.get().status == UploadSession.Status.REJECTED


def test_a_renamed_exe_is_refused_by_content(cast, rina, campaign):
    exe = b"MZ\x90\x00" + b"\x00" * 2000
    session = do_start_upload(
        campaign, rina, _question(campaign), filename="laporan.pdf", size=len(exe), actor=cast.pegawai_a
    )
    receive_chunk(session, 0, exe)
    with pytest.raises(UploadRefused, match="program Windows"):
        do_finish_upload(session, actor=cast.pegawai_a)
    assert not Document.objects.exists()


def test_a_renamed_exe_in_the_plain_form_gets_a_field_message(cast, rina, campaign, client_for):
    exe = make_pdf("laporan.pdf", b"MZ\x90\x00" + b"\x00" * 100)
    response = client_for(cast.pegawai_a).post(
        reverse("campaigns:campaign_submit", kwargs={"slug": campaign.slug}),
        {**valid_answers(), "version": "0", "laporan__file": exe},
    )
    assert response.status_code == 200
    assert (
        'data-error="laporan">Berkas harus PDF, JPG atau PNG; berkas ini terdeteksi sebagai program Windows'
        in (response.content.decode())
    )
    assert not Submission.objects.exists() and not Document.objects.exists()


def test_a_file_over_the_question_limit_is_refused_before_any_byte_is_sent(cast, rina, campaign, client_for):
    response = client_for(cast.pegawai_a).post(
        reverse("campaigns:upload_start", kwargs={"slug": campaign.slug}),
        {"question": "laporan", "filename": "laporan.pdf", "size": 201 * 1024},
    )
    assert response.status_code == 400
    assert response.json()["error"] == "Ukuran berkas 201 KB melebihi batas 200 KB untuk isian ini."
    assert not UploadSession.objects.exists()


def test_a_png_is_refused_where_only_pdf_is_allowed(cast, rina, campaign):
    with pytest.raises(UploadRefused, match="Jenis berkas harus PDF"):
        do_start_upload(
            campaign, rina, _question(campaign), filename="foto.png", size=100, actor=cast.pegawai_a
        )


def test_the_plain_multipart_fallback_stores_the_file_and_submits(cast, rina, campaign, client_for):
    response = client_for(cast.pegawai_a).post(
        reverse("campaigns:campaign_submit", kwargs={"slug": campaign.slug}),
        {**valid_answers(), "version": "0", "laporan__file": make_pdf("laporan.pdf", tiny_pdf())},
    )
    assert response.status_code == 302
    submission = Submission.objects.get()
    document = Document.objects.get(pk=submission.answers["laporan"])
    assert document.sha256 == hashlib.sha256(tiny_pdf()).hexdigest()


def test_the_employee_and_the_reviewer_can_download_the_file_but_another_opd_cannot(
    cast, rina, campaign, client_for
):
    document = do_upload_file(
        campaign, rina, _question(campaign), make_pdf("laporan.pdf"), actor=cast.pegawai_a
    )
    submission = do_submit(
        campaign, rina, valid_answers(laporan=document.pk), base_version=0, actor=cast.pegawai_a
    )
    url = reverse(
        "campaigns:submission_document",
        kwargs={"slug": campaign.slug, "pk": submission.pk, "document": document.pk},
    )
    assert client_for(cast.pegawai_a).get(url).status_code == 200
    assert client_for(cast.unit_pengolah).get(url).status_code == 200
    assert client_for(cast.operator_a).get(url).status_code == 200
    assert client_for(cast.operator_b).get(url).status_code == 404


def test_a_document_id_that_is_not_the_employees_own_upload_is_refused(cast, rina, campaign):
    other = make_pegawai(cast.opd_a, nama="Lain")
    foreign = do_upload_file(campaign, other, _question(campaign), make_pdf("laporan.pdf"), actor=cast.admin)
    from campaigns.submissions.rules import AnswersInvalid

    with pytest.raises(AnswersInvalid) as invalid:
        do_submit(campaign, rina, valid_answers(laporan=foreign.pk), base_version=0, actor=cast.pegawai_a)
    assert invalid.value.errors == {"laporan": "Berkas unggahan tidak dikenal; unggah ulang."}


def test_another_users_upload_session_is_not_found(cast, rina, campaign, client_for):
    session = do_start_upload(
        campaign, rina, _question(campaign), filename="a.pdf", size=100, actor=cast.pegawai_a
    )
    response = client_for(cast.operator_a).get(
        reverse("campaigns:upload_status", kwargs={"upload": session.token})
    )
    assert response.status_code == 404


def test_an_operator_cannot_start_an_upload_for_another_opds_employee(cast, campaign, client_for):
    budi = make_pegawai(cast.opd_a, nama="Budi")
    response = client_for(cast.operator_b).post(
        reverse("campaigns:upload_start", kwargs={"slug": campaign.slug}),
        {"question": "laporan", "filename": "a.pdf", "size": 100, "pegawai": budi.pk},
    )
    assert response.status_code == 404
    assert not UploadSession.objects.exists()
