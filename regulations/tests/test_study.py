"""Izin and tugas belajar (seed 000's service standards [S000]; PP 94/2021 Pasal 8 for ringan)."""

from dataclasses import replace
from datetime import date

import pytest

from regulations.discipline import Level
from regulations.ranks import Pendidikan, golongan
from regulations.study import StudyPlan, study_permit
from regulations.ujian_dinas import Appraisal, DisciplinePeriod, Pegawai

TODAY = date(2026, 3, 2)
GOOD = (Appraisal(2024, predikat="baik"), Appraisal(2025, predikat="baik"))
S1 = Pegawai(golongan("III/b"), date(2022, 4, 1), Pendidikan.S1, appraisals=GOOD)


def codes(verdict):
    return [r.code for r in verdict.reasons]


def test_a_pns_with_two_good_years_may_study_for_a_higher_accredited_ijazah():
    assert study_permit(S1, TODAY, plan=StudyPlan(Pendidikan.S2, "baik_sekali")).ok


def test_both_of_the_last_two_years_must_be_at_least_baik():
    # "SKP 2 tahun terakhir" / "PPK PNS 2 tahun terakhir bernilai Baik" [S000]: 2024 and 2025.
    only_last_year = replace(S1, appraisals=(Appraisal(2025, predikat="baik"),))
    assert codes(study_permit(only_last_year, TODAY)) == ["skp_tidak_ada"]
    poor = replace(S1, appraisals=(Appraisal(2024, predikat="butuh_perbaikan"), GOOD[1]))
    assert codes(study_permit(poor, TODAY)) == ["skp_kurang_dari_baik"]


def test_a_teguran_years_ago_does_not_block_a_study_permit_for_ever():
    # A ringan punishment has no duration (PP 94/2021 Pasal 8 ayat (2)).
    teguran = replace(S1, hukuman=(DisciplinePeriod(Level.RINGAN, date(2015, 5, 4)),))
    assert study_permit(teguran, TODAY).ok


def test_a_sedang_punishment_being_served_blocks_it():
    serving = replace(S1, hukuman=(DisciplinePeriod(Level.SEDANG, date(2025, 10, 1), date(2026, 9, 30)),))
    assert codes(study_permit(serving, TODAY)) == ["sedang_hukuman_disiplin"]


@pytest.mark.parametrize(
    ("jenjang", "blocked"),
    [(Pendidikan.S1, True), (Pendidikan.D4, True), (Pendidikan.D3, True), (Pendidikan.S2, False)],
)
def test_the_ijazah_sought_must_be_higher_than_the_one_held(jenjang, blocked):
    verdict = study_permit(S1, TODAY, plan=StudyPlan(jenjang, "a"))
    assert ("jenjang_sudah_dimiliki" in codes(verdict)) is blocked


def test_an_unaccredited_programme_is_refused():
    assert codes(study_permit(S1, TODAY, plan=StudyPlan(Pendidikan.S2, "belum"))) == ["belum_terakreditasi"]


def test_only_pns_may_have_a_study_permit():
    assert codes(study_permit(S1, TODAY, pns=False)) == ["bukan_pns"]
