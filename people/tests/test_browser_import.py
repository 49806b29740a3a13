"""The import screens in real Chromium: upload, preview with reasons, import, progress, rejection report."""

from __future__ import annotations

import csv

import pytest
from playwright.sync_api import expect

from core import progress
from people.imports.actions import progress_key
from people.models import ImportJob, Pegawai
from people.tests.import_jobs import preview_job
from people.tests.siasn_files import asn_row, write_csv
from tests.shell import menu_link

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("private_media"),
]


def test_an_operator_imports_a_file_with_two_bad_rows_and_downloads_the_report(
    cast, login_page, tmp_path, screenshot
):
    rows = [
        asn_row(cast.opd_a, 501),
        asn_row(cast.opd_a, 502, nik="6171011705850"),  # a NIK three digits short
        asn_row(cast.opd_a, 503),
        asn_row(cast.opd_a, 504, gol_akhir_nama="V/z"),  # no such golongan
    ]
    path = write_csv(tmp_path / "data-asn-dinkes.csv", rows)

    page = login_page(cast.operator_a.username)
    page.wait_for_url("**/")
    menu_link(page, "people:import_upload").click()
    page.wait_for_url("**/pegawai/impor/")
    assert "Dinas Kesehatan" in page.get_by_test_id("import-scope").inner_text()
    page.get_by_label("Berkas (CSV atau XLSX)").set_input_files(str(path))
    page.get_by_role("button", name="Periksa berkas").click()
    page.wait_for_url("**/pratinjau/")
    assert page.get_by_role("heading", level=1).inner_text() == "Pratinjau impor"
    assert page.locator("[data-count=imported] .number").inner_text() == "2"
    assert page.locator("[data-count=rejected] .number").inner_text() == "2"
    table = page.get_by_test_id("rejections")
    cells = [row.locator("td").all_inner_texts() for row in table.locator("tbody tr").all()]
    assert [(line, column) for line, column, _nip, _reason in cells] == [
        ("3", "nik"),
        ("5", "gol_akhir_nama"),
    ]
    assert all(reason for *_rest, reason in cells)
    assert not Pegawai.objects.exists()
    screenshot("preview")

    page.get_by_role("button", name="Impor sekarang").click()
    page.wait_for_url("**/pegawai/impor/*/")
    progress = page.get_by_test_id("import-progress")
    assert progress.locator("[data-field=status]").inner_text() == "Selesai"
    bar = progress.locator("progress")
    assert (bar.get_attribute("value"), bar.get_attribute("max")) == ("4", "4")
    assert page.locator("[data-count=imported] .number").inner_text() == "2"
    assert Pegawai.objects.filter(opd=cast.opd_a).count() == 2
    screenshot("finished")

    with page.expect_download() as download:
        page.get_by_role("link", name="Unduh laporan penolakan (CSV)").click()
    with open(download.value.path(), encoding="utf-8-sig") as handle:
        report = list(csv.DictReader(handle))
    assert [(r["baris"], r["kolom"], r["nip"]) for r in report] == [
        ("3", "nik", rows[1]["nip_baru"]),
        ("5", "gol_akhir_nama", rows[3]["nip_baru"]),
    ]
    assert all(r["alasan"] for r in report)

    page.get_by_role("link", name="Riwayat impor").click()
    page.wait_for_url("**/riwayat/")
    assert "data-asn-dinkes.csv" in page.get_by_test_id("import-jobs").inner_text()


@pytest.mark.django_db(transaction=True, databases=["default", "progress"])
def test_the_progress_bar_follows_a_running_import_and_the_page_shows_the_result_when_done(
    cast, login_page, live_server
):
    job = preview_job(cast.operator_a, [asn_row(cast.opd_a, 600 + i) for i in range(3)])
    ImportJob.objects.filter(pk=job.pk).update(confirmed_at=job.created_at, status="diproses", attempt=1)
    job.refresh_from_db()
    progress.publish(progress_key(job), 1, 3)  # what the worker publishes, from outside its transaction
    errors = []
    page = login_page(cast.operator_a.username)
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.wait_for_url("**/")
    page.goto(f"{live_server.url}/pegawai/impor/{job.pk}/")
    bar = page.get_by_test_id("import-progress").locator("progress")
    assert bar.get_attribute("value") == "1"
    assert page.get_by_test_id("reload").inner_text() == "Muat ulang"

    progress.publish(progress_key(job), 2, 3)
    expect(page.locator("[data-field=done]")).to_have_text("2", timeout=6000)
    expect(bar).to_have_attribute("value", "2")

    ImportJob.objects.filter(pk=job.pk).update(status="selesai", done=3, imported=3)
    page.locator("[data-count=imported]").wait_for(timeout=6000)  # the script reloaded the page
    assert page.locator("[data-field=status]").inner_text() == "Selesai"
    assert page.get_by_test_id("reload").count() == 0
    assert errors == [], "no CSP violation or script error"
