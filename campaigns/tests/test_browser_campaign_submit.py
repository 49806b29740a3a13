"""A campaign end to end in real Chromium: the Admin creates it for two OPDs with a yes/no, a
number and a file question; the Pegawai submits with a PDF sent by the chunked uploader."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from django.utils import timezone

from campaigns.models import Submission, UploadSession
from core.models import AuditLog, Document
from demo.campaigns import tiny_pdf
from people.tests.factories import make_pegawai

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _local(moment: dt.datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def _big_pdf(size: int) -> bytes:
    # Larger than one 256 KB chunk, so the upload really goes in pieces.
    base = tiny_pdf(["Laporan kinerja 2025", "Rina Marlina"])
    padding = b"%" + b"0" * (size - len(base) - 2) + b"\n"
    return base.replace(b"%%EOF\n", padding + b"%%EOF\n")


def test_the_admin_creates_a_campaign_and_the_pegawai_submits_with_a_pdf(
    cast, login_page, tmp_path, screenshot
):
    make_pegawai(cast.opd_a, nama="Rina Marlina", gender="P", user=cast.pegawai_a)
    report = tmp_path / "laporan-kinerja.pdf"
    data = _big_pdf(600 * 1024)
    report.write_bytes(data)

    page = login_page(cast.admin.username)
    page.wait_for_url("**/")
    page.goto(page.url.rstrip("/") + "/kampanye/baru/")
    page.locator("[name=slug]").fill("laporan-uji")
    page.locator("[name=kind]").select_option("performance_report")
    page.locator("[name=title]").fill("Laporan Kinerja Uji")
    page.locator("[name=period]").fill("PPK/SKP 2025")
    now = timezone.now()
    page.locator("[name=opens_at]").fill(_local(now - dt.timedelta(days=1)))
    page.locator("[name=closes_at]").fill(_local(now + dt.timedelta(days=10)))
    page.get_by_label("Dinas Kesehatan").check()
    page.get_by_label("Dinas Perhubungan").check()
    page.get_by_role("button", name="Buat kampanye").click()
    page.wait_for_url("**/kampanye/laporan-uji/ubah/")

    def add_question(code, label, kind, **extra):
        page.locator("a", has_text="Tambah pertanyaan").click()
        page.locator("[name=code]").fill(code)
        page.locator("[name=label]").fill(label)
        page.locator("[name=kind]").select_option(kind)
        for field, value in extra.items():
            page.locator(f"[name={field}]").fill(value)
        if kind == "file":
            page.get_by_label("PDF", exact=True).check()
        page.get_by_role("button", name="Simpan").click()
        page.wait_for_url("**/kampanye/laporan-uji/ubah/")

    add_question("konfirmasi", "Data saya sudah benar", "yes_no")
    add_question("capaian", "Capaian kinerja (%)", "number", min_value="0", max_value="100")
    add_question("laporan", "Laporan kinerja (PDF)", "file", max_kb="1024")
    page.get_by_role("button", name="Terbitkan").click()
    assert "Kampanye diterbitkan." in page.get_by_role("main").inner_text()
    screenshot("admin")

    page.context.clear_cookies()
    page = login_page(cast.pegawai_a.username)
    page.wait_for_url("**/")
    page.get_by_test_id("open-campaigns").get_by_role("link", name="Laporan Kinerja Uji").click()
    page.wait_for_url("**/kampanye/laporan-uji/isi/")
    page.locator("[data-code=konfirmasi] input[value=ya]").check()
    page.get_by_label("Capaian kinerja (%)").fill("150")
    # The connection drops once, on the second chunk: the uploader asks the server how much
    # arrived and resumes from there.
    dropped = []

    def drop_second_chunk(route):
        if "offset=0" not in route.request.url and not dropped:
            dropped.append(route.request.url)
            route.abort("connectionreset")
        else:
            route.continue_()

    page.route("**/potongan/**", drop_second_chunk)
    page.get_by_label("Laporan kinerja (PDF)").set_input_files(str(report))
    # upload.js marks the field once the server has assembled and checked the file.
    page.wait_for_selector(
        "[data-code=laporan] [data-file-current][data-uploaded]", state="attached", timeout=30_000
    )
    assert dropped, "the second chunk was not cut off"
    page.get_by_role("button", name="Kirim isian").click()
    # The number is out of range: a message on that field, the uploaded file kept.
    assert page.locator("[data-error=capaian]").inner_text() == "Nilai harus antara 0 dan 100."
    page.get_by_label("Capaian kinerja (%)").fill("87,5")
    page.get_by_role("button", name="Kirim isian").click()
    page.wait_for_url("**/kampanye/laporan-uji/isi/")
    assert "Isian terkirim (versi 1)" in page.get_by_role("main").inner_text()
    assert page.get_by_test_id("submission-status").inner_text().startswith("Terkirim")
    screenshot("submitted")
    page.goto(page.url.replace("/kampanye/laporan-uji/isi/", "/kampanye/saya/"))
    assert "Terkirim" in page.locator("[data-campaign=laporan-uji]").inner_text()

    submission = Submission.objects.get()
    assert submission.answers["konfirmasi"] == "ya" and submission.answers["capaian"] == 87.5
    document = Document.objects.get(pk=submission.answers["laporan"])
    assert document.sha256 == hashlib.sha256(data).hexdigest() and document.size == len(data)
    # It came through the chunked path (started, then finished), not the plain form fallback.
    session = UploadSession.objects.get(document=document)
    assert AuditLog.objects.filter(event="kampanye.unggah_dimulai", object_id=str(session.pk)).exists()
