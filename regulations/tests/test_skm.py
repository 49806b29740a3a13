"""SKM/IKM per PermenPAN-RB 14/2017 and the Krejcie–Morgan sample size (domain.md §9)."""

import json
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regulations.cli import main
from regulations.reasons import RuleInputError
from regulations.skm import (
    MUTU,
    UNSUR,
    SkmConfig,
    SkmInput,
    Weighting,
    ikm,
    krejcie_morgan,
    mutu_for,
    totals_from_responses,
)

# GASPUL's real data: 29 respondents, totals per unsur [GASPUL]
GASPUL = SkmInput((105, 101, 100, 116, 102, 105, 106, 105, 115), 29)


def test_nine_unsur_in_gaspul_order():
    assert len(UNSUR) == 9
    assert UNSUR[7] == "Sarana dan Prasarana"
    assert UNSUR[8].startswith("Penanganan Pengaduan")


def test_nrr_is_each_unsur_total_over_respondents():
    assert ikm(GASPUL).nrr[0] == Fraction(105, 29)
    assert [round(float(v), 2) for v in ikm(GASPUL).nrr] == [
        3.62,
        3.48,
        3.45,
        4.0,
        3.52,
        3.62,
        3.66,
        3.62,
        3.97,
    ]


def test_gaspul_example_with_the_printed_0_11_weight_converts_to_90_56():
    result = ikm(GASPUL)
    assert round(float(result.ikm), 4) == 3.6224
    assert result.converted == Decimal("90.56")
    assert (result.mutu.grade, result.mutu.kinerja) == ("A", "Sangat Baik")


def test_gaspul_example_with_exact_one_ninth_weight_converts_to_91_48():
    assert ikm(GASPUL, SkmConfig(weighting=Weighting.EXACT)).converted == Decimal("91.48")


# Interval → mutu table [TEGAL; GASPUL]: both ends of every band
@pytest.mark.parametrize(
    ("converted", "grade", "kinerja"),
    [
        ("100.00", "A", "Sangat Baik"),
        ("88.31", "A", "Sangat Baik"),
        ("88.30", "B", "Baik"),
        ("76.61", "B", "Baik"),
        ("76.60", "C", "Kurang Baik"),
        ("65.00", "C", "Kurang Baik"),
        ("64.99", "D", "Tidak Baik"),
        ("25.00", "D", "Tidak Baik"),
    ],
)
def test_mutu_band_of_a_converted_ikm(converted, grade, kinerja):
    mutu = mutu_for(converted)
    assert (mutu.grade, mutu.kinerja) == (grade, kinerja)


def test_the_interval_bounds_on_the_1_to_4_scale_are_kept_with_the_table():
    assert [(m.grade, str(m.min_interval)) for m in MUTU] == [
        ("A", "3.5324"),
        ("B", "3.0644"),
        ("C", "2.60"),
        ("D", "1.00"),
    ]


EXACT = SkmConfig(weighting=Weighting.EXACT)


def test_survey_converting_to_88_30_is_mutu_b():
    # 250 respondents, 883 per unsur: 7947 / 2250 × 25 = 88.30 exactly
    result = ikm(SkmInput((883,) * 9, 250), EXACT)
    assert (result.converted, result.mutu.grade) == (Decimal("88.30"), "B")


def test_survey_converting_to_88_31_is_mutu_a():
    # 2500 respondents, 8831 per unsur: 79479 / 22500 × 25 = 88.31 exactly
    result = ikm(SkmInput((8831,) * 9, 2500), EXACT)
    assert (result.converted, result.mutu.grade) == (Decimal("88.31"), "A")


def test_converted_ikm_rounds_half_up_before_the_band_is_read():
    # 10000 respondents, 35322 per unsur: exactly 88.305 → 88.31 → A
    result = ikm(SkmInput((35322,) * 9, 10_000), EXACT)
    assert (result.converted, result.mutu.grade) == (Decimal("88.31"), "A")


def test_raw_answers_are_summed_per_unsur():
    survey = totals_from_responses([[4] * 9, [3] * 9, [1, 2, 3, 4, 1, 2, 3, 4, 1]])
    assert survey == SkmInput((8, 9, 10, 11, 8, 9, 10, 11, 8), 3)


