"""The rw-* history files: keyed by pns_id/NIP, upserted by a natural key, idempotent, audited."""

from __future__ import annotations

import datetime as dt
import decimal

import pytest

from core.models import AuditLog
from people.imports.files.tables import do_import_pegawai
from people.models import (
    Pegawai,
    RiwayatAngkaKredit,
    RiwayatDiklat,
    RiwayatGolongan,
    RiwayatHukdis,
    RiwayatJabatan,
    RiwayatPendidikan,
    RiwayatSkp,
)
from people.records.actions import current_state
from people.tests.factories import make_pegawai
from people.tests.siasn_files import write_csv

pytestmark = pytest.mark.django_db


@pytest.fixture
def pegawai(cast):
    return make_pegawai(cast.opd_a, actor=cast.admin, pns_id="PNS-1")


def run(cast, tmp_path, rows, kind=None):
    return do_import_pegawai(write_csv(tmp_path / "rw.csv", rows), actor=cast.admin, kind=kind)


EXAMPLES = {
    "rw-golongan": (
        {
            "golongan_nama": "III/b",
            "tmt_golongan": "01-04-2014",
            "jenis_kp_nama": "Reguler",
            "nomor_sk": "823/1/2014",
            "tanggal_sk": "20-03-2014",
            "mk_tahun": "4",
            "mk_bulan": "1",
        },
        RiwayatGolongan,
        {"mk_tahun": 4, "jenis_kp": "reguler", "nomor_sk": "823/1/2014"},
    ),
    "rw-jabatan": (
        {
            "jenis_jabatan_nama": "Struktural",
            "jabatan_nama": "Kepala Seksi Data",
            "eselon": "IV/a",
            "satuan_kerja_kerja_nama": "Dinas Kesehatan",
            "unor_nama": "Sekretariat",
            "tmt_jabatan": "2018-01-02",
            "nomor_sk": "821/5/2018",
        },
        RiwayatJabatan,
        {"eselon": "IV.a", "nama": "Kepala Seksi Data", "tmt": dt.date(2018, 1, 2)},
    ),
    "rw-pendidikan": (
        {
            "tingkat_pendidikan_nama": "S-2",
            "pendidikan_nama": "Administrasi Publik",
            "nama_sekolah": "Universitas Tanjungpura",
            "tahun_lulus": "2016",
            "izin_belajar": "Ya",
        },
        RiwayatPendidikan,
        {"tingkat": "S2", "izin_belajar": True, "terakreditasi": True},
    ),
    "rw-diklat": (
        {
            "jenis_diklat_nama": "Teknis",
            "nama_diklat": "Pelatihan SIASN",
            "penyelenggara": "BKN",
            "tahun": "2024",
            "jumlah_jam": "32",
        },
        RiwayatDiklat,
        {"jenis": "teknis", "jam": 32},
    ),
    "rw-kursus": (
        {
            "nama_kursus": "Workshop Manajemen Talenta",
            "penyelenggara": "LAN",
            "tahun": "2023",
            "jumlah_jam": "8",
        },
        RiwayatDiklat,
        {"jenis": "seminar", "nama": "Workshop Manajemen Talenta"},
    ),
    "rw-skp": (
        {"tahun": "2021", "nilai_skp": "87,5", "predikat": ""},
        RiwayatSkp,
        {"nilai": decimal.Decimal("87.50"), "predikat": ""},
    ),
    "rw-hukdis": (
        {
            "tingkat_hukuman": "Ringan",
            "jenis_hukuman_nama": "Teguran lisan",
            "tmt_hukuman": "01-02-2022",
            "akhir_hukuman": "",
        },
        RiwayatHukdis,
        {"tingkat": "ringan", "tmt_selesai": None},
    ),
    "rw-angkakredit": (
        {"tahun": "2023", "jenjang": "Ahli Muda", "angka_kredit": "12,5", "kumulatif": "212.75"},
        RiwayatAngkaKredit,
        {
            "jenjang": "ahli_muda",
            "angka_kredit": decimal.Decimal("12.500"),
            "kumulatif": decimal.Decimal("212.750"),
        },
    ),
}


@pytest.mark.parametrize("kind", sorted(EXAMPLES))
def test_each_history_kind_is_detected_imported_audited_and_idempotent(kind, cast, tmp_path, pegawai):
    values, model, expected = EXAMPLES[kind]
    rows = [{"pns_id": "PNS-1", "nip_baru": pegawai.nip, **values}]
    before_rows = model.objects.filter(pegawai=pegawai).count()
    result = run(cast, tmp_path, rows)
    assert result.kind == kind
    assert result.summary == "imported 1, updated 0, unchanged 0, rejected 0", result.rejections
    row = model.objects.filter(pegawai=pegawai).order_by("-pk").first()
    assert {name: getattr(row, name) for name in expected} == expected
    assert model.objects.filter(pegawai=pegawai).count() == before_rows + 1
    log = AuditLog.objects.get(event="pegawai.riwayat_diimpor")
    assert log.actor == cast.admin and log.object_id == str(pegawai.pk)
    pegawai.refresh_from_db()
    state = current_state(pegawai)
    assert {name: getattr(pegawai, name) for name in state} == state

    audit = AuditLog.objects.count()
    again = run(cast, tmp_path, rows)
    assert again.summary == "imported 0, updated 0, unchanged 1, rejected 0"
    assert AuditLog.objects.count() == audit


