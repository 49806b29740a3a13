"""The request pages: scope (404 outside, 403 for a reader who may not act), the list's
search and filters, bad input on the page, downloads, and constant query counts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.models import AuditLog, Document
from layanan.models import Request, RequestDocument, RequestStep
from layanan.requests.actions import do_create_request, do_submit_request, do_upload_request_document
from layanan.requests.queries import requests_for_user
from layanan.tests.conftest import give_good_record
from people.tests.factories import make_pegawai


@pytest.fixture
def draft(izin_belajar, pegawai_a_record, cast):
    return do_create_request(izin_belajar, pegawai_a_record, actor=cast.pegawai_a)


def _url(name, request, *args):
    return reverse(f"layanan:{name}", args=[request.number, *args])


def test_each_persona_sees_only_the_requests_in_their_scope(izin_belajar, pegawai_a_record, cast):
    own = do_create_request(izin_belajar, pegawai_a_record, actor=cast.pegawai_a)
    in_b = do_create_request(
        izin_belajar, make_pegawai(cast.opd_b, nama="Yusuf Hamid"), actor=cast.operator_b
    )
    assert set(requests_for_user(cast.pegawai_a)) == {own}
    assert set(requests_for_user(cast.operator_a)) == {own}
    assert set(requests_for_user(cast.operator_b)) == {in_b}
    assert set(requests_for_user(cast.kepala_badan)) == {own, in_b}
    assert set(requests_for_user(cast.admin)) == {own, in_b}


def test_someone_elses_request_is_not_found(draft, cast, client_for):
    client = client_for(cast.operator_b)
    assert client.get(_url("request_detail", draft)).status_code == 404
    assert client.post(_url("request_submit", draft), {"version": 0}).status_code == 404
    assert client.post(_url("request_answers", draft), {"jenjang": "s2"}).status_code == 404
    assert Request.objects.get(pk=draft.pk).status == Request.Status.DRAFT


def test_an_official_may_read_but_not_edit_an_applicants_draft(draft, cast, client_for, pdf):
    client = client_for(cast.kepala_badan)
    assert client.get(_url("request_detail", draft)).status_code == 200
    requirement = draft.service.requirements.first()
    assert client.post(_url("request_upload", draft, requirement.pk), {"berkas": pdf()}).status_code == 403
    assert not RequestDocument.objects.exists()


def test_the_operator_opens_a_request_for_an_employee_of_their_opd_by_nip(izin_belajar, cast, client_for):
    colleague = make_pegawai(cast.opd_a, nama="Dedi Kurniawan")
    give_good_record(colleague)
    client = client_for(cast.operator_a)
    page = client.get(reverse("layanan:request_create", args=["izin-belajar"]), {"nip": colleague.nip})
    assert "Dedi Kurniawan" in page.text and "Memenuhi syarat untuk diajukan." in page.text
    assert f'<option value="{colleague.nip}">' in page.text  # the picker suggests the OPD's employees
    response = client.post(reverse("layanan:request_create", args=["izin-belajar"]), {"nip": colleague.nip})
    request = Request.objects.get()
    assert response.url == _url("request_detail", request)
    assert request.created_by == cast.operator_a and request.pegawai == colleague


def test_the_operator_cannot_open_a_request_for_another_opd(izin_belajar, cast, client_for):
    stranger = make_pegawai(cast.opd_b, nama="Yusuf Hamid")
    client = client_for(cast.operator_a)
    response = client.post(reverse("layanan:request_create", args=["izin-belajar"]), {"nip": stranger.nip})
    assert response.status_code == 200
    assert f"Tidak ada pegawai dengan NIP {stranger.nip} yang dapat Anda ajukan." in response.text
    assert "Yusuf Hamid" not in response.text
    assert not Request.objects.exists()


def test_someone_without_an_employee_record_cannot_open_a_request(izin_belajar, cast, client_for):
    response = client_for(cast.kepala_badan).get(reverse("layanan:request_create", args=["izin-belajar"]))
    assert response.status_code == 403


def test_a_closed_or_unknown_service_is_not_found(izin_belajar, pegawai_a_record, cast, client_for):
    izin_belajar.active = False
    izin_belajar.save()
    client = client_for(cast.pegawai_a)
    assert client.get(reverse("layanan:request_create", args=["izin-belajar"])).status_code == 404
    assert client.get(reverse("layanan:request_create", args=["tidak-ada"])).status_code == 404


def test_a_draft_is_saved_and_resumed_with_its_answers_and_documents(draft, cast, client_for, pdf):
    client = client_for(cast.pegawai_a)
    answers = {
        "jenjang": "s2",
        "program_studi": "Magister Manajemen",
        "perguruan_tinggi": "Universitas Tanjungpura",
        "akreditasi": "unggul",
    }
    assert client.post(_url("request_answers", draft), answers).status_code == 302
    requirement = draft.service.requirements.first()
    client.post(_url("request_upload", draft, requirement.pk), {"berkas": pdf("permohonan.pdf")})

    client.logout()
    page = client_for(cast.pegawai_a).get(reverse("layanan:request_list"))
    assert draft.number in page.text
    detail = client_for(cast.pegawai_a).get(_url("request_detail", draft))
    assert 'value="Magister Manajemen"' in detail.text
    assert "permohonan.pdf" in detail.text


def test_incomplete_answers_are_shown_with_the_field_errors(draft, cast, client_for):
    response = client_for(cast.pegawai_a).post(_url("request_answers", draft), {"jenjang": "s9"})
    assert response.status_code == 200
    assert "Isian belum lengkap" in response.text and "field-invalid" in response.text
    assert Request.objects.get(pk=draft.pk).answers == {}


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("ijazah.pdf", b"MZ\x90\x00" + b"\x00" * 64), "program Windows (EXE/DLL)"),
        (SimpleUploadedFile("ijazah.pdf", b"PK\x03\x04" + b"\x00" * 64), "ZIP (termasuk DOCX/XLSX)"),
        (SimpleUploadedFile("ijazah.pdf", b"%PDF-1.4\n" + b"x" * (2 * 1024 * 1024)), "melebihi batas 2 MB"),
        (SimpleUploadedFile("ijazah.pdf", b""), "Pilih berkas"),
    ],
    ids=["renamed exe", "docx", "too large", "empty"],
)
def test_a_bad_upload_gets_a_clear_message_and_changes_nothing(draft, cast, client_for, upload, message):
    requirement = draft.service.requirements.first()
    response = client_for(cast.pegawai_a).post(
        _url("request_upload", draft, requirement.pk), {"berkas": upload}, follow=True
    )
    assert message in response.text
    assert not Document.objects.exists() and not RequestDocument.objects.exists()


def test_a_document_is_downloaded_by_whoever_may_read_the_request_and_audited(draft, cast, client_for, pdf):
    given = do_upload_request_document(
        draft, draft.service.requirements.first(), pdf("surat.pdf"), actor=cast.pegawai_a
    )
    url = _url("request_document", draft, given.document_id)
    response = client_for(cast.unit_pengolah).get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF-")
    assert response["Content-Disposition"].startswith("attachment")
    assert AuditLog.objects.filter(event="dokumen.diunduh", actor=cast.unit_pengolah).count() == 1
    assert client_for(cast.operator_b).get(url).status_code == 404


def test_a_document_of_another_request_is_not_served_through_this_one(
    draft, izin_belajar, cast, client_for, pdf
):
    other = do_create_request(izin_belajar, draft.pegawai, actor=cast.pegawai_a)
    given = do_upload_request_document(other, izin_belajar.requirements.first(), pdf(), actor=cast.pegawai_a)
    response = client_for(cast.pegawai_a).get(_url("request_document", draft, given.document_id))
    assert response.status_code == 404


def test_the_list_searches_by_number_name_and_nip_and_filters_by_status(
    izin_belajar, pegawai_a_record, cast, client_for
):
    mine = do_create_request(izin_belajar, pegawai_a_record, actor=cast.pegawai_a)
    colleague = make_pegawai(cast.opd_a, nama="Dedi Kurniawan")
    theirs = do_create_request(izin_belajar, colleague, actor=cast.operator_a)
    client = client_for(cast.operator_a)
    url = reverse("layanan:request_list")

    def numbers(**params):
        return {r.number for r in client.get(url, params).context["page_obj"]}

    assert numbers() == {mine.number, theirs.number}
    assert numbers(q="dedi") == {theirs.number}
    assert numbers(q=colleague.nip) == {theirs.number}
    assert numbers(q=mine.number.lower()) == {mine.number}
    assert numbers(status="in_process") == set()
    assert numbers(status="draft", service=izin_belajar.pk) == {mine.number, theirs.number}


def test_the_list_uses_a_constant_number_of_queries(
    izin_belajar, cast, client_for, django_assert_max_num_queries
):
    client = client_for(cast.admin)
    url = reverse("layanan:request_list")

    def add(n):
        for i in range(n):
            do_create_request(izin_belajar, make_pegawai(cast.opd_a, nama=f"Pegawai {i}"), actor=cast.admin)

    add(2)
    with django_assert_max_num_queries(12) as few:
        response = client.get(url)
    assert response.status_code == 200 and len(response.context["page_obj"]) == 2
    add(20)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert len(response.context["page_obj"]) == 22


def test_the_detail_uses_a_constant_number_of_queries(
    izin_belajar, pegawai_a_record, cast, chain, client_for, pdf, django_assert_max_num_queries
):
    request = do_create_request(izin_belajar, pegawai_a_record, actor=cast.pegawai_a)
    for requirement in izin_belajar.requirements.all():
        do_upload_request_document(request, requirement, pdf(), actor=cast.pegawai_a)
    do_submit_request(request, actor=cast.pegawai_a)
    client = client_for(cast.pegawai_a)
    url = _url("request_detail", request)
    with django_assert_max_num_queries(25) as baseline:
        response = client.get(url)
    assert response.status_code == 200 and request.number in response.text

    # Many more stays on the trail and many more requirements with documents.
    open_stay = RequestStep.objects.get(request=request)
    start = open_stay.started_at
    RequestStep.objects.filter(pk=open_stay.pk).update(
        ended_at=start, acted_by=chain.petugas, action="forward"
    )
    steps = list(izin_belajar.steps.all())
    RequestStep.objects.bulk_create(
        RequestStep(
            request=request,
            step=steps[i % len(steps)],
            started_at=start + dt.timedelta(minutes=i + 1),
            ended_at=start + dt.timedelta(minutes=i + 2),
            acted_by=chain.kasubbag,
            action="forward",
            note=f"catatan {i}",
        )
        for i in range(30)
    )
    from layanan.models import Requirement

    Request.objects.filter(pk=request.pk).update(status=Request.Status.RETURNED)
    request.refresh_from_db()
    for i in range(10):
        extra = Requirement.objects.create(service=izin_belajar, order=10 + i, name=f"Lampiran {i}")
        do_upload_request_document(request, extra, pdf(), actor=cast.pegawai_a)
    with django_assert_max_num_queries(len(baseline.captured_queries) + 1):
        response = client.get(url)
    assert response.text.count("catatan ") == 30
