"""Angka kredit per PermenPAN-RB 1/2023 and Perban BKN 3/2023 (domain.md §13)."""

import json
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regulations.cli import main
from regulations.credit_points import (
    AKK_MINIMUM,
    KOEFISIEN,
    AkConfig,
    AkPeriod,
    Jenjang,
    ak_pace,
    akk_kenaikan_jenjang,
    akk_kenaikan_pangkat,
    annual_ak,
    jenjang,
    jenjang_golongan,
    period_ak,
)
from regulations.reasons import RuleInputError
from regulations.skp import Predikat

J, P = Jenjang, Predikat


# % by predikat [AK-BKN], on the confirmed Ahli Pertama coefficient 12.5
@pytest.mark.parametrize(
    ("predikat", "ak"),
    [
        (P.SANGAT_BAIK, Fraction("18.75")),  # 150% — the "max from SKP conversion = 18.75"
        (P.BAIK, Fraction("12.5")),  # 100%
        (P.BUTUH_PERBAIKAN, Fraction("9.375")),  # 75%
        (P.CUKUP, Fraction("9.375")),  # 75%
        (P.KURANG, Fraction("6.25")),  # 50%
        (P.SANGAT_KURANG, Fraction("3.125")),  # 25%
    ],
)
def test_a_full_year_earns_the_predikat_percentage_of_the_coefficient(predikat, ak):
    assert period_ak(AkPeriod(J.AHLI_PERTAMA, predikat)) == ak


# Koefisien per jenjang (Ahli Pertama and Ahli Madya confirmed; others UNCONFIRMED defaults)
@pytest.mark.parametrize(
    ("level", "coefficient"),
    [
        (J.AHLI_PERTAMA, "12.5"),  # AK-BKN
        (J.AHLI_MADYA, "37.5"),  # scribd 707496387: guru madya, Baik 100% → 37.5
        (J.AHLI_MUDA, "25"),
        (J.AHLI_UTAMA, "50"),
        (J.TERAMPIL, "5"),
        (J.MAHIR, "12.5"),
        (J.PENYELIA, "25"),
        (J.PEMULA, "3.75"),
    ],
)
def test_a_full_year_baik_earns_the_jenjang_coefficient(level, coefficient):
    assert period_ak(AkPeriod(level, P.BAIK)) == Fraction(coefficient)
    assert KOEFISIEN[level] == Fraction(coefficient)


def test_two_months_baik_as_ahli_pertama_is_2_08():
    result = annual_ak([AkPeriod(J.AHLI_PERTAMA, P.BAIK, 2)])
    assert result.angka_kredit == Decimal("2.08")
    assert result.exact == Fraction(25, 12)
    assert result.reasons[0].message == "2/12 × 100% (Baik) × 12,5 (Ahli Pertama) = 2,08"


def test_rounding_decimals_are_configurable():
    assert annual_ak([AkPeriod(J.AHLI_PERTAMA, P.BAIK, 2)], AkConfig(decimals=3)).angka_kredit == Decimal(
        "2.083"
    )


def test_an_unconfirmed_coefficient_can_be_overridden():
    config = AkConfig(koefisien={**KOEFISIEN, J.AHLI_MUDA: Fraction(30)})
    assert period_ak(AkPeriod(J.AHLI_MUDA, P.BAIK), config) == 30


def test_a_year_split_by_a_promotion_adds_its_periods():
    result = annual_ak([AkPeriod(J.AHLI_PERTAMA, P.BAIK, 6), AkPeriod(J.AHLI_MUDA, P.BAIK, 6)])
    assert result.exact == Fraction(25, 4) + Fraction(25, 2)


@given(
    st.sampled_from(list(J)),
    st.sampled_from([P.SANGAT_BAIK, P.BAIK, P.BUTUH_PERBAIKAN, P.KURANG, P.SANGAT_KURANG]),
)
def test_twelve_single_months_earn_exactly_one_full_year(level, predikat):
    months = annual_ak([AkPeriod(level, predikat, 1)] * 12)
    assert months.exact == period_ak(AkPeriod(level, predikat, 12))


