"""The public ticket forms: a ticket with a number and an e-mail, and every bad input refused
with an Indonesian message and nothing created."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from core.models import Document
from helpdesk.models import Ticket
from helpdesk.tests.builders import exe_as_jpg, form_data, jpg

pytestmark = pytest.mark.django_db
URL = reverse("helpdesk:ticket_create", args=["nik-kk-tidak-ditemukan"])


def post(client, data, **files):
    return client.post(URL, {**data, **files})


def test_an_anonymous_applicant_files_a_ticket_and_gets_its_number_on_screen_and_by_mail(
    helpdesk, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, form_data(), pindaian_ktp=jpg(150))

    assert response.status_code == 302
    ticket = Ticket.objects.get()
    assert ticket.number.startswith("HD-") and len(ticket.number) == 11
    assert ticket.team.code == "sscasn" and ticket.status == Ticket.Status.RECEIVED
    assert ticket.details["nik"] == "6171015508990001"
    assert Document.objects.filter(object_id=ticket.pk).count() == 1
    page = client.get(response["Location"]).content.decode()
    assert ticket.number in page
    assert [m.to for m in mail.outbox] == [["siti@example.org"]]
    assert ticket.number in mail.outbox[0].body


def test_the_form_has_the_fields_of_its_type_a_counter_a_captcha_and_a_honeypot(helpdesk, client):
    html = client.get(URL).content.decode()

    for label in (
        "Nomor Induk Kependudukan (NIK)",
        "Nomor Kartu Keluarga (KK)",
        "Pindaian KTP",
        "Kode pada gambar",
    ):
        assert label in html
    assert 'data-counter="250"' in html and 'maxlength="250"' in html
    assert "hp-field" in html


@pytest.mark.parametrize(
    ("data", "files", "message"),
    [
        ({}, {"pindaian_ktp": jpg(201)}, "Ukuran berkas 201 KB melebihi batas 200 KB."),
        (
            {"question": "a" * 251},
            {"pindaian_ktp": jpg(10)},
            "Pertanyaan paling banyak 250 karakter (sekarang 251).",
        ),
        ({"captcha_1": "SALAH"}, {"pindaian_ktp": jpg(10)}, "Kode tidak sesuai dengan gambar."),
        ({}, {"pindaian_ktp": exe_as_jpg()}, "program Windows (EXE/DLL)"),
        ({"isian_nomor_kk": ""}, {"pindaian_ktp": jpg(10)}, "Kolom ini wajib diisi."),
        ({}, {}, "Kolom ini wajib diisi."),  # the required KTP scan missing
        ({"situs_web": "http://spam.example"}, {"pindaian_ktp": jpg(10)}, "Formulir tidak dapat dikirim."),
        ({"isian_nik": "1234"}, {"pindaian_ktp": jpg(10)}, "NIK"),
    ],
    ids=[
        "scan-201kb",
        "question-251",
        "wrong-captcha",
        "renamed-exe",
        "missing-kk",
        "missing-scan",
        "honeypot",
        "bad-nik",
    ],
)
def test_bad_input_gets_an_indonesian_message_and_creates_nothing(helpdesk, client, data, files, message):
    response = post(client, form_data(**data), **files)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Ticket.objects.exists()
    assert not Document.objects.exists()
    assert not mail.outbox


def test_a_png_scan_is_refused_because_the_helpdesk_takes_pdf_or_jpg(helpdesk, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    png = SimpleUploadedFile("ktp.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    response = post(client, form_data(), pindaian_ktp=png)

    assert "Pindaian harus berupa PDF atau JPG." in response.content.decode()
    assert not Ticket.objects.exists()


@override_settings(PELITA_HELPDESK_PER_ADDRESS_HOUR=2)
def test_one_address_may_file_only_so_many_tickets_an_hour(helpdesk, client):
    for _ in range(2):
        assert post(client, form_data(), pindaian_ktp=jpg(5)).status_code == 302

    refused = post(client, form_data(), pindaian_ktp=jpg(5))

    assert "Terlalu banyak tiket dikirim" in refused.content.decode()
    assert Ticket.objects.count() == 2
    # Another address is not affected.
    other = client.post(URL, {**form_data(), "pindaian_ktp": jpg(5)}, REMOTE_ADDR="10.9.9.9")
    assert other.status_code == 302


@override_settings(PELITA_HELPDESK_GLOBAL_HOUR=3)
def test_everybody_together_may_file_only_so_many_tickets_an_hour(helpdesk, client):
    for n in range(3):
        client.post(URL, {**form_data(), "pindaian_ktp": jpg(5)}, REMOTE_ADDR=f"10.0.0.{n + 1}")

    refused = client.post(URL, {**form_data(), "pindaian_ktp": jpg(5)}, REMOTE_ADDR="10.0.0.99")

    assert "Terlalu banyak tiket dikirim" in refused.content.decode()
    assert Ticket.objects.count() == 3


def test_a_logged_in_employee_asks_without_captcha_with_their_identity_prefilled(helpdesk, cast, client):
    client.force_login(cast.pegawai_a)
    url = reverse("helpdesk:ticket_create", args=["pertanyaan-kepegawaian"])
    html = client.get(url).content.decode()
    assert "Pegawai Dinkes" in html and "Kode pada gambar" not in html

    response = client.post(
        url, {"name": "Pegawai Dinkes", "email": "pegawai@example.org", "question": "Kapan KP saya diproses?"}
    )

    assert response.status_code == 302
    assert Ticket.objects.get().requester == cast.pegawai_a


def test_the_employees_own_type_is_not_offered_to_the_public(helpdesk, client):
    url = reverse("helpdesk:ticket_create", args=["pertanyaan-kepegawaian"])
    assert client.get(url).status_code == 404
    assert "Pertanyaan kepegawaian" not in client.get(reverse("helpdesk:index")).content.decode()
