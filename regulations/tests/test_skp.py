"""SKP predicates by regime: PP 46/2011, PP 30/2019 Pasal 41, PermenPAN-RB 6/2022 (domain.md §7)."""

import pytest

from regulations.reasons import RuleInputError
from regulations.skp import (
    Predikat,
    Regime,
    SkpConfig,
    at_least_baik,
    parse_predikat,
    predikat_for,
    regime_for,
)

P = Predikat


@pytest.mark.parametrize(
    ("year", "regime"),
    [
        (2014, Regime.PP_46_2011),
        (2019, Regime.PP_46_2011),
        (2020, Regime.PP_30_2019),
        (2021, Regime.PP_30_2019),
        (2022, Regime.PERMENPANRB_6_2022),
        (2026, Regime.PERMENPANRB_6_2022),
    ],
)
def test_regime_is_picked_by_appraisal_year(year, regime):
    assert regime_for(year) is regime


def test_2020_and_2021_appraisals_are_read_on_the_pp_30_2019_scale():
    # PP 30/2019 took effect when promulgated in 2019 and repealed PP 46/2011 [PASAL-PP30;
    # BPHN JDIH abstract], so 2020 is its first full appraisal year; PermenPAN-RB 8/2021
    # implemented it with the same 0–120 score and Pasal 41 bands, and the predikat-only
    # appraisal begins with PermenPAN-RB 6/2022 (domain.md §7.1–§7.3).
    assert predikat_for(2020, score=95) is P.BAIK  # 95 is Sangat Baik on PP 46/2011's scale
    assert predikat_for(2021, score=112, innovation=True) is P.SANGAT_BAIK
    with pytest.raises(RuleInputError):
        predikat_for(2021, predikat="Butuh Perbaikan")
    assert predikat_for(2022, predikat="Butuh Perbaikan") is P.BUTUH_PERBAIKAN


def test_years_before_pp_46_2011_are_refused():
    with pytest.raises(RuleInputError, match="DP3"):
        regime_for(2013)


def test_regime_start_years_are_configurable():
    config = SkpConfig(pp30_from_year=2021, permenpanrb_from_year=2023)
    assert regime_for(2020, config) is Regime.PP_46_2011
    assert regime_for(2022, config) is Regime.PP_30_2019


# PP 46/2011 bands (domain.md §7.1) [SILKA; SIMIP]: both ends of every row.
@pytest.mark.parametrize(
    ("score", "predikat"),
    [
        (100, P.SANGAT_BAIK),  # 91–100 Sangat Baik
        (91, P.SANGAT_BAIK),
        (90, P.BAIK),  # 76–90 Baik
        (76, P.BAIK),
        (75, P.CUKUP),  # 61–75 Cukup
        (61, P.CUKUP),
        (60, P.KURANG),  # 51–60 Kurang
        (51, P.KURANG),
        (50, P.BURUK),  # ≤ 50 Buruk
        (0, P.BURUK),
    ],
)
def test_pp_46_2011_score_gives_its_band(score, predikat):
    assert predikat_for(2018, score=score) is predikat


@pytest.mark.parametrize(
    ("score", "predikat"),
    [
        (90.50, P.BAIK),
        (90.51, P.SANGAT_BAIK),
        (50.50, P.BURUK),
        (50.51, P.KURANG),
        (75.50, P.CUKUP),
        (75.51, P.BAIK),
    ],
)
def test_pp_46_2011_fractions_round_half_down_as_silka_getnilaiskp(score, predikat):
    assert predikat_for(2018, score=score) is predikat


def test_pp_46_2011_fraction_convention_is_configurable():
    strict = SkpConfig(pp46_floors=((90, P.SANGAT_BAIK), (75, P.BAIK), (60, P.CUKUP), (50, P.KURANG)))
    assert predikat_for(2018, score=90.5, config=strict) is P.SANGAT_BAIK