@pytest.mark.parametrize(
    ("periods", "message"),
    [
        ([AkPeriod(J.AHLI_PERTAMA, P.BURUK)], "tidak dipakai untuk angka kredit"),
        ([AkPeriod(J.AHLI_PERTAMA, P.BAIK, 0)], "1–12"),
        ([AkPeriod(J.AHLI_PERTAMA, P.BAIK, 13)], "1–12"),
        ([AkPeriod(J.AHLI_PERTAMA, P.BAIK, 8), AkPeriod(J.AHLI_MUDA, P.BAIK, 6)], "lebih dari 12"),
        ([], "minimal satu"),
    ],
)
def test_impossible_periods_are_refused(periods, message):
    with pytest.raises(RuleInputError, match=message):
        annual_ak(periods)


def test_jenjang_parses_code_or_label():
    assert jenjang("Ahli Madya") is J.AHLI_MADYA
    with pytest.raises(RuleInputError, match="Pilihan: pemula"):
        jenjang("ahli")


def run(capsys, *argv):
    code = main(list(argv))
    return code, json.loads(capsys.readouterr().out)


def test_cli_angka_kredit_single_period(capsys):
    code, out = run(capsys, "angka-kredit", '{"jenjang": "ahli_pertama", "predikat": "baik", "months": 2}')
    assert (code, out["angka_kredit"], out["periods"][0]["angka_kredit"]) == (0, 2.08, 2.08)


def test_cli_angka_kredit_periods_and_decimals(capsys):
    code, out = run(
        capsys,
        "angka-kredit",
        '{"periods": [{"jenjang": "ahli_pertama", "predikat": "Sangat Baik", "months": 4}, '
        '{"jenjang": "ahli_muda", "predikat": "baik", "months": 8}], "decimals": 3}',
    )
    assert (code, out["angka_kredit"]) == (0, 22.917)  # 6.25 + 16.667


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (
            '{"jenjang": "ahli_pertama", "predikat": "baik", "months": 13}',
            "input.months harus antara 1 dan 12",
        ),
        ('{"jenjang": "ahli_pertama"}', "input.predikat harus teks"),
        ('{"periods": {}}', "periods harus daftar"),
    ],
)
def test_cli_angka_kredit_refuses_bad_input(capsys, payload, message):
    code, out = run(capsys, "angka-kredit", payload)
    assert code == 1
    assert message in out["error"]


# AKK minimum for the next pangkat / next jenjang: PermenPAN-RB 1/2023 Lampiran, as the BKN
# "integrasi/konversi" slide repeats it [scribd 712964724; domain.md §13]. Terampil and Mahir
# were read one row off before (Mahir had Terampil's 20/60, Terampil nothing).
@pytest.mark.parametrize(
    ("level", "kp", "next_jenjang"),
    [
        (J.AHLI_PERTAMA, 50, 100),
        (J.AHLI_MUDA, 100, 200),
        (J.AHLI_MADYA, 150, 450),
        (J.AHLI_UTAMA, 200, None),
        (J.PENYELIA, 100, None),
        (J.MAHIR, 50, 100),
        (J.PEMULA, 15, 15),
        (J.TERAMPIL, 20, 60),
    ],
)
def test_akk_minimum_follows_the_annex(level, kp, next_jenjang):
    assert AKK_MINIMUM[level] == (kp, next_jenjang)
    assert akk_kenaikan_pangkat(level) == kp
    assert akk_kenaikan_jenjang(level) == next_jenjang


# The pangkat range of each jenjang (the JF regulations' jenjang–pangkat table).
@pytest.mark.parametrize(
    ("level", "low", "high"),
    [
        (J.PEMULA, "II/a", "II/a"),
        (J.TERAMPIL, "II/b", "II/d"),
        (J.MAHIR, "III/a", "III/b"),
        (J.PENYELIA, "III/c", "III/d"),
        (J.AHLI_PERTAMA, "III/a", "III/b"),
        (J.AHLI_MUDA, "III/c", "III/d"),
        (J.AHLI_MADYA, "IV/a", "IV/c"),
        (J.AHLI_UTAMA, "IV/d", "IV/e"),
    ],
)
def test_each_jenjang_spans_its_pangkat_range(level, low, high):
    assert tuple(g.code for g in jenjang_golongan(level)) == (low, high)


def test_the_pace_of_predikat_baik_is_years_times_koefisien():
    # Ahli Pertama: 12.5 a year at 100% (PermenPAN-RB 1/2023 [AK-BKN]); 2.5 years → 31.25.
    assert ak_pace(J.AHLI_PERTAMA, Fraction(5, 2)) == Fraction("31.25")
    assert ak_pace(J.AHLI_MADYA, Fraction(-1)) == 0
