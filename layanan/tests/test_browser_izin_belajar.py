"""The whole path of an Izin Belajar request in real Chromium (the acceptance case).

A Pegawai submits with documents; each official of the chain acts from their inbox; the
verifier returns it for a missing document; the Pegawai re-uploads and resubmits; it goes
on and completes; the PDF product downloads and the verification page its QR code points
to says it is genuine; the public tracker shows each step.
"""

from __future__ import annotations

import io
import re

import pypdf
import pytest
from django.test import override_settings

from layanan.models import Request

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RETURN_NOTE = "Jadwal kuliah yang dilampirkan belum ditandatangani perguruan tinggi; lampirkan yang sudah."
STEPS = (
    "Registrasi dan nomor agenda",
    "Pemilahan surat",
    "Paraf Sekretaris",
    "Disposisi Kepala Badan",
    "Kepala Bidang",
    "Verifikasi berkas",
    "Penerbitan produk",
)


@pytest.fixture
def service(cast):
    """The seeded Izin Belajar of the catalogue, with its product template."""
    from layanan.catalogue.actions import do_seed_catalogue
    from layanan.models import Service

    do_seed_catalogue(actor=cast.admin)
    return Service.objects.get(slug="izin-belajar")


@pytest.fixture
def scans(tmp_path):
    def scan(name: str, marker: str = "") -> str:
        path = tmp_path / name
        path.write_bytes(
            b"%PDF-1.4\n% " + marker.encode() + b"\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
        )
        return str(path)

    return scan


def test_an_izin_belajar_request_travels_the_whole_chain_and_its_product_verifies(
    cast, chain, service, pegawai_a_record, login_page, live_server, scans, screenshot
):
    base = live_server.url
    with override_settings(PELITA_BASE_URL=base):
        _whole_path(cast, chain, service, pegawai_a_record, login_page, base, scans, screenshot)


def _act(page, base, number, button, *, agenda="", note=""):
    """An official opens the request from their inbox and takes one action on it."""
    page.goto(f"{base}/layanan/kotak-masuk/")
    page.locator(f"[data-request='{number}'] a", has_text=number).click()
    page.wait_for_url(f"**/layanan/permohonan/{number}/")
    actions = page.get_by_test_id("request-actions")
    if agenda:
        actions.get_by_label("Nomor agenda surat").fill(agenda)
    if note:
        actions.get_by_label("Catatan").fill(note)
    actions.get_by_role("button", name=button).click()
    page.wait_for_load_state()


def _as(login_page, page, user):
    page.context.clear_cookies()
    page = login_page(user.username)
    page.wait_for_url("**/")
    return page


