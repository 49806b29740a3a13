"""A correction end to end in real Chromium: proposed with a scan, approved, applied, audited."""

import pytest
from django.test import override_settings

from people.tests.factories import make_pegawai

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def media(tmp_path):
    with override_settings(MEDIA_ROOT=tmp_path / "media"):
        yield


def test_a_pegawai_proposes_a_new_phone_number_and_the_verifier_approves_it(
    cast, login_page, tmp_path, screenshot
):
    rina = make_pegawai(cast.opd_a, nama="Rina Marlina", gender="P", user=cast.pegawai_a, nomor_hp="0811")
    ktp = tmp_path / "surat-keterangan.pdf"
    ktp.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")

    page = login_page(cast.pegawai_a.username)
    page.wait_for_url("**/")
    page.locator("[data-testid=main-nav] a", has_text="Data Saya").click()
    page.get_by_role("link", name="Usulkan perbaikan").click()
    page.get_by_label("Data yang diperbaiki").select_option(label="Nomor HP")
    page.get_by_label("Nilai baru").fill("081234567890")
    page.get_by_label("Alasan").fill("Nomor lama sudah tidak aktif")
    page.get_by_label("Pindaian dokumen pendukung").set_input_files(str(ktp))
    screenshot("propose")
    page.get_by_role("button", name="Kirim usulan").click()
    page.wait_for_url("**/pegawai/perbaikan/saya/")
    assert page.get_by_test_id("status").inner_text() == "Diajukan"
    assert "0811 → 081234567890" in page.get_by_test_id("change").inner_text()

    page.context.clear_cookies()
    page = login_page(cast.unit_pengolah.username)
    page.wait_for_url("**/")
    page.locator("[data-testid=main-nav] a", has_text="Verifikasi perbaikan").click()
    page.wait_for_url("**/pegawai/perbaikan/")
    row = page.locator("[data-correction]")
    assert "Rina Marlina" in row.inner_text()
    assert row.get_by_test_id("scan-link").inner_text() == "surat-keterangan.pdf"
    screenshot("queue")
    row.get_by_role("button", name="Setujui").click()
    page.wait_for_load_state()
    assert "Perbaikan disetujui dan diterapkan." in page.get_by_role("main").inner_text()
    assert page.get_by_test_id("status").inner_text() == "Disetujui"

    page.context.clear_cookies()
    page = login_page(cast.admin.username)
    page.wait_for_url("**/")
    page.goto(page.url.rstrip("/") + f"/pegawai/{rina.pk}/")
    assert page.get_by_test_id("contact").inner_text() == "081234567890"
    page.locator("[data-testid=main-nav] a", has_text="Log audit").click()
    page.wait_for_load_state()
    log = page.locator("table").first.inner_text()
    assert "perbaikan.disetujui" in log and "verifikator" in log
    assert "pegawai.diubah" in log
    screenshot("audit")
