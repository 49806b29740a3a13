"""The employee detail: header facts, one tab per history, bounded queries."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from people.models import (
    Eselon,
    JenisJabatan,
    Keluarga,
    RiwayatAngkaKredit,
    RiwayatDiklat,
    RiwayatHukdis,
    RiwayatSkp,
    SertifikatUjian,
)
from people.records.actions import do_add_riwayat, do_update_pegawai
from people.records.rules.profile import TABS, age_on, jabatan_kind, nip_printed
from people.tests.factories import make_pegawai
from regulations.ranks import Jabatan

pytestmark = pytest.mark.django_db
BIRTH = dt.date(1985, 5, 17)


def detail_url(pegawai, tab=None) -> str:
    url = reverse("people:pegawai_detail", args=[pegawai.pk])
    return f"{url}?tab={tab}" if tab else url


@pytest.fixture
def rina(cast):
    pegawai = make_pegawai(
        cast.opd_a,
        nama="Rina Marlina",
        gender="P",
        birth=BIRTH,
        golongan="III/c",
        jabatan="Pengelola Data Kepegawaian",
        gelar_depan="dr.",
        gelar_belakang="M.Kes",
        tempat_lahir="Pontianak",
    )
    do_update_pegawai(pegawai, changes={"unit": cast.opd_a.units.first()}, actor=None)
    return pegawai


def test_the_header_shows_who_the_employee_is(cast, client_for, rina):
    page = client_for(cast.admin).get(detail_url(rina)).content.decode()
    assert "dr. Rina Marlina, M.Kes" in page
    assert nip_printed(rina.nip) in page
    assert f"{rina.nip[:8]} {rina.nip[8:14]} {rina.nip[14]} {rina.nip[15:]}" == nip_printed(rina.nip)
    assert "Dinas Kesehatan · Sekretariat" in page
    assert "III/c" in page
    assert "Pengelola Data Kepegawaian" in page
    assert "Aktif" in page
    assert f"{age_on(BIRTH, timezone.localdate())} tahun" in page
    assert "Pontianak, 17 Mei 1985" in page


def test_the_pension_date_follows_the_bup_of_the_position(cast, client_for, rina):
    # Pelaksana: BUP 58 (PP 11/2017 Pasal 239); 58th birthday 17 May 2043 → TMT 1 June 2043.
    page = client_for(cast.admin).get(detail_url(rina)).content.decode()
    assert "TMT 1 Juni 2043 (batas usia pensiun 58 tahun)" in page


def test_an_active_employee_past_the_pension_tmt_is_flagged_until_the_status_changes(cast, client_for):
    # Pelaksana born 10 March 1967: BUP 58 reached 10 March 2025, TMT 1 April 2025, already past.
    old = make_pegawai(cast.opd_a, nama="Sutrisno", birth=dt.date(1967, 3, 10))
    page = client_for(cast.admin).get(detail_url(old)).content.decode()
    assert "Sudah melewati TMT pensiun (1 April 2025)" in page and "masih Aktif" in page
    do_update_pegawai(old, changes={"status": "pensiun"}, actor=None)
    assert 'data-testid="past-pension"' not in client_for(cast.admin).get(detail_url(old)).content.decode()


def test_usulan_saya_is_offered_on_ones_own_page_only(cast, client_for, rina):
    assert "Usulan saya" not in client_for(cast.admin).get(detail_url(rina)).content.decode()


@pytest.mark.parametrize(
    ("jenis", "extra", "kind"),
    [
        (JenisJabatan.PELAKSANA, {}, Jabatan.PELAKSANA),
        # UU 5/2014 Pasal 131: eselon I.a/I.b JPT madya (a Sekda provinsi, BUP 60), II JPT pratama.
        (JenisJabatan.STRUKTURAL, {"eselon": Eselon.I_B}, Jabatan.JPT_MADYA),
        (JenisJabatan.STRUKTURAL, {"eselon": Eselon.II_A}, Jabatan.JPT_PRATAMA),
        (JenisJabatan.STRUKTURAL, {"eselon": Eselon.III_B}, Jabatan.ADMINISTRATOR),
        (JenisJabatan.STRUKTURAL, {"eselon": Eselon.IV_A}, Jabatan.PENGAWAS),
        (JenisJabatan.STRUKTURAL, {}, None),
        (JenisJabatan.FUNGSIONAL, {"jenjang": "ahli_madya"}, Jabatan.JF_AHLI_MADYA),
        (JenisJabatan.FUNGSIONAL, {"jenjang": "terampil"}, Jabatan.JF_KETERAMPILAN),
        (JenisJabatan.FUNGSIONAL, {"jenjang": "ahli_muda", "jabatan": "Guru Ahli Muda"}, Jabatan.GURU),
        (JenisJabatan.FUNGSIONAL, {}, None),
        ("", {}, None),
    ],
)
def test_the_pension_rule_gets_the_position_kind_from_the_record(cast, rina, jenis, extra, kind):
    do_update_pegawai(rina, changes={"jenis_jabatan": jenis, **extra}, actor=None)
    assert jabatan_kind(rina) == kind


def test_an_unknown_pension_is_said_not_guessed(cast, client_for, rina):
    do_update_pegawai(rina, changes={"jenis_jabatan": JenisJabatan.STRUKTURAL, "eselon": ""}, actor=None)
    page = client_for(cast.admin).get(detail_url(rina)).content.decode()
    assert "Belum dapat dihitung" in page


def test_age_counts_whole_years():
    assert age_on(dt.date(1985, 5, 17), dt.date(2026, 5, 16)) == 40
    assert age_on(dt.date(1985, 5, 17), dt.date(2026, 5, 17)) == 41


def test_a_malformed_nip_is_shown_as_stored():
    assert nip_printed("123") == "123"


def test_there_is_a_tab_for_every_history(cast, client_for, rina):
    response = client_for(cast.admin).get(detail_url(rina))
    labels = [str(t.label) for t in response.context["tabs"]]
    assert labels == [
        "Golongan",
        "Jabatan",
        "Pendidikan",
        "Diklat",
        "SKP",
        "Hukuman disiplin",
        "Angka kredit",
        "Keluarga",
        "Sertifikat ujian",
    ]


def test_the_first_tab_is_golongan_and_marked_current(cast, client_for, rina):
    page = client_for(cast.admin).get(detail_url(rina)).content.decode()
    assert 'href="?tab=golongan#riwayat" aria-current="page"' in page
    assert "III/c – Penata" in page
    assert "Pengangkatan CPNS" in page


@pytest.mark.parametrize("tab", ["diklat", "skp", "hukdis", "angka_kredit", "keluarga", "ujian"])
def test_an_empty_history_says_there_is_no_data_yet(cast, client_for, rina, tab):
    response = client_for(cast.admin).get(detail_url(rina, tab))
    page = response.content.decode()
    assert f'href="?tab={tab}#riwayat" aria-current="page"' in page
    assert "Belum ada data" in page
    assert response.context["table"].headers  # the table keeps its columns


def test_each_history_tab_shows_its_rows(cast, client_for, rina):
    do_add_riwayat(rina, RiwayatSkp, actor=None, tahun=2024, nilai=Decimal("88.50"))
    do_add_riwayat(rina, RiwayatSkp, actor=None, tahun=2025, predikat="Baik")
    do_add_riwayat(
        rina,
        RiwayatDiklat,
        actor=None,
        jenis=RiwayatDiklat.Jenis.TEKNIS,
        nama="Diklat Arsip",
        tahun=2020,
        jam=40,
    )
    do_add_riwayat(
        rina,
        RiwayatHukdis,
        actor=None,
        tingkat=RiwayatHukdis.Tingkat.RINGAN,
        jenis="Teguran lisan",
        tmt=dt.date(2021, 2, 1),
    )
    do_add_riwayat(
        rina,
        RiwayatAngkaKredit,
        actor=None,
        tahun=2023,
        jenjang="ahli_pertama",
        angka_kredit=Decimal("12.5"),
    )
    do_add_riwayat(rina, Keluarga, actor=None, hubungan=Keluarga.Hubungan.ANAK, nama="Sari")
    do_add_riwayat(
        rina,
        SertifikatUjian,
        actor=None,
        jenis=SertifikatUjian.Jenis.UJIAN_DINAS_I,
        tanggal_lulus=dt.date(2015, 9, 1),
    )
    client = client_for(cast.admin)
    expected = {
        "skp": ["2025", "Baik", "2024", "88,50"],
        "diklat": ["Diklat teknis", "Diklat Arsip", "40"],
        "hukdis": ["Ringan", "Teguran lisan", "1 Februari 2021"],
        "angka_kredit": ["Ahli Pertama", "12,500"],
        "keluarga": ["Anak", "Sari", "Ya"],
        "ujian": ["Ujian dinas tingkat I", "1 September 2015"],
        "pendidikan": ["S-1"],
        "jabatan": ["Pengelola Data Kepegawaian", "Pelaksana", "Dinas Kesehatan"],
    }
    for tab, texts in expected.items():
        page = client.get(detail_url(rina, tab)).content.decode()
        assert "Belum ada data" not in page, tab
        for text in texts:
            assert f"<td>{text}</td>" in page, (tab, text)


def test_skp_rows_are_newest_first(cast, client_for, rina):
    for year in (2022, 2024, 2023):
        do_add_riwayat(rina, RiwayatSkp, actor=None, tahun=year, predikat="Baik")
    table = client_for(cast.admin).get(detail_url(rina, "skp")).context["table"]
    assert [row[0] for row in table.rows] == [2024, 2023, 2022]


def test_tab_counts_come_with_the_labels(cast, client_for, rina):
    do_add_riwayat(rina, RiwayatSkp, actor=None, tahun=2025, predikat="Baik")
    tabs = {t.key: t.count for t in client_for(cast.admin).get(detail_url(rina)).context["tabs"]}
    assert tabs["skp"] == 1
    assert tabs["golongan"] == 1
    assert tabs["hukdis"] == 0


@pytest.mark.parametrize("tab", ["", "tidak-ada", "../../etc/passwd", "riwayat_skp"])
def test_an_unknown_tab_shows_the_first_one(cast, client_for, rina, tab):
    response = client_for(cast.admin).get(detail_url(rina), {"tab": tab})
    assert response.status_code == 200
    assert [t.key for t in response.context["tabs"] if t.active] == [TABS[0].key]


def test_an_unknown_employee_is_404(cast, client_for):
    assert client_for(cast.admin).get(reverse("people:pegawai_detail", args=[999999])).status_code == 404


def test_the_detail_refuses_post(cast, client_for, rina):
    assert client_for(cast.admin).post(detail_url(rina)).status_code == 405


@pytest.mark.parametrize("rows", [1, 20])
def test_the_detail_makes_the_same_few_queries_whatever_the_history_length(
    cast, client_for, rina, rows, django_assert_max_num_queries
):
    for i in range(rows):
        do_add_riwayat(rina, RiwayatSkp, actor=None, tahun=2000 + i, predikat="Baik")
        do_add_riwayat(
            rina,
            RiwayatDiklat,
            actor=None,
            jenis=RiwayatDiklat.Jenis.TEKNIS,
            nama=f"Diklat {i}",
            tahun=2000 + i,
        )
        do_add_riwayat(
            rina,
            RiwayatAngkaKredit,
            actor=None,
            tahun=2000 + i,
            jenjang="ahli_muda",
            angka_kredit=Decimal(10),
        )
    client = client_for(cast.operator_a)
    client.get(detail_url(rina))  # warm the session
    for tab in ("golongan", "jabatan", "skp", "diklat", "angka_kredit"):
        # session, user, roles, the Pegawai with its joins, nine histories, the tab's documents;
        # the shell header's instansi and OPD
        with django_assert_max_num_queries(16):
            response = client.get(detail_url(rina, tab))
        assert response.status_code == 200
    assert len(response.context["table"].rows) == rows
