"""The catalogue in real Chromium: a citizen reads a standard on a phone and prints it; the
Admin edits a component and the public page shows the new text."""

import pytest

from layanan.catalogue.actions import do_seed_catalogue

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_citizen_reads_a_service_standard_on_a_phone_and_prints_it(cast, page, live_server, screenshot):
    do_seed_catalogue(actor=None)
    page.set_viewport_size({"width": 375, "height": 812})

    page.goto(f"{live_server.url}/layanan/")
    assert page.get_by_role("heading", level=1).inner_text() == "Layanan kepegawaian"
    assert page.locator("[data-testid=service-list] > li").count() == 10
    screenshot("list-phone")

    page.get_by_role("link", name="Laporan Indeks Profesionalitas ASN (IP-ASN)").first.click()
    page.wait_for_url("**/layanan/laporan-ip-asn/")
    assert page.get_by_role("heading", level=1).inner_text() == "Laporan Indeks Profesionalitas ASN (IP-ASN)"
    assert page.get_by_test_id("duration").first.inner_text() == "1 hari kerja"
    components = page.locator("[data-testid=components] > li")
    assert components.count() == 14
    assert components.nth(0).locator("h2").inner_text() == "Dasar hukum"
    assert components.nth(13).locator("h2").inner_text() == "Evaluasi kinerja pelaksana"
    assert "Peraturan Menteri PAN-RB Nomor 38 Tahun 2018" in components.nth(0).inner_text()
    assert page.locator("[data-testid=steps] > li").count() == 9  # applicant, 7 desks, done
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # no sideways scrolling
    assert page.get_by_test_id("apply").is_visible()
    screenshot("standard-phone")

    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.get_by_test_id("apply").is_visible()
    assert page.locator("[data-testid=components] > li").nth(4).is_visible()
    color = page.evaluate("getComputedStyle(document.querySelector('.component h2')).color")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert (color, background) == ("rgb(0, 0, 0)", "rgb(255, 255, 255)")
    screenshot("standard-print")


def test_the_admin_edits_a_component_and_the_public_page_shows_it(cast, login_page, live_server, screenshot):
    do_seed_catalogue(actor=None)
    page = login_page(cast.admin.username)
    page.wait_for_url("**/")

    page.goto(f"{live_server.url}/layanan/kelola/")
    page.get_by_role("link", name="Ujian Dinas", exact=True).click()
    page.wait_for_load_state()
    page.locator("[data-component=biaya] a", has_text="Ubah").click()
    page.wait_for_load_state()
    page.get_by_label("Isi komponen").fill("Tidak dipungut biaya.\nPas foto dicetak sendiri oleh peserta.")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_load_state()
    assert "Komponen Biaya/tarif disimpan." in page.get_by_role("status").inner_text()
    screenshot("admin-service")

    page.get_by_role("link", name="Riwayat perubahan").click()
    page.wait_for_load_state()
    history = page.get_by_test_id("history-table").inner_text()
    assert "Komponen diubah" in history and cast.admin.username in history
    assert "Pas foto dicetak sendiri oleh peserta." in history

    page.goto(f"{live_server.url}/layanan/ujian-dinas/")
    biaya = page.locator("[data-component=biaya]")
    assert "Pas foto dicetak sendiri oleh peserta." in biaya.inner_text()
    assert "Tidak dipungut biaya (gratis)." not in biaya.inner_text()
    screenshot("public-after-edit")
