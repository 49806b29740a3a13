"""A long employee list in real Chromium: the background job, its live progress page, the download."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.test import override_settings
from openpyxl import load_workbook
from playwright.sync_api import expect

from people.tests.factories import make_pegawai

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_admin_exports_a_long_list_in_the_background_and_downloads_it(
    cast, login_page, live_server, settings, private_media, screenshot
):
    settings.PELITA_EXPORT_INLINE_MAX_ROWS = 2
    staff = [make_pegawai(cast.opd_a, nama=name) for name in ("Ani Lestari", "Budi Santoso", "Citra Dewi")]
    make_pegawai(cast.opd_b, nama="Dedi Kurnia")  # filtered out by the list's OPD filter

    # A real queue: the job waits until the worker below runs it.
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        page = login_page(cast.admin.username)
        page.wait_for_url("**/")
        page.goto(f"{live_server.url}/pegawai/?opd={cast.opd_a.pk}")
        page.get_by_test_id("export-xlsx").click()
        expect(page.get_by_test_id("export-size")).to_contain_text("3 baris")
        page.get_by_test_id("start-export").click()
        page.wait_for_url("**/ekspor/*/")
        progress = page.get_by_test_id("export-progress")
        expect(progress.locator("[data-field=status]")).to_have_text("Menunggu")
        screenshot("waiting")

        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    # The page polls its status and reloads itself once the job has finished.
    expect(page.get_by_test_id("download-export")).to_be_visible(timeout=15_000)
    expect(progress.locator("[data-field=status]")).to_have_text("Selesai")
    screenshot("done")
    with page.expect_download() as download:
        page.get_by_test_id("download-export").click()
    assert download.value.suggested_filename.startswith("pegawai-")
    with open(download.value.path(), "rb") as handle:
        rows = list(load_workbook(io.BytesIO(handle.read())).active.iter_rows(values_only=True))
    assert sorted(r[0] for r in rows[1:]) == sorted(p.nip for p in staff)

    page.goto(f"{live_server.url}/ekspor/")
    expect(page.get_by_test_id("export-jobs")).to_contain_text("Daftar pegawai (OPD: Dinas Kesehatan)")
