"""The data-quality screens in real Chromium: from the menu to the row to fix."""

import pytest
from django.utils import timezone

from people.records.actions import do_update_pegawai
from people.tests.quality_people import clean_pegawai
from tests.shell import menu_link

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("private_media"),
]


def test_an_operator_goes_from_the_ranking_to_the_employee_to_fix(cast, login_page, screenshot):
    today = timezone.localdate()
    untidy = clean_pegawai(cast.opd_a, today=today, nama="Rina Marlina", skp=False)
    do_update_pegawai(untidy, changes={"nik": None}, actor=None)
    clean_pegawai(cast.opd_a, today=today, nama="Budi Santoso")
    clean_pegawai(cast.opd_b, today=today, nama="Pegawai Dishub")

    page = login_page(cast.operator_a.username)
    page.wait_for_url("**/")
    menu_link(page, "people:quality_ranking").click()
    page.wait_for_url("**/pegawai/kualitas-data/")
    ranking = page.get_by_test_id("quality-ranking")
    assert ranking.locator("tbody tr").count() == 1  # only their own OPD
    # One of two employees without NIK (sedang, 50 × 1/2) and without last year's SKP (ringan, 5 × 1/2).
    assert ranking.get_by_test_id("score").inner_text() == "72,5"
    assert ranking.get_by_test_id("fix-first").inner_text() == "NIK kosong (+25,0)"
    screenshot("ranking")

    ranking.get_by_role("link", name="Dinkes").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("result-count").inner_text() == "2 temuan"
    first = page.get_by_test_id("findings").locator("tbody tr").first
    assert "NIK belum diisi." in first.inner_text()
    screenshot("findings")

    page.get_by_label("Jenis temuan").select_option("skp_tahun_lalu_kosong")
    page.get_by_role("button", name="Saring").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("result-count").inner_text() == "1 temuan"
    page.get_by_test_id("findings").get_by_role("link", name="SKP").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Rina Marlina"
    assert page.locator("[data-tab=skp]").get_attribute("aria-current") == "page"
