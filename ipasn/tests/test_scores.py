"""Stored scores from master data, against the point tables of docs/regulations.md (IP-ASN):
every dimension and band edge through do_compute_scores, the path the screens read."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.models import AuditLog
from ipasn.models import Score
from ipasn.scores.actions import do_compute_scores
from ipasn.tests.builders import YEAR, employee, hukdis, skp, training
from people.models import JenisJabatan, RiwayatDiklat

pytestmark = pytest.mark.django_db
J = RiwayatDiklat.Jenis


def stored(pegawai, year=YEAR) -> Score:
    do_compute_scores(year, actor=None)
    return Score.objects.get(pegawai=pegawai, year=year)


# Kualifikasi: S-3 25, S-2 20, S-1/D-IV 15, D-III 10, SLTA/D-I/D-II 5, below SLTA 1.
@pytest.mark.parametrize(
    ("pendidikan", "points"),
    [
        ("S3", 25),
        ("S2", 20),
        ("S1", 15),
        ("D4", 15),
        ("D3", 10),
        ("D2", 5),
        ("D1", 5),
        ("SLTA", 5),
        ("SLTP", 1),
        ("SD", 1),
    ],
)
def test_kualifikasi_from_the_education_history(cast, pendidikan, points):
    p = employee(cast.opd_a, pendidikan=pendidikan)
    score = stored(p)
    assert score.kualifikasi == points
    assert score.inputs["education_row"]["tingkat"] == pendidikan


# Kompetensi: the table per position; teknis ≥ 20 JP in the measurement year.
@pytest.mark.parametrize(
    ("jenis_jabatan", "eselon", "rows", "points"),
    [
        (JenisJabatan.PELAKSANA, "", [(J.TEKNIS, YEAR, 20)], 22.5),
        (JenisJabatan.PELAKSANA, "", [(J.TEKNIS, YEAR, 19)], 0),
        (JenisJabatan.PELAKSANA, "", [(J.TEKNIS, YEAR, 12), (J.TEKNIS, YEAR, 8)], 22.5),
        (JenisJabatan.PELAKSANA, "", [(J.TEKNIS, YEAR - 1, 40)], 0),
        (JenisJabatan.PELAKSANA, "", [(J.SEMINAR, YEAR - 1, 0)], 17.5),
        (JenisJabatan.PELAKSANA, "", [(J.SEMINAR, YEAR - 2, 0)], 0),
        (
            JenisJabatan.FUNGSIONAL,
            "",
            [(J.FUNGSIONAL, 2015, 40), (J.TEKNIS, YEAR, 20), (J.SEMINAR, YEAR, 0)],
            40,
        ),
        (JenisJabatan.FUNGSIONAL, "", [(J.TEKNIS, YEAR - 1, 20)], 0),
        (JenisJabatan.STRUKTURAL, "IV.a", [(J.KEPEMIMPINAN, 2018, 0)], 15),
        (
            JenisJabatan.STRUKTURAL,
            "III.a",
            [(J.KEPEMIMPINAN, 2018, 0)],
            0,
        ),  # PIM IV under an administrator post
    ],
)
def test_kompetensi_from_the_training_history(cast, jenis_jabatan, eselon, rows, points):
    p = employee(cast.opd_a, jenis_jabatan=jenis_jabatan, eselon=eselon)
    for jenis, tahun, jam in rows:
        training(
            p,
            jenis,
            tahun=tahun,
            jam=jam,
            nama="Diklatpim Tingkat IV" if jenis == J.KEPEMIMPINAN else "Bimtek",
        )
    assert stored(p).kompetensi == points


# Kinerja: the previous year's SKP; > 90 → 30, > 75 → 25, > 60 → 15, > 50 → 5, else 1; none → 0.
@pytest.mark.parametrize(
    ("tahun", "nilai", "predikat", "points"),
    [
        (2019, "90.01", "", 30),
        (2019, "90", "", 25),
        (2019, "75.01", "", 25),
        (2019, "75", "", 15),
        (2019, "60", "", 5),
        (2019, "50", "", 1),
        (2025, None, "sangat_baik", 30),
        (2025, None, "baik", 25),
        (2025, None, "butuh_perbaikan", 15),
        (2025, None, "kurang", 5),
        (2025, None, "sangat_kurang", 1),
        (2024, None, "baik", 0),  # not the previous year
    ],
)
def test_kinerja_from_the_previous_years_skp(cast, tahun, nilai, predikat, points):
    p = employee(cast.opd_a)
    skp(p, tahun=tahun, nilai=None if nilai is None else Decimal(nilai), predikat=predikat)
    year = tahun + 1 if tahun == 2019 else YEAR
    assert stored(p, year).kinerja == points


# Disiplin: worst level in the measurement year and the 4 before it: none 5, ringan 3, sedang 2, berat 1.
@pytest.mark.parametrize(
    ("rows", "points"),
    [
        ([], 5),
        ([("ringan", YEAR)], 3),
        ([("sedang", YEAR - 4)], 2),
        ([("berat", YEAR - 5)], 5),
        ([("ringan", YEAR), ("berat", YEAR - 1)], 1),
    ],
)
def test_disiplin_from_penalties_in_the_window(cast, rows, points):
    p = employee(cast.opd_a)
    for tingkat, year in rows:
        hukdis(p, tingkat, year=year)
    assert stored(p).disiplin == points


# Kategori: > 90 Sangat Tinggi, > 80 Tinggi, > 70 Sedang, > 60 Rendah, else Sangat Rendah.
@pytest.mark.parametrize(
    ("pendidikan", "predikat", "teknis", "seminar", "total", "kategori"),
    [
        ("S1", "baik", True, False, 15 + 22.5 + 25 + 5, "rendah"),  # 67.5
        ("S1", "sangat_baik", True, True, 15 + 40 + 30 + 5, "tinggi"),  # 90: not above 90
        ("S2", "sangat_baik", True, True, 95, "sangat_tinggi"),
        ("D3", "baik", False, False, 10 + 25 + 5, "sangat_rendah"),
    ],
)
def test_kategori_bands(cast, pendidikan, predikat, teknis, seminar, total, kategori):
    p = employee(cast.opd_a, pendidikan=pendidikan)
    skp(p, predikat=predikat)
    if teknis:
        training(p, J.TEKNIS, jam=20)
    if seminar:
        training(p, J.SEMINAR)
    score = stored(p)
    assert (score.total, score.kategori) == (total, kategori)


def test_a_whole_run_is_one_audit_row_and_a_rerun_changes_nothing(cast):
    employee(cast.opd_a)
    employee(cast.opd_b)
    first = do_compute_scores(YEAR, actor=cast.admin)
    assert first == {"tahun": YEAR, "dinilai": 2, "berubah": 2, "dihapus": 0}
    again = do_compute_scores(YEAR, actor=cast.admin)
    assert again["berubah"] == 0
    assert AuditLog.objects.filter(event="ipasn.dihitung").count() == 2


def test_the_profile_scored_is_the_one_the_stored_inputs_give_back(cast):
    """The compute builds each profile in the same pass as its inputs; the explanation page
    rebuilds it from the stored inputs: both must be the same profile."""
    from ipasn.scores.queries import read_inputs
    from ipasn.scores.rules import Memo, inputs_of, profile_from_inputs

    p = employee(cast.opd_a, jenis_jabatan=JenisJabatan.STRUKTURAL, eselon="IV.a")
    training(p, J.KEPEMIMPINAN, tahun=2018, nama="Diklatpim Tingkat IV")
    training(p, J.TEKNIS, jam=12)
    training(p, J.SEMINAR, tahun=YEAR - 1)
    skp(p, predikat="baik")
    hukdis(p, "ringan", year=YEAR - 2)
    q = employee(cast.opd_b, pendidikan="SLTA")
    data = read_inputs(YEAR)
    memo, seen = Memo(), 0
    for pid, _opd, level, jenis_jabatan, eselon, jabatan in data["people"]:
        if pid not in (p.pk, q.pk):
            continue
        inputs, profile = inputs_of(
            year=YEAR,
            pendidikan=level,
            pendidikan_row=data["pendidikan"].get(pid, {}).get(level),
            jenis_jabatan=jenis_jabatan,
            eselon=eselon,
            jabatan=jabatan,
            diklat=data["diklat"].get(pid, ()),
            skp=data["skp"].get(pid),
            hukdis=data["hukdis"].get(pid, ()),
            memo=memo,
        )
        assert profile == profile_from_inputs(inputs)
        seen += 1
    assert seen == 2
    assert stored(p).kompetensi == 15 + 10
