"""Karier Saya in real Chromium: the next KP blocked by a missing SKP, the employee's
correction approved by the verifier, the timeline eligible; then the Operator OPD creates the
period's KP requests in bulk and one completes through the disposition chain."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from conftest import PDF_BYTES
from tests.shell import menu_link

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("private_media"),
]


def test_missing_skp_corrected_then_bulk_kp_request_completes(
    cast, chain, login_page, live_server, tmp_path, screenshot
):
    from conftest import make_pdf
    from kpo.periods.actions import do_compute_kp_list
    from layanan.catalogue.actions import do_seed_catalogue
    from layanan.models import Action, Request
    from layanan.requests.actions import do_submit_request, do_upload_request_document
    from layanan.tests.workflow_helpers import act, walk_to
    from people.models import RiwayatSkp
    from people.records.actions import do_add_riwayat
    from people.tests.factories import make_pegawai
    from regulations.promotion import next_kp_period

    do_seed_catalogue(actor=None)
    period = next_kp_period(timezone.localdate())
    rina = make_pegawai(
        cast.opd_a,
        nama="Rina Marlina",
        gender="P",
        golongan="III/a",
        cpns=dt.date(period.year - 5, period.month, 1),
        user=cast.pegawai_a,
    )
    do_add_riwayat(rina, RiwayatSkp, actor=None, tahun=period.year - 2, predikat="baik")
    # Imported under a wrong year: the SKP of the last year is missing.
    wrong = do_add_riwayat(rina, RiwayatSkp, actor=None, tahun=period.year - 4, predikat="baik")
    do_compute_kp_list(period, actor=None)
    scan = tmp_path / "skp.pdf"
    scan.write_bytes(PDF_BYTES)

    page = login_page(cast.pegawai_a.username)
    page.wait_for_url("**/")
    menu_link(page, "kpo:career_mine").click()
    page.wait_for_url("**/kpo/karier/")
    assert "Belum memenuhi syarat" in page.get_by_test_id("kp-status").inner_text()
    assert f"tahun {period.year - 1} belum ada" in page.get_by_test_id("kp-reasons").inner_text()
    screenshot("blocked")
    page.get_by_test_id("propose-correction").click()
    page.get_by_label("Data yang diperbaiki").select_option(value=f"riwayatskp:{wrong.pk}:tahun")
    page.get_by_label("Nilai baru").fill(str(period.year - 1))
    page.get_by_label("Alasan").fill(f"SKP ini penilaian tahun {period.year - 1}, salah tahun saat impor")
    page.get_by_label("Pindaian dokumen pendukung").set_input_files(str(scan))
    page.get_by_role("button", name="Kirim usulan").click()
    page.wait_for_url("**/pegawai/perbaikan/saya/")

    page.context.clear_cookies()
    page = login_page(cast.unit_pengolah.username)
    page.wait_for_url("**/")
    menu_link(page, "people:correction_queue").click()
    page.locator("[data-correction]", has_text="Rina Marlina").get_by_role("button", name="Setujui").click()
    page.wait_for_load_state()
    assert "Perbaikan disetujui dan diterapkan." in page.get_by_role("main").inner_text()

    page.context.clear_cookies()
    page = login_page(cast.pegawai_a.username)
    page.wait_for_url("**/")
    page.goto(f"{live_server.url}/kpo/karier/")
    assert page.get_by_test_id("kp-status").inner_text() == "Memenuhi syarat menurut data saat ini."
    screenshot("eligible")

    # The approved correction was announced: the stored KP list followed it.
    page.context.clear_cookies()
    page = login_page(cast.operator_a.username)
    page.wait_for_url("**/")
    page.goto(f"{live_server.url}/kpo/?period={period.isoformat()}")
    row = page.locator(f"tr[data-nip='{rina.nip}']")
    assert row.get_by_test_id("eligible").inner_text() == "Ya"
    page.get_by_test_id("create-kp-requests").click()
    page.wait_for_load_state()
    assert "1 permohonan draf dibuat" in page.get_by_role("main").inner_text()
    screenshot("requests")

    request = Request.objects.get(service__slug="kp-reguler", pegawai=rina)
    for requirement in request.service.requirements.all():
        do_upload_request_document(request, requirement, make_pdf(), actor=cast.operator_a)
    request = do_submit_request(request, actor=cast.operator_a)
    request = walk_to(request, "penerbitan", chain)
    request = act(request, chain.unit_pengolah, Action.COMPLETE)
    assert request.status == Request.Status.DONE