def _whole_path(cast, chain, service, pegawai, login_page, base, scans, screenshot):
    # --- The Pegawai opens a draft, answers, uploads every document and submits ------------
    page = login_page(cast.pegawai_a.username)
    page.wait_for_url("**/")
    page.goto(f"{base}/layanan/permohonan/baru/{service.slug}/")
    page.get_by_role("button", name="Buat draf permohonan").click()
    page.wait_for_url(re.compile(r".*/layanan/permohonan/[A-Z0-9-]+/$"))
    number = page.get_by_test_id("request-number").inner_text().strip()

    page.locator("#id_jenjang").select_option(label="S-2")
    page.locator("#id_program_studi").fill("Magister Administrasi Publik")
    page.locator("#id_perguruan_tinggi").fill("Universitas Tanjungpura")
    page.locator("#id_akreditasi").select_option(label="Unggul")
    page.get_by_role("button", name="Simpan isian").click()
    page.wait_for_load_state()

    requirement_ids = page.locator("[data-requirement]").evaluate_all(
        "rows => rows.map(r => r.dataset.requirement)"
    )
    for pk in requirement_ids:
        row = page.locator(f"[data-requirement='{pk}']")
        row.locator("input[type=file]").set_input_files(scans(f"berkas-{pk}.pdf", "pertama"))
        row.get_by_role("button", name="Unggah").click()
        page.wait_for_load_state()
        assert page.locator(f"[data-requirement='{pk}'] [data-testid=missing]").count() == 0
    screenshot("draft-complete")
    page.get_by_test_id("submit-form").get_by_role("button", name="Ajukan permohonan").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("request-status").inner_text().startswith("Diproses")

    # --- Up the chain, each official from their own inbox ---------------------------------
    page = _as(login_page, page, chain.petugas)
    _act(page, base, number, "Registrasi dan teruskan", agenda="AG/0917/BKD/2026")
    page = _as(login_page, page, chain.kasubbag)
    _act(page, base, number, "Teruskan ke Sekretaris")
    page = _as(login_page, page, chain.sekretaris)
    _act(page, base, number, "Paraf dan teruskan")
    page = _as(login_page, page, chain.kepala_badan)
    _act(page, base, number, "Disposisi ke Kepala Bidang")
    page = _as(login_page, page, chain.kepala_bidang)
    _act(page, base, number, "Teruskan ke Unit Pengolah")
    page = _as(login_page, page, chain.unit_pengolah)
    page.goto(f"{base}/layanan/kotak-masuk/")
    screenshot("verifier-inbox")
    _act(page, base, number, "Kembalikan ke pemohon", note=RETURN_NOTE)
    assert "status Dikembalikan ke pemohon" in page.locator(".messages").inner_text()

    # --- The Pegawai is told, replaces the document and resubmits -------------------------
    page = _as(login_page, page, cast.pegawai_a)
    assert int(page.get_by_test_id("unread-count").inner_text()) >= 1  # submission and return
    page.get_by_test_id("notifications-link").click()
    page.wait_for_url("**/notifikasi/")
    screenshot("notifications")
    page.get_by_role("link", name=f"Permohonan {number} dikembalikan untuk diperbaiki").click()
    page.wait_for_url(f"**/layanan/permohonan/{number}/")
    assert RETURN_NOTE in page.get_by_test_id("return-reason").inner_text()
    schedule = page.locator("[data-requirement]", has_text="Jadwal kuliah")
    schedule.locator("input[type=file]").set_input_files(scans("jadwal-kuliah-ttd.pdf", "ditandatangani"))
    schedule.get_by_role("button", name="Unggah").click()
    page.wait_for_load_state()
    assert (
        "jadwal-kuliah-ttd.pdf" in page.locator("[data-requirement]", has_text="Jadwal kuliah").inner_text()
    )
    screenshot("returned-fixed")
    page.get_by_test_id("request-resubmit").get_by_role("button", name="Ajukan kembali").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("request-status").inner_text().startswith("Diproses")

    # --- Back to the verifier, who processes it and issues the product --------------------
    page = _as(login_page, page, chain.unit_pengolah)
    _act(page, base, number, "Berkas lengkap, proses")
    _act(page, base, number, "Terbitkan produk dan selesaikan")
    assert "status Selesai" in page.locator(".messages").inner_text()
    page.goto(f"{base}/layanan/permohonan/{number}/")
    assert page.get_by_test_id("request-status").inner_text().startswith("Selesai")
    screenshot("done")

    # --- The Pegawai downloads the PDF; its QR address says it is genuine ----------------
    page = _as(login_page, page, cast.pegawai_a)
    page.goto(f"{base}/layanan/permohonan/{number}/")
    link = page.get_by_test_id("product-download").get_attribute("href")
    download = page.request.get(f"{base}{link}")
    assert download.ok and download.headers["content-type"] == "application/pdf"
    pdf = download.body()
    assert pdf.startswith(b"%PDF-")
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages).replace("\n", "")
    product = Request.objects.get(number=number).product
    assert product.number in text and "Siti Rahmawati" in text
    verify_url = re.search(re.escape(base) + r"/layanan/verifikasi/[A-Za-z0-9_-]+/", text).group(0)
    assert verify_url.endswith(f"/{product.verification_code}/")

    page.context.clear_cookies()  # whoever scans the QR code is not logged in
    page.goto(verify_url)
    verified = page.get_by_test_id("verified")
    assert "Dokumen ini asli" in verified.inner_text()
    assert product.number in verified.inner_text()
    assert "Rahmawati" not in verified.inner_text() and "S*** R********" in verified.inner_text()
    screenshot("verified")

    # --- The public tracker shows every step, nothing personal ---------------------------
    page.goto(f"{base}/layanan/lacak/")
    page.get_by_label("Nomor permohonan").fill(number)
    page.get_by_label("NIP pemohon").fill(pegawai.nip)
    page.get_by_role("button", name="Lacak").click()
    page.wait_for_load_state()
    result = page.get_by_test_id("tracker-result")
    assert page.get_by_test_id("tracker-status").inner_text() == "Selesai"
    steps = result.get_by_test_id("tracker-steps").inner_text()
    for step in STEPS:
        assert step in steps
    assert "Dikembalikan ke pemohon untuk dilengkapi" in steps
    body = page.locator("main").inner_text()
    assert "Rahmawati" not in body and pegawai.nip not in body and RETURN_NOTE not in body
    screenshot("tracker")
