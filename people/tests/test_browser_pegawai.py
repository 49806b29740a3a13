"""The employee screens in real Chromium: search, detail tabs, "Data Saya"."""

import pytest

from people.models import RiwayatSkp
from people.records.actions import do_add_riwayat
from people.records.rules.profile import nip_printed
from people.tests.factories import make_pegawai
from tests.shell import menu_link

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_admin_finds_an_employee_by_nip_and_reads_the_skp_tab(cast, login_page, live_server, screenshot):
    rina = make_pegawai(cast.opd_a, nama="Rina Marlina", gender="P", golongan="III/c")
    do_add_riwayat(rina, RiwayatSkp, actor=None, tahun=2025, predikat="Sangat Baik")
    for i in range(3):
        make_pegawai(cast.opd_b, nama=f"Pegawai Dishub {i}")

    page = login_page(cast.admin.username)
    page.wait_for_url("**/")
    assert page.locator("[data-card=pegawai] .number").inner_text() == "4"
    menu_link(page, "people:pegawai_list").click()
    page.wait_for_url("**/pegawai/")
    assert page.get_by_test_id("result-count").inner_text() == "4 pegawai"

    page.get_by_label("Cari nama atau NIP").fill(rina.nip)
    page.get_by_role("button", name="Cari").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("result-count").inner_text() == "1 pegawai"
    screenshot("search")

    page.get_by_role("link", name="Rina Marlina").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Rina Marlina"
    assert page.get_by_test_id("nip").inner_text() == nip_printed(rina.nip)
    assert page.locator("[data-tab=golongan]").get_attribute("aria-current") == "page"

    page.locator("[data-tab=skp]").click()
    page.wait_for_load_state()
    assert page.locator("[data-tab=skp]").get_attribute("aria-current") == "page"
    assert page.locator("[data-tab=golongan]").get_attribute("aria-current") is None
    table = page.get_by_test_id("history-table")
    assert "2025" in table.inner_text()
    assert "Sangat Baik" in table.inner_text()
    screenshot("skp-tab")

    page.locator("[data-tab=hukdis]").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("history-empty").inner_text() == "Belum ada data"


def test_a_pegawai_opens_data_saya_from_the_menu(cast, login_page, screenshot):
    own = make_pegawai(cast.opd_a, nama="Pegawai Dinkes", user=cast.pegawai_a, gelar_depan="Ns.")
    make_pegawai(cast.opd_a, nama="Rekan Sekantor")

    page = login_page(cast.pegawai_a.username)
    page.wait_for_url("**/")
    menu_link(page, "people:data_saya").click()
    page.wait_for_url("**/pegawai/saya/")
    assert page.locator("[data-testid=main-nav] a[aria-current=page]").inner_text() == "Data Saya"
    assert page.get_by_role("heading", level=1).inner_text() == "Ns. Pegawai Dinkes"
    assert page.get_by_test_id("nip").inner_text() == nip_printed(own.nip)
    assert "Rekan Sekantor" not in page.content()
    page.locator("[data-tab=pendidikan]").click()
    page.wait_for_load_state()
    assert "/pegawai/saya/?tab=pendidikan" in page.url
    assert "S-1" in page.get_by_test_id("history-table").inner_text()
    screenshot("data-saya")
