"""In real Chromium: a Pegawai opens their IP-ASN score, reads what raises it, records the
training with its certificate, and sees the score rise by exactly the gain promised."""

import pytest
from django.utils import timezone

from conftest import PDF_BYTES
from ipasn.models import Score
from ipasn.scores.actions import do_compute_scores
from people.tests.factories import make_pegawai
from tests.shell import menu_link

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_pegawai_records_a_training_and_the_score_rises_by_the_promised_gain(
    cast, login_page, live_server, tmp_path, screenshot, private_media
):
    year = timezone.localdate().year
    pegawai = make_pegawai(cast.opd_a, nama="Pegawai Dinkes", user=cast.pegawai_a)
    do_compute_scores(year, actor=None)
    before = Score.objects.get(pegawai=pegawai, year=year).total
    (tmp_path / "sertifikat.pdf").write_bytes(PDF_BYTES)

    page = login_page(cast.pegawai_a.username)
    page.wait_for_url("**/")
    menu_link(page, "ipasn:mine").click()
    page.wait_for_load_state()
    actions = page.get_by_test_id("actions").inner_text()
    assert "20 JP pelatihan teknis tahun ini: +22,5" in actions
    assert page.get_by_test_id("total").inner_text() == f"{before:g}"
    screenshot("score")

    page.get_by_test_id("record-training").click()
    page.get_by_label("Jenis pelatihan").select_option(label="Diklat teknis")
    page.get_by_label("Nama pelatihan").fill("Bimbingan Teknis Pengelolaan Arsip")
    page.get_by_label("Tahun").fill(str(year))
    page.get_by_label("Jumlah jam pelajaran (JP)").fill("20")
    page.get_by_label("Sertifikat").set_input_files(str(tmp_path / "sertifikat.pdf"))
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_load_state()

    assert "Pelatihan tercatat" in page.get_by_role("main").inner_text()
    after = float(page.get_by_test_id("total").inner_text().replace(",", "."))
    assert after == before + 22.5
    assert "Bimbingan Teknis Pengelolaan Arsip" in page.get_by_test_id("rows-kompetensi").inner_text()
    assert "pelatihan teknis tahun ini" not in page.get_by_test_id("actions").inner_text()
    screenshot("after")
