"""The reconciliation screen in real Chromium, fed by a pull from the fake national service:
an Operator OPD sees what SIASN says differently, accepts one value and keeps another."""

import pytest

from people.models import Pegawai
from people.tests.factories import make_pegawai
from siasn.models import SiasnDifference
from siasn.reconciliation.actions import do_start_siasn_pull, run_siasn_pull

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, databases=["default", "progress"])]


def test_an_operator_accepts_one_siasn_value_and_keeps_another(
    cast, fake_siasn, login_page, live_server, screenshot
):
    pegawai = make_pegawai(cast.opd_a, nama="Siti Rahma")
    fake_siasn.add(pegawai, nama="Siti Rahmawati", alamat="Jl. Ahmad Yani 12")
    run_siasn_pull(do_start_siasn_pull(actor=cast.admin, opd=cast.opd_a, enqueue=False).pk)

    page = login_page(cast.operator_a.username)
    page.wait_for_url("**/")
    page.goto(f"{live_server.url}/siasn/")
    table = page.get_by_test_id("siasn-differences")
    assert "Siti Rahmawati" in table.inner_text() and "Jl. Ahmad Yani 12" in table.inner_text()
    assert "Selesai" in page.get_by_test_id("siasn-pulls").inner_text()
    screenshot("siasn-worklist")

    name_row = table.locator("tr", has_text="Siti Rahmawati")
    name_row.get_by_role("button", name="Terima nilai SIASN").click()
    page.wait_for_load_state()
    assert "Nilai SIASN diterima" in page.get_by_role("main").inner_text()
    page.get_by_test_id("siasn-differences").locator("tr", has_text="Jl. Ahmad Yani 12").get_by_role(
        "button", name="Pertahankan nilai Pelita"
    ).click()
    page.wait_for_load_state()
    assert "Tidak ada selisih." in page.get_by_test_id("siasn-differences").inner_text()

    page.set_viewport_size({"width": 390, "height": 800})
    page.get_by_label("Status").select_option(label="Nilai SIASN diterima")
    page.get_by_role("button", name="Saring").click()
    page.wait_for_load_state()
    assert "Siti Rahmawati" in page.get_by_test_id("siasn-differences").inner_text()
    screenshot("siasn-worklist-phone")

    assert Pegawai.objects.get(pk=pegawai.pk).nama == "Siti Rahmawati"
    assert Pegawai.objects.get(pk=pegawai.pk).alamat == ""
    assert set(SiasnDifference.objects.values_list("status", flat=True)) == {"diterima", "dipertahankan"}
