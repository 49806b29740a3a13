"""The UI shell in real Chromium: menus per persona, language switch, login errors, lockout."""

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings

from conftest import PASSWORD
from tests.shell import menu_labels, menu_link

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Written out by hand (not derived from config.navigation.MENU) so the test can disagree.
EXPECTED_MENU = {
    "admin": [
        "Beranda",
        # Pegawai
        "OPD",
        "Pegawai",
        "Impor data",
        "Kualitas data",
        "Rekonsiliasi SIASN",
        "Verifikasi perbaikan",
        # Layanan
        "Permohonan",
        "Kotak masuk",
        "Katalog layanan",
        # Kampanye
        "Kampanye",
        "Partisipasi",
        # Karier & KPO
        "KPO dan PPO",
        "Jabatan fungsional",
        "IP-ASN",
        # Bantuan & Pengaduan
        "Helpdesk",
        "Pengaduan",
        # Laporan
        "DUK",
        "Statistik pegawai",
        "Laporan SLA",
        "Laporan helpdesk",
        "Laporan IKM",
        # Pengaturan
        "Instansi",
        "Pengguna",
        "Token API",
        "Hari libur",
        "Log audit",
    ],
    "operator_a": [
        "Beranda",
        "OPD",
        "Pegawai",
        "Impor data",
        "Kualitas data",
        "Rekonsiliasi SIASN",
        "Permohonan",
        "Partisipasi",
        "KPO dan PPO",
        "Jabatan fungsional",
        "IP-ASN",
        "Pengaduan",
        "DUK",
        "Statistik pegawai",
        "Hari libur",
    ],
    "operator_b": [
        "Beranda",
        "OPD",
        "Pegawai",
        "Impor data",
        "Kualitas data",
        "Rekonsiliasi SIASN",
        "Permohonan",
        "Partisipasi",
        "KPO dan PPO",
        "Jabatan fungsional",
        "IP-ASN",
        "Pengaduan",
        "DUK",
        "Statistik pegawai",
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
        "OPD",
        "Pegawai",
        "Kualitas data",
        "Verifikasi perbaikan",
        "Permohonan",
        "Kotak masuk",
        "Kampanye",
        "Partisipasi",
        "KPO dan PPO",
        "Jabatan fungsional",
        "IP-ASN",
        "Pengaduan",
        "DUK",
        "Statistik pegawai",
        "Laporan SLA",
        "Laporan IKM",
        "Hari libur",
    ],
    "kepala_badan": [
        "Beranda",
        "OPD",
        "Pegawai",
        "Kualitas data",
        "Permohonan",
        "Kotak masuk",
        "Partisipasi",
        "KPO dan PPO",
        "Jabatan fungsional",
        "IP-ASN",
        "Pengaduan",
        "DUK",
        "Statistik pegawai",
        "Laporan SLA",
        "Laporan IKM",
        "Hari libur",
    ],
}
# The disclosures each persona sees (a group with one entry of theirs is that entry alone).
EXPECTED_GROUPS = {
    "admin": [
        "Pegawai",
        "Layanan",
        "Kampanye",
        "Karier & KPO",
        "Bantuan & Pengaduan",
        "Laporan",
        "Pengaturan",
    ],
    "operator_a": ["Pegawai", "Karier & KPO", "Laporan"],
    "pegawai_a": ["Untuk saya"],
    "kepala_badan": ["Pegawai", "Layanan", "Karier & KPO", "Laporan"],
}


@pytest.mark.parametrize("persona", sorted(EXPECTED_MENU))
def test_each_persona_logs_in_and_sees_exactly_its_menu(persona, cast, login_page, screenshot):
    user = cast.persona(persona)
    page = login_page(user.username)
    page.wait_for_url("**/")
    assert menu_labels(page) == EXPECTED_MENU[persona]
    assert page.get_by_role("heading", name=f"Selamat datang, {user.name}").is_visible()
    screenshot("dashboard")


def test_the_dashboard_shows_real_counts(cast, login_page):
    page = login_page(cast.admin.username)
    page.wait_for_url("**/")
    assert page.locator("[data-card=opd] .number").inner_text() == "3"
    # Every active user of the cast (the cast may grow; the card must follow it).
    active = get_user_model().objects.filter(is_active=True).count()
    assert page.locator("[data-card=users] .number").inner_text() == str(active)


def test_the_language_switch_turns_the_interface_english_and_back(cast, login_page, screenshot):
    page = login_page(cast.pegawai_a.username)
    page.wait_for_url("**/")
    assert page.locator("html").get_attribute("lang") == "id"
    page.get_by_label("Bahasa").select_option("en")
    page.get_by_role("button", name="Ganti bahasa").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert menu_labels(page) == [
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
    assert menu_labels(page) == EXPECTED_MENU["pegawai_a"]


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


def test_the_layout_fits_a_phone(cast, login_page, page, screenshot):
    page.set_viewport_size({"width": 390, "height": 844})
    page = login_page(cast.admin.username)
    page.wait_for_url("**/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # no sideways scrolling of the page itself
    # The menu waits behind one button; it opens, and a group opens within it.
    toggle = page.get_by_role("button", name="Menu")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not page.locator("[data-testid=main-nav]").is_visible()
    screenshot("phone-closed")
    link = menu_link(page, "core:audit_list")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert link.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot("phone-menu")
    page.keyboard.press("Escape")
    assert not page.locator("[data-testid=main-nav]").is_visible()
    menu_link(page, "core:audit_list").click()
    page.wait_for_url("**/audit/")
    assert page.locator("[data-testid=breadcrumbs] li").all_inner_texts() == [
        "Beranda",
        "Pengaturan",
        "Log audit",
    ]


@pytest.mark.parametrize("persona", sorted(EXPECTED_GROUPS))
def test_the_menu_is_grouped_by_task(persona, cast, login_page):
    page = login_page(cast.persona(persona).username)
    page.wait_for_url("**/")
    summaries = page.locator("[data-testid=main-nav] summary").all_inner_texts()
    assert [s.strip() for s in summaries] == EXPECTED_GROUPS[persona]
    # On the dashboard no group is open: it belongs to none.
    assert page.locator("[data-testid=main-nav] details[open]").count() == 0


def test_the_current_page_opens_its_group_and_shows_where_it_is(cast, login_page, screenshot):
    page = login_page(cast.admin.username)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.wait_for_url("**/")
    header = page.locator("header")
    assert "Pemerintah Provinsi Uji" in header.locator("[data-testid=instansi]").inner_text()
    assert header.locator("[data-testid=roles]").inner_text() == "Admin"
    menu_link(page, "people:quality_ranking").click()
    page.wait_for_url("**/kualitas-data/")
    opened = page.locator("[data-testid=main-nav] details[open]")
    assert opened.count() == 1 and opened.get_attribute("data-group") == "pegawai"
    current = page.locator("[data-testid=main-nav] a[aria-current=page]")
    assert current.inner_text() == "Kualitas data"
    crumbs = page.locator("[data-testid=breadcrumbs] li")
    assert crumbs.all_inner_texts() == ["Beranda", "Pegawai", "Kualitas data"]
    assert crumbs.last.get_attribute("aria-current") == "page"
    screenshot("grouped-menu-1366")
    # Another group opens by its summary, without a script and without leaving the page.
    menu_link(page, "core:holiday_list")
    assert page.locator("[data-testid=main-nav] details[open]").count() == 2