def test_a_history_row_with_the_same_key_is_updated(cast, tmp_path, pegawai):
    rows = [{"nip_baru": pegawai.nip, "tahun": "2021", "nilai_skp": "80", "predikat": ""}]
    run(cast, tmp_path, rows)
    rows[0]["nilai_skp"] = "85"
    result = run(cast, tmp_path, rows)
    assert result.summary == "imported 0, updated 1, unchanged 0, rejected 0"
    assert RiwayatSkp.objects.get(pegawai=pegawai).nilai == 85
    log = AuditLog.objects.filter(event="pegawai.riwayat_diimpor").latest("id")
    assert log.before == {"riwayatskp": [{"nilai": "80.00"}]}
    assert log.after == {"riwayatskp": [{"nilai": "85.00"}]}


def test_a_new_rank_in_rw_golongan_moves_the_current_rank(cast, tmp_path, pegawai):
    rows = [{"nip_baru": pegawai.nip, "golongan_nama": "III/b", "tmt_golongan": "01-04-2014"}]
    run(cast, tmp_path, rows)
    pegawai.refresh_from_db()
    assert (pegawai.golongan.code, pegawai.tmt_golongan) == ("III/b", dt.date(2014, 4, 1))
    log = AuditLog.objects.get(event="pegawai.riwayat_diimpor")
    assert log.after["tmt_golongan"] == "2014-04-01"


def test_history_of_an_unknown_employee_is_rejected(cast, tmp_path, pegawai):
    rows = [{"nip_baru": "199001012015031001", "tahun": "2021", "nilai_skp": "80"}]
    result = run(cast, tmp_path, rows)
    assert (
        result.rejections[0].reason
        == "Pegawai dengan NIP ini belum ada di Pelita; impor Data ASN lebih dulu."
    )


def test_bad_history_cells_are_rejected_with_reasons(cast, tmp_path, pegawai):
    rows = [
        {
            "nip_baru": pegawai.nip,
            "tingkat_hukuman": "Sedang",
            "jenis_hukuman_nama": "Penundaan KGB",
            "tmt_hukuman": "01-02-2022",
            "akhir_hukuman": "01-01-2022",
        },
        {
            "nip_baru": pegawai.nip,
            "tingkat_hukuman": "Fatal",
            "jenis_hukuman_nama": "X",
            "tmt_hukuman": "01-02-2022",
            "akhir_hukuman": "",
        },
    ]
    result = run(cast, tmp_path, rows)
    reasons = {(r.line, r.column): r.reason for r in result.rejections}
    assert reasons[(2, "akhir_hukuman")] == "Tanggal selesai tidak boleh sebelum TMT."
    assert reasons[(3, "tingkat_hukuman")] == "Nilai 'Fatal' tidak dikenal; pilihan: Ringan, Sedang, Berat."
    assert RiwayatHukdis.objects.count() == 0


def test_the_same_history_row_twice_in_a_file_is_rejected_the_second_time(cast, tmp_path, pegawai):
    row = {"nip_baru": pegawai.nip, "tahun": "2021", "nilai_skp": "80", "predikat": ""}
    result = run(cast, tmp_path, [row, {**row, "nilai_skp": "90"}])
    assert result.summary == "imported 1, updated 0, unchanged 0, rejected 1"
    assert result.rejections[0].reason == "Riwayat yang sama sudah ada di baris 2 pada berkas ini."


def test_skp_needs_a_score_or_a_predikat(cast, tmp_path, pegawai):
    result = run(
        cast, tmp_path, [{"nip_baru": pegawai.nip, "tahun": "2023", "nilai_skp": "", "predikat": ""}]
    )
    assert result.rejections[0].reason == "Isi nilai_skp atau predikat."
    result = run(
        cast,
        tmp_path,
        [{"nip_baru": pegawai.nip, "tahun": "2023", "nilai_skp": "", "predikat": "Sangat Baik"}],
    )
    assert RiwayatSkp.objects.get(pegawai=pegawai).predikat == "sangat_baik"


def test_a_history_file_never_creates_employees(cast, tmp_path, pegawai):
    run(cast, tmp_path, [{"nip_baru": "199001012015031001", "tahun": "2021", "nilai_skp": "80"}])
    assert Pegawai.objects.count() == 1
