"""The UI shell in real Chromium: menus per persona, language switch, login errors, lockout."""

import pytest
from django.test import override_settings

from conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Written out by hand (not derived from config.navigation.MENU) so the test can disagree.
EXPECTED_MENU = {
    "admin": [
        "Beranda",
        "Permohonan",
        "Kotak masuk",
        "OPD",
        "Pegawai",
        "DUK",
        "Statistik pegawai",
        "Impor data",
        "Kualitas data",
        "Rekonsiliasi SIASN",
        "Verifikasi perbaikan",
        "Kampanye",
        "Partisipasi",
        "Jabatan fungsional",
        "IP-ASN",
        "KPO dan PPO",
        "Laporan SLA",
        "Helpdesk",
        "Laporan helpdesk",
        "Pengaduan",
        "Laporan IKM",
        "Katalog layanan",
        "Instansi",
        "Pengguna",
        "Token API",
        "Hari libur",
        "Log audit",
    ],
    "operator_a": [
        "Beranda",
        "Permohonan",
        "OPD",
        "Pegawai",
        "DUK",
        "Statistik pegawai",
        "Impor data",
        "Kualitas data",
        "Rekonsiliasi SIASN",
        "Partisipasi",
        "Jabatan fungsional",
        "IP-ASN",
        "KPO dan PPO",
        "Pengaduan",
        "Hari libur",
    ],
    "operator_b": [
        "Beranda",
        "Permohonan",
        "OPD",
        "Pegawai",
        "DUK",
        "Statistik pegawai",
        "Impor data",
        "Kualitas data",
        "Rekonsiliasi SIASN",
        "Partisipasi",
        "Jabatan fungsional",
        "IP-ASN",
        "KPO dan PPO",
        "Pengaduan",
        "Hari libur",
    ],
    "pegawai_a": [
        "Beranda",
        "Data Saya",
        "IP-ASN Saya",
        "Isian kampanye",
        "Karier Saya",
        "Permohonan",
        "Pengaduan",
        "Hari libur",
    ],
    "unit_pengolah": [
        "Beranda",
        "Permohonan",
        "Kotak masuk",
        "OPD",
        "Pegawai",
        "DUK",
        "Statistik pegawai",
        "Kualitas data",
        "Verifikasi perbaikan",
        "Kampanye",
        "Partisipasi",
        "Jabatan fungsional",
        "IP-ASN",
        "KPO dan PPO",
        "Laporan SLA",
        "Pengaduan",
        "Laporan IKM",
        "Hari libur",
    ],
    "kepala_badan": [
        "Beranda",
        "Permohonan",
        "Kotak masuk",
        "OPD",
        "Pegawai",
        "DUK",
        "Statistik pegawai",
        "Kualitas data",
        "Partisipasi",
        "Jabatan fungsional",
        "IP-ASN",
        "KPO dan PPO",
        "Laporan SLA",
        "Pengaduan",
        "Laporan IKM",
        "Hari libur",
    ],
}


@pytest.mark.parametrize("persona", sorted(EXPECTED_MENU))
def test_each_persona_logs_in_and_sees_exactly_its_menu(persona, cast, login_page, screenshot):
    user = cast.persona(persona)
    page = login_page(user.username)
    page.wait_for_url("**/")
    menu = page.locator("[data-testid=main-nav] a").all_inner_texts()
    assert menu == EXPECTED_MENU[persona]
    assert page.get_by_role("heading", name=f"Selamat datang, {user.name}").is_visible()
    screenshot("dashboard")


def test_the_dashboard_shows_real_counts(cast, login_page):
    page = login_page(cast.admin.username)
    page.wait_for_url("**/")
    assert page.locator("[data-card=opd] .number").inner_text() == "3"
    assert page.locator("[data-card=users] .number").inner_text() == "6"


def test_the_language_switch_turns_the_interface_english_and_back(cast, login_page, screenshot):
    page = login_page(cast.pegawai_a.username)
    page.wait_for_url("**/")
    assert page.locator("html").get_attribute("lang") == "id"
    page.get_by_label("Bahasa").select_option("en")
    page.get_by_role("button", name="Ganti bahasa").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("[data-testid=main-nav] a").all_inner_texts() == [
        "Home",
        "My data",
        "My IP-ASN",
        "Campaign forms",
        "My career",
        "Requests",
        "Complaints",
        "Holidays",
    ]
    screenshot("english")
    page.get_by_label("Language").select_option("id")
    page.get_by_role("button", name="Change language").click()
    page.wait_for_load_state()
    assert page.locator("[data-testid=main-nav] a").all_inner_texts() == EXPECTED_MENU["pegawai_a"]


def test_a_failed_login_shows_the_indonesian_error(cast, login_page, screenshot):
    page = login_page(cast.pegawai_a.username, "kata-sandi-keliru")
    alert = page.get_by_role("alert")
    assert "Nama pengguna atau kata sandi salah" in alert.inner_text()
    screenshot("failed-login")


@override_settings(LOGIN_FAILURE_LIMIT=3)
def test_repeated_failures_lock_the_account(cast, login_page, screenshot):
    for _ in range(3):
        page = login_page(cast.operator_a.username, "tebakan")
    assert "Terlalu banyak percobaan masuk yang gagal" in page.get_by_role("alert").inner_text()
    page = login_page(cast.operator_a.username, PASSWORD)
    assert "Terlalu banyak percobaan masuk yang gagal" in page.get_by_role("alert").inner_text()
    screenshot("locked")


def test_the_layout_fits_a_phone(cast, login_page, page):
    page.set_viewport_size({"width": 360, "height": 740})
    page = login_page(cast.admin.username)
    page.wait_for_url("**/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360  # no sideways scrolling of the page itself
    assert page.locator("[data-testid=main-nav] a", has_text="Log audit").is_visible()
