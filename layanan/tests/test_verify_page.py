"""The public page behind a product's QR code, and the product download."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from core.models import AuditLog
from layanan.products.files import issue_product, mask_name, mask_nip
from layanan.tests.product_builders import OFFICIAL, give_template, submitted_request
from people.tests.factories import make_pegawai

pytestmark = pytest.mark.django_db


@pytest.fixture
def product(cast, izin_belajar):
    andi = make_pegawai(cast.opd_a, nama="Andi Susanto", user=cast.pegawai_a)
    give_template(izin_belajar, actor=cast.admin)
    with time_machine.travel(dt.datetime(2026, 8, 17, 3, 0, tzinfo=dt.UTC), tick=False):
        return issue_product(
            submitted_request(izin_belajar, andi, created_by=cast.pegawai_a), actor=cast.unit_pengolah
        )


def test_the_qr_page_says_the_document_is_genuine_without_login(product, client):
    response = client.get(reverse("layanan:verify", args=[product.verification_code]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Dokumen ini asli, diterbitkan oleh Pemerintah Provinsi Uji" in html
    for shown in (product.number, "Surat Izin Belajar", "Izin Belajar", "17 Agustus 2026", OFFICIAL):
        assert shown in html
    assert "A*** S******" in html
    assert "*" * 14 + product.request.pegawai.nip[-4:] in html


def test_the_qr_page_hides_the_holders_name_and_nip(product, client):
    html = client.get(reverse("layanan:verify", args=[product.verification_code])).content.decode()
    pegawai = product.request.pegawai
    assert "Andi" not in html and "Susanto" not in html
    assert pegawai.nip not in html and pegawai.nip[:8] not in html


def test_an_unknown_code_says_not_found_or_not_genuine_with_status_404(product, client):
    response = client.get(reverse("layanan:verify", args=[product.verification_code[:-1] + "x"]))

    assert response.status_code == 404
    html = response.content.decode()
    assert "Dokumen tidak ditemukan" in html and "tidak asli" in html
    assert product.number not in html


@pytest.mark.parametrize(
    ("name", "masked"),
    [("Andi Susanto", "A*** S******"), ("Siti", "S***"), ("  Rina  Dewi ", "R*** D***"), ("", "")],
)
def test_names_keep_only_the_first_letter_of_each_word(name, masked):
    assert mask_name(name) == masked


def test_a_nip_shows_only_its_last_four_digits():
    assert mask_nip("198505172010031001") == "**************1001"


# --- Download -------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["pegawai_a", "operator_a", "admin", "unit_pengolah", "kepala_badan"])
def test_the_applicant_their_operator_and_bkd_staff_download_the_pdf(persona, product, cast, client_for):
    response = client_for(cast.persona(persona)).get(
        reverse("layanan:product_download", args=[product.request.number])
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    row = AuditLog.objects.filter(event="dokumen.diunduh").latest("id")
    assert row.actor == cast.persona(persona) and row.object_id == str(product.document_id)


def test_an_outsider_gets_404_and_leaves_no_download_record(product, cast, client_for):
    response = client_for(cast.operator_b).get(
        reverse("layanan:product_download", args=[product.request.number])
    )
    assert response.status_code == 404
    assert not AuditLog.objects.filter(event="dokumen.diunduh").exists()


def test_a_request_without_a_product_has_nothing_to_download(cast, izin_belajar, client_for):
    andi = make_pegawai(cast.opd_a, nama="Andi Susanto", user=cast.pegawai_a)
    request = submitted_request(izin_belajar, andi, created_by=cast.pegawai_a)
    response = client_for(cast.pegawai_a).get(reverse("layanan:product_download", args=[request.number]))
    assert response.status_code == 404
