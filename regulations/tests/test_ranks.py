"""The rank ladder and the ijazah bounds (PP 99/2000 Lampiran; PP 99/2000 jo PP 12/2002; domain.md §2)."""

from datetime import date
from itertools import pairwise

import pytest

from regulations.ranks import (
    GOLONGAN,
    RANK_BOUNDS,
    Pendidikan,
    anniversary,
    golongan,
    jabatan,
    max_golongan_reguler,
    next_golongan,
    pendidikan,
    starting_golongan,
)
from regulations.reasons import RuleInputError

# domain.md §2.1 rank table [PP 99/2000 Lampiran; salamedukasi; scribd 341723592; m_gol SQL].
RANK_TABLE = [
    (1, "I/a", "Juru Muda", 11),
    (2, "I/b", "Juru Muda Tingkat I", 12),
    (3, "I/c", "Juru", 13),
    (4, "I/d", "Juru Tingkat I", 14),
    (5, "II/a", "Pengatur Muda", 21),
    (6, "II/b", "Pengatur Muda Tingkat I", 22),
    (7, "II/c", "Pengatur", 23),
    (8, "II/d", "Pengatur Tingkat I", 24),
    (9, "III/a", "Penata Muda", 31),
    (10, "III/b", "Penata Muda Tingkat I", 32),
    (11, "III/c", "Penata", 33),
    (12, "III/d", "Penata Tingkat I", 34),
    (13, "IV/a", "Pembina", 41),
    (14, "IV/b", "Pembina Tingkat I", 42),
    (15, "IV/c", "Pembina Utama Muda", 43),
    (16, "IV/d", "Pembina Utama Madya", 44),
    (17, "IV/e", "Pembina Utama", 45),
]


@pytest.mark.parametrize(("order", "code", "pangkat", "numeric"), RANK_TABLE, ids=[r[1] for r in RANK_TABLE])
def test_each_golongan_has_its_pangkat_order_and_code(order, code, pangkat, numeric):
    g = golongan(code)
    assert (g.order, g.code, g.pangkat, g.numeric) == (order, code, pangkat, numeric)
    assert golongan(numeric) is g
    assert GOLONGAN[order - 1] is g


def test_the_ladder_has_seventeen_ranks_in_order():
    assert len(GOLONGAN) == 17
    assert list(GOLONGAN) == sorted(GOLONGAN)
    assert golongan("II/d") < golongan("III/a") < golongan("IV/e")


@pytest.mark.parametrize("text", ["III/a", "III/A", "iii/a", " III / a "])
def test_golongan_accepts_the_roman_slash_letter_form_in_any_case(text):
    assert golongan(text).code == "III/a"


@pytest.mark.parametrize("text", ["IIIa", "3a", "3/a", "III/f", "V/a", "", "31", 10, 46, True, None])
def test_golongan_rejects_anything_else_with_an_indonesian_message(text):
    with pytest.raises(RuleInputError, match="olongan"):
        golongan(text)


def test_golongan_splits_into_roman_golongan_and_ruang():
    assert (golongan("IV/b").golongan, golongan("IV/b").ruang) == ("IV", "b")


@pytest.mark.parametrize(("current", "following"), [(a[1], b[1]) for a, b in pairwise(RANK_TABLE)])
def test_next_golongan_is_one_step_up(current, following):
    assert next_golongan(current).code == following


def test_there_is_no_golongan_above_iv_e():
    assert next_golongan("IV/e") is None


# domain.md §2.2 [BKDLEB: PP 99/2000 jo PP 12/2002, Kep. Ka BKN 12/2002]; D1 as SLTA, D4 as S1.
BOUNDS_TABLE = [
    ("SD", "I/a", "II/a"),
    ("SLTP", "I/c", "II/c"),  # not I/b: BKDLEB and PP 12/2002 Pasal 18 [KERJAPNS]
    ("SLTP_KEJURUAN", "I/c", "II/d"),
    ("SLTA", "II/a", "III/b"),
    ("D1", "II/a", "III/b"),
    ("D2", "II/b", "III/b"),
    ("SGPLB", "II/b", "III/c"),
    ("D3", "II/c", "III/c"),
    ("S1", "III/a", "III/d"),
    ("D4", "III/a", "III/d"),
    ("S2", "III/b", "IV/a"),
    ("S3", "III/c", "IV/b"),
]


@pytest.mark.parametrize(("level", "start", "ceiling"), BOUNDS_TABLE, ids=[r[0] for r in BOUNDS_TABLE])
def test_each_ijazah_has_its_starting_and_highest_reguler_rank(level, start, ceiling):
    assert starting_golongan(level).code == start
    assert max_golongan_reguler(level).code == ceiling


def test_every_pendidikan_has_rank_bounds():
    assert set(RANK_BOUNDS) == set(Pendidikan)
    assert {r[0] for r in BOUNDS_TABLE} == {p.value for p in Pendidikan}


def test_pendidikan_is_parsed_case_insensitively_and_rejects_unknown_kinds():
    assert pendidikan(" s1 ") is Pendidikan.S1
    with pytest.raises(RuleInputError, match="Pendidikan 'SMA' tidak dikenal"):
        pendidikan("SMA")


@pytest.mark.parametrize(
    ("code", "fungsional", "struktural"),
    [
        ("pelaksana", False, False),
        ("pengawas", False, True),
        ("administrator", False, True),
        ("jpt_pratama", False, True),
        ("jpt_madya", False, True),
        ("jpt_utama", False, True),
        ("jf_keterampilan", True, False),
        ("jf_ahli_pertama", True, False),
        ("jf_ahli_muda", True, False),
        ("jf_ahli_madya", True, False),
        ("jf_ahli_utama", True, False),
        ("guru", True, False),
        ("dosen", True, False),
    ],
)
def test_each_jabatan_is_fungsional_structural_or_pelaksana(code, fungsional, struktural):
    j = jabatan(code)
    assert (j.fungsional, j.struktural) == (fungsional, struktural)


def test_unknown_jabatan_is_rejected():
    with pytest.raises(RuleInputError, match="Jabatan 'eselon_iv' tidak dikenal"):
        jabatan("eselon_iv")


def test_anniversary_of_a_leap_day_stays_in_february():
    assert anniversary(date(1968, 2, 29), 58) == date(2026, 2, 28)
    assert anniversary(date(1968, 2, 29), 56) == date(2024, 2, 29)
    assert anniversary(date(2022, 4, 1), 4) == date(2026, 4, 1)
