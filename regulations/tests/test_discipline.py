"""Hukuman disiplin levels: PP 94/2021 Pasal 8 and PP 53/2010 Pasal 7 (domain.md §8)."""

from datetime import date

import pytest

from regulations.discipline import (
    KINDS,
    DisciplineRegime,
    Level,
    hukuman,
    level_of,
    parse_level,
    regime_on,
)
from regulations.reasons import RuleInputError

PP94, PP53 = DisciplineRegime.PP_94_2021, DisciplineRegime.PP_53_2010
R, S, B = Level.RINGAN, Level.SEDANG, Level.BERAT

ROWS = [
    # PP 94/2021 Pasal 8 [PP94]
    (PP94, "teguran_lisan", R),  # ayat (2) a
    (PP94, "teguran_tertulis", R),  # ayat (2) b
    (PP94, "pernyataan_tidak_puas", R),  # ayat (2) c
    (PP94, "potong_tukin_25_6_bulan", S),  # ayat (3) a
    (PP94, "potong_tukin_25_9_bulan", S),  # ayat (3) b
    (PP94, "potong_tukin_25_12_bulan", S),  # ayat (3) c
    (PP94, "penurunan_jabatan_12_bulan", B),  # ayat (4) a
    (PP94, "pembebasan_jabatan_ke_pelaksana_12_bulan", B),  # ayat (4) b
    (PP94, "pdhtaps", B),  # ayat (4) c
    # PP 53/2010 (legacy records)
    (PP53, "teguran_lisan", R),
    (PP53, "teguran_tertulis", R),
    (PP53, "pernyataan_tidak_puas", R),
    (PP53, "penundaan_kgb_1_tahun", S),
    (PP53, "penundaan_kp_1_tahun", S),
    (PP53, "penurunan_pangkat_1_tahun", S),
    (PP53, "penurunan_pangkat_3_tahun", B),
    (PP53, "pemindahan_penurunan_jabatan", B),
    (PP53, "pembebasan_jabatan", B),
    (PP53, "pdhtaps", B),
    (PP53, "ptdh", B),
]


@pytest.mark.parametrize(("regime", "kind", "level"), ROWS, ids=[f"{r.value}-{k}" for r, k, _ in ROWS])
def test_each_kind_has_its_level(regime, kind, level):
    assert level_of(kind, regime) is level
    assert level_of(kind, regime.value) is level


def test_the_tables_hold_exactly_the_rows_of_the_regulations():
    assert {(r, k) for r, k, _ in ROWS} == {(r, k) for r in KINDS for k in KINDS[r]}


def test_a_kind_is_found_without_naming_the_regime():
    assert level_of("ptdh") is B
    assert level_of("potong_tukin_25_9_bulan") is S


def test_a_kind_of_the_other_regime_is_refused():
    with pytest.raises(RuleInputError, match="tidak dikenal"):
        level_of("ptdh", PP94)


@pytest.mark.parametrize("call", [lambda: level_of("dipecat"), lambda: level_of("ptdh", "pp_10_1979")])
def test_unknown_kind_or_regime_is_refused(call):
    with pytest.raises(RuleInputError):
        call()


def test_each_kind_carries_its_legal_source_and_label():
    h = hukuman("potong_tukin_25_12_bulan")
    assert h.source == "PP 94/2021 Pasal 8 ayat (3) huruf c [PP94]"
    assert "12 bulan" in h.label


@pytest.mark.parametrize(
    ("day", "regime"), [(date(2021, 8, 30), PP53), (date(2021, 8, 31), PP94), (date(2025, 1, 1), PP94)]
)
def test_regime_is_picked_by_decision_date(day, regime):
    assert regime_on(day) is regime


def test_levels_are_ordered_by_severity():
    assert R.severity < S.severity < B.severity


def test_level_parses_from_its_code_and_refuses_others():
    assert parse_level("sedang") is S
    with pytest.raises(RuleInputError, match="ringan, sedang, berat"):
        parse_level("parah")