# PP 30/2019 Pasal 41 (domain.md §7.2) [PASAL-PP30; SONORA].
@pytest.mark.parametrize(
    ("score", "innovation", "predikat"),
    [
        (120, True, P.SANGAT_BAIK),  # a. 110 ≤ x ≤ 120 and a new idea/method
        (110, True, P.SANGAT_BAIK),
        (109.99, True, P.BAIK),
        (120, False, P.BAIK),  # b. 90 ≤ x ≤ 120: without the innovation it stays Baik
        (110, False, P.BAIK),
        (90, False, P.BAIK),
        (89.99, False, P.CUKUP),  # c. 70 ≤ x < 90
        (70, False, P.CUKUP),
        (69.99, False, P.KURANG),  # d. 50 ≤ x < 70 (UNCONFIRMED bounds)
        (50, False, P.KURANG),
        (49.99, False, P.SANGAT_KURANG),  # e. x < 50
        (0, True, P.SANGAT_KURANG),
    ],
)
def test_pp_30_2019_score_gives_pasal_41_predikat(score, innovation, predikat):
    assert predikat_for(2020, score=score, innovation=innovation) is predikat


@pytest.mark.parametrize("predikat", [P.SANGAT_BAIK, P.BAIK, P.BUTUH_PERBAIKAN, P.KURANG, P.SANGAT_KURANG])
def test_permenpanrb_6_2022_takes_its_five_predicates(predikat):
    assert predikat_for(2023, predikat=predikat.value) is predikat


@pytest.mark.parametrize(
    ("year", "predikat"), [(2023, "cukup"), (2023, "buruk"), (2018, "butuh_perbaikan"), (2020, "buruk")]
)
def test_a_predikat_from_another_regime_is_refused(year, predikat):
    with pytest.raises(RuleInputError, match="tidak dikenal dalam penilaian"):
        predikat_for(year, predikat=predikat)


def test_a_numeric_score_is_refused_after_2022():
    with pytest.raises(RuleInputError, match="tidak memakai nilai angka"):
        predikat_for(2023, score=85)


@pytest.mark.parametrize(
    ("year", "score"), [(2018, 100.5), (2018, -1), (2020, 121), (2018, "85"), (2018, True)]
)
def test_a_score_outside_the_regime_scale_is_refused(year, score):
    with pytest.raises(RuleInputError, match="harus angka"):
        predikat_for(year, score=score)


@pytest.mark.parametrize("kwargs", [{}, {"score": 80, "predikat": "baik"}])
def test_exactly_one_of_score_and_predikat_is_required(kwargs):
    with pytest.raises(RuleInputError, match="salah satu"):
        predikat_for(2018, **kwargs)


@pytest.mark.parametrize(
    ("text", "predikat"),
    [("Sangat Baik", P.SANGAT_BAIK), ("butuh perbaikan", P.BUTUH_PERBAIKAN), ("Kurang/Misconduct", P.KURANG)],
)
def test_predikat_is_parsed_from_code_or_label(text, predikat):
    assert parse_predikat(text) is predikat


def test_an_unknown_predikat_lists_the_choices():
    with pytest.raises(RuleInputError, match="Pilihan: sangat_baik"):
        parse_predikat("luar biasa")


@pytest.mark.parametrize(
    ("predikat", "ok"),
    [
        (P.SANGAT_BAIK, True),
        (P.BAIK, True),
        (P.CUKUP, False),
        (P.BUTUH_PERBAIKAN, False),
        (P.KURANG, False),
        (P.SANGAT_KURANG, False),
        (P.BURUK, False),
    ],
)
def test_only_baik_and_sangat_baik_are_at_least_baik(predikat, ok):
    assert at_least_baik(predikat) is ok


def test_every_predikat_has_an_indonesian_label():
    assert [p.label for p in P] == [
        "Sangat Baik",
        "Baik",
        "Cukup",
        "Butuh Perbaikan",
        "Kurang",
        "Sangat Kurang",
        "Buruk",
    ]
