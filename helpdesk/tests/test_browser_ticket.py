"""The helpdesk in real Chromium: an anonymous applicant files "NIK/KK tidak ditemukan" with a
150 KB JPG and gets a number, an operator claims it and answers with a canned answer, the
applicant reads the answer on the status page and replies, and the ticket reopens."""

from __future__ import annotations

import pytest
from captcha.models import CaptchaStore

from helpdesk.models import Ticket
from helpdesk.tests.builders import KK, NIK, PASSWORD, jpg, make_operator, seed

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def solve_captcha(page) -> None:
    """Read the picture's answer from its row, as a person reads the picture."""
    key = page.locator("input[name='captcha_0']").input_value()
    page.get_by_label("Kode pada gambar").fill(CaptchaStore.objects.get(hashkey=key).response)


def test_an_applicant_files_a_ticket_an_operator_answers_and_a_reply_reopens_it(
    cast, live_server, page, browser, tmp_path, screenshot
):
    seed()
    make_operator("petugas.hd", "Bayu Pratama")
    scan = tmp_path / "ktp.jpg"
    scan.write_bytes(jpg(150).read())

    # The applicant, not logged in.
    page.goto(f"{live_server.url}/bantuan/")
    page.get_by_role("link", name="NIK/KK tidak ditemukan").click()
    page.get_by_label("Nama lengkap").fill("Siti Rahmawati")
    page.get_by_label("E-mail").fill("siti@example.org")
    page.get_by_label("Nomor Induk Kependudukan (NIK)").fill(NIK)
    page.get_by_label("Nama (sesuai KTP)").fill("SITI RAHMAWATI")
    page.get_by_label("Tempat lahir (sesuai KTP)").fill("Pontianak")
    page.get_by_label("Tanggal lahir (sesuai KTP)").fill("1999-08-15")
    page.get_by_label("Nomor Kartu Keluarga (KK)").fill(KK)
    page.get_by_label("Pertanyaan").fill("NIK dan KK saya tidak ditemukan saat registrasi.")
    assert page.get_by_test_id("question-counter").inner_text().startswith("48 / 250")
    page.get_by_test_id("faq-suggestions").get_by_role("link").first.wait_for()
    assert "NIK atau nomor KK" in page.get_by_test_id("faq-suggestions").inner_text()
    page.get_by_label("Pindaian KTP").set_input_files(str(scan))
    solve_captcha(page)
    screenshot("form")
    page.get_by_role("button", name="Kirim").click()
    number = page.get_by_test_id("ticket-number").inner_text()
    assert Ticket.objects.get().number == number

    # The operator, in a browser of their own.
    context = browser.new_context(locale="id-ID", timezone_id="Asia/Jakarta")
    desk = context.new_page()
    desk.goto(f"{live_server.url}/akun/masuk/")
    desk.get_by_label("Nama pengguna").fill("petugas.hd")
    desk.get_by_label("Kata sandi").fill(PASSWORD)
    desk.get_by_role("button", name="Masuk").click()
    desk.wait_for_url("**/")
    desk.goto(f"{live_server.url}/bantuan/antrian/")
    desk.get_by_role("link", name=number).click()
    assert "ktp.jpg" in desk.get_by_role("main").inner_text()
    desk.get_by_test_id("claim").click()
    assert desk.get_by_test_id("ticket-assignee").inner_text() == "Bayu Pratama"
    desk.get_by_label("Jawaban siap pakai").select_option(label="NIK/KK: perbarui data di Dukcapil")
    assert "Yth. Siti Rahmawati" in desk.get_by_label("Jawaban untuk pemohon").input_value()
    desk.get_by_test_id("send-answer").click()
    assert desk.get_by_test_id("ticket-status").inner_text() == "Dijawab"
    context.close()

    # The applicant reads the answer and replies.
    page.get_by_role("button", name="Cek status tiket").click()
    page.get_by_label("Nomor tiket").fill(number.lower())
    page.get_by_label("E-mail yang dipakai saat mengirim").fill("siti@example.org")
    page.get_by_role("button", name="Lihat status").click()
    assert page.get_by_test_id("status-state").inner_text() == "Dijawab"
    assert (
        "Dinas Kependudukan dan Pencatatan Sipil"
        in page.get_by_test_id("status-message-jawaban").inner_text()
    )
    page.get_by_label("Balasan Anda").fill("Sudah saya perbarui di Dukcapil, tetapi masih tidak ditemukan.")
    solve_captcha(page)
    screenshot("status")
    page.get_by_role("button", name="Kirim balasan").click()
    assert page.get_by_test_id("reply-sent").is_visible()
    assert page.get_by_test_id("status-state").inner_text() == "Diproses"
    ticket = Ticket.objects.get()
    assert ticket.status == Ticket.Status.IN_PROGRESS and ticket.reopened == 1


def test_the_ticket_form_fits_a_phone(cast, live_server, page, screenshot):
    seed()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/bantuan/tanya/nik-kk-tidak-ditemukan/")
    screenshot("phone")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