@pytest.mark.parametrize(
    ("survey", "message"),
    [
        (SkmInput((100,) * 8, 29), "9 angka"),
        (SkmInput((117,) * 9, 29), "antara 29 dan 116"),
        (SkmInput((28,) * 9, 29), "antara 29 dan 116"),
        (SkmInput((1,) * 9, 0), "minimal 1"),
    ],
)
def test_impossible_surveys_are_refused(survey, message):
    with pytest.raises(RuleInputError, match=message):
        ikm(survey)


def test_an_answer_outside_1_to_4_is_refused():
    with pytest.raises(RuleInputError, match=r"responses\[0\]\[2\] harus antara 1 dan 4"):
        totals_from_responses([[4, 4, 5, 4, 4, 4, 4, 4, 4]])


surveys = st.integers(1, 500).flatmap(
    lambda n: st.tuples(st.lists(st.integers(n, 4 * n), min_size=9, max_size=9).map(tuple), st.just(n))
)


@given(surveys)
def test_exact_ikm_is_the_mean_answer_and_converts_into_25_to_100(data):
    totals, n = data
    result = ikm(SkmInput(totals, n), EXACT)
    assert result.ikm == Fraction(sum(totals), 9 * n)
    assert Decimal(25) <= result.converted <= Decimal(100)


@given(surveys)
def test_the_0_11_weight_is_0_99_of_the_exact_ikm(data):
    totals, n = data
    survey = SkmInput(totals, n)
    assert ikm(survey).ikm == ikm(survey, EXACT).ikm * Fraction(99, 100)


# Krejcie–Morgan table [KM]
@pytest.mark.parametrize(
    ("population", "sample"),
    [
        (10, 10),
        (15, 14),
        (20, 19),
        (50, 44),
        (100, 80),
        (220, 140),
        (300, 169),
        (1_000, 278),
        (1_200, 291),
        (2_000, 322),
        (10_000, 370),
        (100_000, 383),
        (1_000_000, 384),
    ],
)
def test_krejcie_morgan_sample_size_matches_the_table(population, sample):
    assert krejcie_morgan(population) == sample


@given(st.integers(1, 10**7))
def test_sample_never_exceeds_population_nor_384(population):
    assert 1 <= krejcie_morgan(population) <= min(population, 384)


def test_population_below_one_is_refused():
    with pytest.raises(RuleInputError, match="minimal 1"):
        krejcie_morgan(0)


# CLI
def run(capsys, *argv):
    code = main(list(argv))
    return code, json.loads(capsys.readouterr().out)


def test_cli_ikm_reports_nrr_ikm_converted_and_mutu(capsys):
    code, out = run(
        capsys,
        "ikm",
        '{"unsur_totals": [105, 101, 100, 116, 102, 105, 106, 105, 115], "respondents": 29, "weighting": "0.11"}',
    )
    assert code == 0
    assert (out["ikm"], out["converted"], out["mutu"], out["kinerja"]) == (3.6224, 90.56, "A", "Sangat Baik")
    assert out["nrr"][0] == 3.6207


def test_cli_ikm_takes_raw_responses_and_exact_weighting(capsys):
    code, out = run(
        capsys, "ikm", '{"responses": [[4,4,4,4,4,4,4,4,4], [3,3,3,3,3,3,3,3,3]], "weighting": "exact"}'
    )
    assert (code, out["respondents"], out["converted"], out["mutu"]) == (0, 2, 87.5, "B")


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ('{"unsur_totals": [1,2,3], "respondents": 1}', "9 angka"),
        (
            '{"unsur_totals": [105,101,100,116,102,105,106,105,115], "respondents": 29, "weighting": "0.1"}',
            "weighting",
        ),
        ('{"unsur_totals": [105,101,100,116,102,105,106,105,115]}', "respondents harus bilangan bulat"),
    ],
)
def test_cli_ikm_refuses_bad_input(capsys, payload, message):
    code, out = run(capsys, "ikm", payload)
    assert code == 1
    assert message in out["error"]


def test_cli_sample_size(capsys):
    assert run(capsys, "sample-size", "1000") == (0, {"population": 1000, "sample": 278})


@pytest.mark.parametrize(
    ("argv", "message"), [(["seribu"], "bilangan bulat"), ([], "tepat satu"), (["0"], "minimal 1")]
)
def test_cli_sample_size_refuses_bad_input(capsys, argv, message):
    code, out = run(capsys, "sample-size", *argv)
    assert code == 1
    assert message in out["error"]
