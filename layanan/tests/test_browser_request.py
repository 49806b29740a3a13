"""An Izin Belajar request in real Chromium, from the applicant's side: the verdict before
submitting, two uploads and a scan from the employee's file, a saved draft resumed later,
submission, and the timeline at the registration desk."""

import pytest

from core.documents import do_attach_document
from core.models import Document
from layanan.models import Request, Requirement

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_pegawai_drafts_resumes_and_submits_an_izin_belajar_request(
    cast, chain, izin_belajar, pegawai_a_record, login_page, live_server, tmp_path, screenshot
):
    from conftest import PDF_BYTES, make_pdf

    sk = izin_belajar.requirements.get(name="Fotokopi SK pangkat terakhir")
    Requirement.objects.filter(pk=sk.pk).update(from_file_kind=Document.Kind.SK_PANGKAT)
    rank_row = pegawai_a_record.riwayat_golongan.order_by("-tmt").first()
    do_attach_document(
        rank_row, make_pdf("sk-pangkat-iii-c.pdf"), kind=Document.Kind.SK_PANGKAT, actor=cast.admin
    )
    for name in ("surat-permohonan.pdf", "surat-diterima.pdf"):
        (tmp_path / name).write_bytes(PDF_BYTES)

    page = login_page(cast.pegawai_a.username)
    page.wait_for_url("**/")
    page.goto(f"{live_server.url}/layanan/permohonan/")
    page.get_by_text("Ajukan permohonan baru").click()
    page.get_by_role("link", name="Izin Belajar").click()
    assert page.get_by_test_id("eligibility-verdict").inner_text() == "Memenuhi syarat untuk diajukan."
    assert (
        "Surat keterangan diterima dari perguruan tinggi" in page.get_by_test_id("requirements").inner_text()
    )
    screenshot("create")
    page.get_by_role("button", name="Buat draf permohonan").click()
    page.wait_for_load_state()
    number = page.get_by_test_id("request-number").inner_text()

    page.get_by_label("Jenjang pendidikan").select_option(label="S-2")
    page.get_by_role("textbox", name="Program studi").fill("Magister Administrasi Publik")
    page.get_by_role("textbox", name="Perguruan tinggi").fill("Universitas Tanjungpura")
    page.get_by_label("Akreditasi program studi").select_option(label="Unggul")
    page.get_by_role("button", name="Simpan isian").click()
    page.wait_for_load_state()
    assert "Isian disimpan." in page.get_by_role("main").inner_text()

    for requirement, name in (
        ("Surat permohonan izin belajar", "surat-permohonan.pdf"),
        ("Surat keterangan diterima dari perguruan tinggi", "surat-diterima.pdf"),
    ):
        row = page.locator("tr", has_text=requirement).first
        row.get_by_label(f"Berkas untuk {requirement}").set_input_files(str(tmp_path / name))
        row.get_by_role("button", name="Unggah").click()
        page.wait_for_load_state()
        assert name in page.locator("tr", has_text=requirement).first.inner_text()
    page.locator("tr", has_text="Fotokopi SK pangkat terakhir").get_by_role(
        "button", name="Pakai dokumen arsip"
    ).click()
    page.wait_for_load_state()
    assert "sk-pangkat-iii-c.pdf" in page.locator("tr", has_text="Fotokopi SK pangkat terakhir").inner_text()
    assert page.get_by_test_id("request-status").inner_text() == "Draf"

    # Leave, and come back to the draft from the list.
    page.goto(f"{live_server.url}/")
    page.goto(f"{live_server.url}/layanan/permohonan/")
    page.get_by_role("link", name=number).click()
    page.wait_for_load_state()
    assert page.get_by_role("textbox", name="Program studi").input_value() == "Magister Administrasi Publik"
    screenshot("draft")

    page.get_by_role("button", name="Ajukan permohonan").click()
    page.wait_for_load_state()
    assert f"Permohonan {number} diajukan" in page.get_by_role("main").inner_text()
    assert page.get_by_test_id("request-status").inner_text() == "Diproses"
    timeline = page.get_by_test_id("timeline").inner_text()
    assert "Registrasi dan nomor agenda" in timeline and "Petugas Administrasi" in timeline
    assert "sedang di sini" in timeline
    screenshot("submitted")
    assert Request.objects.get(number=number).status == Request.Status.IN_PROCESS
