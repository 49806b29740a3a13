"""Submitting: the acceptance case ("a KP reguler request from an employee who is not
eligible shows the reasons and cannot be submitted; an eligible one can"), missing
documents, and what a submission starts (clock, trail, inbox, notifications)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from core.models import AuditLog, Notification
from layanan.models import Eligibility, Request, RequestStep
from layanan.requests.actions import (
    MissingDocuments,
    NotEditable,
    do_create_request,
    do_submit_request,
    do_upload_request_document,
)
from layanan.tests.conftest import give_good_record
from layanan.tests.factories import make_service
from people.tests.factories import make_pegawai

WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def kp_reguler(db):
    return make_service(
        "kp-reguler",
        "Kenaikan Pangkat Reguler",
        duration=3,
        eligibility=Eligibility.KP_REGULER,
        requirements=("Surat pengantar OPD", "SK pangkat terakhir", "SKP dua tahun terakhir"),
    )


@pytest.fixture
def monday(time_machine):
    # Monday 23 November 2026, 10:00 WIB; the next KP period is 1 December 2026.
    time_machine.move_to(dt.datetime(2026, 11, 23, 10, 0, tzinfo=WIB), tick=False)


def _employee(cast, pendidikan):
    pegawai = make_pegawai(cast.opd_a, nama="Rahmat Hidayat", pendidikan=pendidikan, user=cast.pegawai_a)
    give_good_record(pegawai, until_year=2026)
    return pegawai


def _draft_with_documents(client, service, pdf):
    response = client.post(reverse("layanan:request_create", args=[service.slug]))
    assert response.status_code == 302
    request = Request.objects.get()
    for requirement in service.requirements.all():
        response = client.post(
            reverse("layanan:request_upload", args=[request.number, requirement.pk]), {"berkas": pdf()}
        )
        assert response.status_code == 302
    return request


def test_an_ineligible_kp_reguler_request_shows_the_reasons_and_cannot_be_submitted(
    cast, chain, kp_reguler, client_for, pdf, monday
):
    # D-III reaches at most III/c by KP reguler (PP 99/2000 jo PP 12/2002; domain.md §2.2).
    _employee(cast, "D3")
    client = client_for(cast.pegawai_a)

    page = client.get(reverse("layanan:request_create", args=["kp-reguler"]))
    assert "Belum memenuhi syarat" in page.text
    assert "Ijazah D3 paling tinggi III/c lewat KP reguler; usulan III/d." in page.text

    request = _draft_with_documents(client, kp_reguler, pdf)
    detail = client.get(reverse("layanan:request_detail", args=[request.number]))
    assert "Ijazah D3 paling tinggi III/c" in detail.text

    response = client.post(
        reverse("layanan:request_submit", args=[request.number]), {"version": request.version}, follow=True
    )
    assert "belum memenuhi syarat" in response.text
    assert "Ijazah D3 paling tinggi III/c lewat KP reguler; usulan III/d." in response.text
    request.refresh_from_db()
    assert request.status == Request.Status.DRAFT and request.version == 0 and request.step is None
    assert not RequestStep.objects.exists()
    assert not AuditLog.objects.filter(event="permohonan.diajukan").exists()
    assert not Notification.objects.exists()


def test_an_eligible_kp_reguler_request_is_submitted_to_registration(
    cast, chain, kp_reguler, client_for, pdf, monday
):
    _employee(cast, "S1")
    client = client_for(cast.pegawai_a)
    page = client.get(reverse("layanan:request_create", args=["kp-reguler"]))
    assert "Memenuhi syarat untuk diajukan." in page.text

    request = _draft_with_documents(client, kp_reguler, pdf)
    response = client.post(
        reverse("layanan:request_submit", args=[request.number]), {"version": request.version}, follow=True
    )
    assert f"Permohonan {request.number} diajukan" in response.text

    request.refresh_from_db()
    now = dt.datetime(2026, 11, 23, 10, 0, tzinfo=WIB)
    assert request.status == Request.Status.IN_PROCESS
    assert request.step.code == "registrasi" and request.version == 1
    assert request.submitted_at == now
    # 3 whole working days from Monday 10:00: Thursday 26 November, 10:00.
    assert request.due_at.astimezone(WIB) == dt.datetime(2026, 11, 26, 10, 0, tzinfo=WIB)
    assert request.eligibility["eligible"] is True and request.eligibility["rule"] == "kp_reguler"
    stay = RequestStep.objects.get(request=request)
    assert stay.step == request.step and stay.started_at == now and stay.ended_at is None
    assert stay.due_at == dt.datetime(2026, 11, 23, 10, 30, tzinfo=WIB)  # 30 office minutes

    notified = {n.recipient for n in Notification.objects.all()}
    assert notified == {cast.pegawai_a, chain.petugas}
    assert AuditLog.objects.filter(event="layanan.submitted").count() == 2
    assert "Registrasi" in response.text


def test_missing_required_documents_are_listed_and_nothing_changes(izin_belajar, pegawai_a_record, cast, pdf):
    request = do_create_request(izin_belajar, pegawai_a_record, actor=cast.pegawai_a)
    do_upload_request_document(request, izin_belajar.requirements.first(), pdf(), actor=cast.pegawai_a)
    with pytest.raises(MissingDocuments) as error:
        do_submit_request(request, actor=cast.pegawai_a)
    assert str(error.value) == (
        "Berkas wajib belum diunggah: Surat keterangan diterima dari perguruan tinggi; "
        "Fotokopi SK pangkat terakhir."
    )
    assert Request.objects.get(pk=request.pk).status == Request.Status.DRAFT


def test_the_missing_documents_message_reaches_the_page(izin_belajar, pegawai_a_record, cast, client_for):
    request = do_create_request(izin_belajar, pegawai_a_record, actor=cast.pegawai_a)
    response = client_for(cast.pegawai_a).post(
        reverse("layanan:request_submit", args=[request.number]), {"version": 0}, follow=True
    )
    assert "Berkas wajib belum diunggah: Surat permohonan izin belajar;" in response.text


def test_a_request_is_submitted_once_and_a_stale_form_is_refused(
    izin_belajar, pegawai_a_record, cast, client_for, pdf
):
    request = do_create_request(izin_belajar, pegawai_a_record, actor=cast.pegawai_a)
    for requirement in izin_belajar.requirements.all():
        do_upload_request_document(request, requirement, pdf(), actor=cast.pegawai_a)
    do_submit_request(request, actor=cast.pegawai_a)
    with pytest.raises(NotEditable):
        do_submit_request(request, actor=cast.pegawai_a)
    replay = client_for(cast.pegawai_a).post(
        reverse("layanan:request_submit", args=[request.number]), {"version": 0}, follow=True
    )
    assert "sudah usang" in replay.text
    assert RequestStep.objects.filter(request=request).count() == 1


def test_an_operator_submits_on_behalf_and_both_are_told(izin_belajar, cast, chain, pdf):
    colleague = make_pegawai(cast.opd_a, nama="Dedi Kurniawan", user=None)
    give_good_record(colleague)
    request = do_create_request(izin_belajar, colleague, actor=cast.operator_a)
    for requirement in izin_belajar.requirements.all():
        do_upload_request_document(request, requirement, pdf(), actor=cast.operator_a)
    do_submit_request(request, actor=cast.operator_a)
    # The employee has no account: the operator who opened it is told.
    assert {n.recipient for n in Notification.objects.filter(title__contains="diajukan")} == {cast.operator_a}
    audit = AuditLog.objects.get(event="permohonan.diajukan")
    assert audit.actor == cast.operator_a and audit.after["atas_nama"].endswith("Dedi Kurniawan")
