"""The coaching flags of one official and the score of an OPD (jafung/scoring.py), pure."""

from datetime import date
from decimal import Decimal

import pytest

from jafung.rules import FLAGS, Official, coaching_score, flags_of, years_between

TODAY = date(2026, 11, 23)


def official(tmt=date(2024, 1, 1), jenjang="ahli_pertama", ak=Decimal("50"), answers=None):
    return Official(tmt_golongan=tmt, jenjang=jenjang, ak_kumulatif=ak, answers=answers or {})


def test_more_than_four_years_in_rank_is_flagged_and_exactly_four_is_not():
    # Four years is the KP reguler minimum time in rank (PP 99/2000 jo PP 12/2002, domain.md §3.1).
    assert "lama_dalam_pangkat" in flags_of(official(tmt=date(2022, 10, 1)), TODAY)
    assert "lama_dalam_pangkat" not in flags_of(official(tmt=date(2022, 11, 23)), TODAY)


@pytest.mark.parametrize(
    ("tmt", "ak", "behind"),
    [
        # Ahli Pertama earns 12.5 a year at predikat Baik (PermenPAN-RB 1/2023, [AK-BKN]).
        (date(2024, 11, 23), Decimal("25.0"), False),  # 2 years × 12.5 = 25: on pace
        (date(2024, 11, 23), Decimal("24.9"), True),  # just below the pace
        # the pace stops at the AKK for the next pangkat, 50 (UNCONFIRMED, domain.md §13)
        (date(2020, 11, 23), Decimal("50.0"), False),
    ],
)
def test_credit_points_below_the_pace_of_predikat_baik_are_flagged(tmt, ak, behind):
    assert ("ak_tertinggal" in flags_of(official(tmt=tmt, ak=ak), TODAY)) is behind


def test_survey_answers_raise_placement_and_extra_duty_flags():
    flags = flags_of(official(answers={"sesuai_peta_jabatan": "tidak", "tugas_tambahan": True}), TODAY)
    assert {"tidak_sesuai_peta", "tugas_tambahan"} <= flags
    assert not {"tidak_sesuai_peta", "tugas_tambahan"} & flags_of(
        official(answers={"sesuai_peta_jabatan": "ya", "tugas_tambahan": "tidak"}), TODAY
    )


def test_an_unknown_jenjang_or_missing_credit_points_raise_no_credit_flag():
    assert "ak_tertinggal" not in flags_of(official(jenjang="", ak=Decimal(0)), TODAY)
    assert "ak_tertinggal" not in flags_of(official(ak=None), TODAY)


def test_years_count_whole_months():
    assert years_between(date(2022, 11, 24), TODAY) * 12 == 47


def test_score_weighs_the_share_of_officials_behind_each_flag():
    score, counts, total = coaching_score(
        [
            frozenset({"lama_dalam_pangkat", "ak_tertinggal"}),
            frozenset(),
            frozenset({"tugas_tambahan"}),
            frozenset(),
        ]
    )
    # 30% × 1/4 + 30% × 1/4 + 15% × 1/4 = 18.75 → 18.8
    assert (score, total) == (Decimal("18.8"), 4)
    assert counts == {
        "lama_dalam_pangkat": 1,
        "ak_tertinggal": 1,
        "tidak_sesuai_peta": 0,
        "tugas_tambahan": 1,
    }


def test_an_opd_without_officials_scores_zero():
    assert coaching_score([]) == (Decimal("0.0"), dict.fromkeys(FLAGS, 0), 0)
