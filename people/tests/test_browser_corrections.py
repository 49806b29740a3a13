"""A correction end to end in real Chromium: proposed with a scan, approved, applied, audited."""

import pytest

from conftest import PDF_BYTES
from people.tests.factories import make_pegawai
from tests.shell import menu_link

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("private_media"),
]


def test_a_pegawai_proposes_a_title_the_verifier_approves_it_and_the_list_shows_it(
    cast, login_page, tmp_path, screenshot
):
    rina = make_pegawai(cast.opd_a, nama="Rina Marlina", gender="P", user=cast.pegawai_a)
    ijazah = tmp_path / "ijazah-s1.pdf"
    ijazah.write_bytes(PDF_BYTES)

    page = login_page(cast.pegawai_a.username)
    page.wait_for_url("**/")
    menu_link(page, "people:data_saya").click()
    page.get_by_role("link", name="Usulkan perbaikan").click()
    page.get_by_label("Data yang diperbaiki").select_option(label="Gelar belakang")
    page.get_by_label("Nilai baru").fill("S.Kom.")
    page.get_by_label("Alasan").fill("Gelar sarjana belum tercatat")
    page.get_by_label("Pindaian dokumen pendukung").set_input_files(str(ijazah))
    screenshot("propose")
    page.get_by_role("button", name="Kirim usulan").click()
    page.wait_for_url("**/pegawai/perbaikan/saya/")
    assert page.get_by_test_id("status").inner_text() == "Diajukan"
    assert "S.Kom." in page.get_by_test_id("change").inner_text()

    page.context.clear_cookies()
    page = login_page(cast.unit_pengolah.username)
    page.wait_for_url("**/")
    menu_link(page, "people:correction_queue").click()
    page.wait_for_url("**/pegawai/perbaikan/")
    row = page.locator("[data-correction]")
    assert "Rina Marlina" in row.inner_text()
    assert row.get_by_test_id("scan-link").inner_text() == "ijazah-s1.pdf"
    screenshot("queue")
    row.get_by_role("button", name="Setujui").click()
    page.wait_for_load_state()
    assert "Perbaikan disetujui dan diterapkan." in page.get_by_role("main").inner_text()
    assert page.get_by_test_id("status").inner_text() == "Disetujui"

    page.context.clear_cookies()
    page = login_page(cast.admin.username)
    page.wait_for_url("**/")
    menu_link(page, "people:pegawai_list").click()
    page.wait_for_url("**/pegawai/")
    page.get_by_label("Cari nama atau NIP").fill(rina.nip)
    page.get_by_role("button", name="Cari").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("result-count").inner_text() == "1 pegawai"
    # the list shows the approved value: the name as written on decrees, with the new title
    assert page.locator("tbody tr").first.get_by_role("link").inner_text() == "Rina Marlina, S.Kom."
    screenshot("list")
    menu_link(page, "core:audit_list").click()
    page.wait_for_load_state()
    # who did it: the verifier, on the change of the field and on the approval
    edit = page.locator("tbody tr", has_text="pegawai.diubah").first.inner_text()
    assert "verifikator" in edit and "Gelar belakang" in edit and "S.Kom." in edit
    assert "verifikator" in page.locator("tbody tr", has_text="perbaikan.disetujui").first.inner_text()
    screenshot("audit")
