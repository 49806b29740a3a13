"""KP periods, KP reguler and KP jabatan fungsional (domain.md §3, §13)."""

import json
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regulations.cli import main
from regulations.credit_points import Jenjang
from regulations.discipline import Level
from regulations.promotion import (
    JenisKp,
    KpConfig,
    command_kp_fungsional,
    is_kp_period,
    is_valid_kp_tmt,
    kp_fungsional,
    kp_pengabdian,
    kp_penyesuaian_ijazah,
    kp_periods,
    kp_reguler,
    kp_struktural,
    next_kp_period,
)
from regulations.ranks import Jabatan, Pendidikan, golongan
from regulations.reasons import RuleInputError
from regulations.ujian_dinas import (
    Appraisal,
    Diklat,
    DisciplinePeriod,
    Pegawai,
    Tingkat,
    UjianDinasConfig,
    UpkpRequest,
)

# --- periods ---


@pytest.mark.parametrize("year", [2000, 2022, 2023])
def test_until_2023_the_periods_are_1_april_and_1_october(year):
    # [BKNDPS; PERBKN4 "sebelumnya 1 April dan 1 Oktober"]
    assert kp_periods(year) == [date(year, 4, 1), date(year, 10, 1)]


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_from_2024_there_are_six_periods(year):
    # Peraturan BKN 4/2023 Pasal 2 [PERBKN4]
    assert kp_periods(year) == [date(year, m, 1) for m in (2, 4, 6, 8, 10, 12)]


def test_the_period_after_october_2023_is_february_2024():
    # the regime change: December 2023 is not a period, February 2024 is the first new one
    assert next_kp_period(date(2023, 10, 1)) == date(2024, 2, 1)
    assert not is_kp_period(date(2023, 12, 1))
    assert is_kp_period(date(2024, 2, 1))


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        (date(2023, 3, 31), date(2023, 4, 1)),
        (date(2023, 4, 1), date(2023, 10, 1)),
        (date(2025, 12, 1), date(2026, 2, 1)),
        (date(2025, 1, 15), date(2025, 2, 1)),
    ],
)
def test_next_kp_period_is_strictly_after_the_date(after, expected):
    assert next_kp_period(after) == expected


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)))
def test_next_kp_period_is_a_period_with_none_in_between(day):
    nxt = next_kp_period(day)
    assert is_kp_period(nxt) and nxt > day
    assert not any(day < p < nxt for y in (day.year, nxt.year) for p in kp_periods(y))


@pytest.mark.parametrize(
    ("jenis", "valid"),
    [
        (JenisKp.REGULER, False),
        (JenisKp.FUNGSIONAL, False),
        (JenisKp.PENGABDIAN, True),
        (JenisKp.ANUMERTA, True),
    ],
)
def test_only_kp_pengabdian_and_anumerta_may_fall_outside_the_periods(jenis, valid):
    # [PERBKN4]: the six periods do not apply to KP anumerta or KP pengabdian
    assert is_valid_kp_tmt(date(2025, 3, 1), jenis) is valid
    assert is_valid_kp_tmt(date(2025, 4, 1), jenis)


# --- KP reguler ---

PERIOD = date(2026, 4, 1)
GOOD = (Appraisal(2024, predikat="baik"), Appraisal(2025, predikat="sangat_baik"))
III_B = Pegawai(golongan("III/b"), date(2022, 4, 1), Pendidikan.S1, appraisals=GOOD)


def codes(result):
    return [r.code for r in result.verdict.reasons]


# Every KP: not while a hukdis sedang/berat is served, on CLTN or suspended [S004]; a ringan
# punishment has no duration (PP 94/2021 Pasal 8 ayat (2)) and never blocks.
@pytest.mark.parametrize(
    ("change", "code"),
    [
        (
            {"hukuman": (DisciplinePeriod(Level.BERAT, date(2025, 9, 1), date(2026, 8, 31)),)},
            "sedang_hukuman_disiplin",
        ),
        ({"hukuman": (DisciplinePeriod(Level.SEDANG, date(2026, 1, 1)),)}, "sedang_hukuman_disiplin"),
        ({"cltn": True}, "cltn"),
        ({"diberhentikan_sementara": True}, "diberhentikan_sementara"),
    ],
)
def test_kp_reguler_is_refused_while_a_penalty_or_leave_is_running(change, code):
    result = kp_reguler(replace(III_B, **change), PERIOD, atasan_golongan=golongan("IV/a"))
    assert codes(result) == [code]


def test_kp_reguler_ignores_a_ringan_penalty_and_one_already_served():
    served = DisciplinePeriod(Level.BERAT, date(2023, 1, 1), date(2023, 12, 31))
    teguran = DisciplinePeriod(Level.RINGAN, date(2025, 6, 1))  # no end date: ringan has none
    result = kp_reguler(replace(III_B, hukuman=(served, teguran)), PERIOD, atasan_golongan=golongan("IV/a"))
    assert result.eligible


def test_kp_reguler_eligible_goes_one_rank_up_on_the_period():
    result = kp_reguler(III_B, PERIOD, atasan_golongan=golongan("IV/a"))
    assert result.eligible
    assert (result.target.code, result.tmt, result.jenis) == ("III/c", PERIOD, JenisKp.REGULER)


def test_exactly_four_years_in_rank_is_enough():
    assert kp_reguler(replace(III_B, tmt_golongan=date(2022, 4, 1)), PERIOD).eligible


def test_one_day_short_of_four_years_is_not():
    result = kp_reguler(replace(III_B, tmt_golongan=date(2022, 4, 2)), PERIOD)
    assert codes(result) == ["masa_golongan_kurang"]


@pytest.mark.parametrize(
    ("appraisals", "expected"),
    [
        ((Appraisal(2025, predikat="baik"),), ["skp_tidak_ada"]),
        (
            (Appraisal(2024, predikat="butuh_perbaikan"), Appraisal(2025, predikat="baik")),
            ["skp_kurang_dari_baik"],
        ),
        ((Appraisal(2024, predikat="baik"), Appraisal(2025, predikat="kurang")), ["skp_kurang_dari_baik"]),
        ((Appraisal(2023, predikat="kurang"), *GOOD), []),  # older years do not count
    ],
)
def test_kp_reguler_needs_baik_for_each_of_the_last_two_years(appraisals, expected):
    assert codes(kp_reguler(replace(III_B, appraisals=appraisals), PERIOD)) == expected


def test_numeric_scores_of_the_pp_46_2011_years_count_through_skp():
    p = replace(
        III_B,
        appraisals=(Appraisal(2018, score=80), Appraisal(2019, score=70)),
        tmt_golongan=date(2016, 4, 1),
    )
    assert codes(kp_reguler(p, date(2020, 4, 1))) == ["skp_kurang_dari_baik"]


def test_the_appraisal_window_is_configurable():
    only_last = KpConfig(appraisal_years=1)
    p = replace(III_B, appraisals=(Appraisal(2025, predikat="baik"),))
    assert kp_reguler(p, PERIOD, config=only_last).eligible


# every row of domain.md §2.2 [BKDLEB]: the step onto the ceiling is allowed, the step past it is not
CEILINGS = [
    (Pendidikan.SD, "I/d", "II/a"),
    (Pendidikan.SLTP, "II/b", "II/c"),
    (Pendidikan.SLTP_KEJURUAN, "II/c", "II/d"),
    (Pendidikan.SLTA, "III/a", "III/b"),
    (Pendidikan.D1, "III/a", "III/b"),
    (Pendidikan.D2, "III/a", "III/b"),
    (Pendidikan.SGPLB, "III/b", "III/c"),
    (Pendidikan.D3, "III/b", "III/c"),
    (Pendidikan.S1, "III/c", "III/d"),
    (Pendidikan.D4, "III/c", "III/d"),
    (Pendidikan.S2, "III/d", "IV/a"),
    (Pendidikan.S3, "IV/a", "IV/b"),
]


@pytest.mark.parametrize(("level", "below", "ceiling"), CEILINGS, ids=[c[0].value for c in CEILINGS])
def test_kp_reguler_stops_at_the_ijazah_ceiling(level, below, ceiling):
    p = replace(III_B, pendidikan=level, lulus_ujian_dinas=frozenset(Tingkat))
    assert kp_reguler(replace(p, golongan=golongan(below)), PERIOD).eligible
    assert codes(kp_reguler(replace(p, golongan=golongan(ceiling)), PERIOD)) == ["melebihi_batas_ijazah"]


def test_kp_reguler_may_reach_but_not_pass_the_direct_superiors_rank():
    assert kp_reguler(III_B, PERIOD, atasan_golongan=golongan("III/c")).eligible
    assert codes(kp_reguler(III_B, PERIOD, atasan_golongan=golongan("III/b"))) == ["melebihi_atasan"]


def test_ii_d_to_iii_a_needs_ujian_dinas_tingkat_i_unless_passed_or_exempt():
    p = replace(III_B, golongan=golongan("II/d"), pendidikan=Pendidikan.SLTA)
    assert codes(kp_reguler(p, PERIOD)) == ["belum_lulus_ujian_dinas"]
    assert kp_reguler(replace(p, lulus_ujian_dinas=frozenset({Tingkat.I})), PERIOD).eligible
    assert kp_reguler(replace(p, diklat=frozenset({Diklat.DIKLATPIM_IV})), PERIOD).eligible


def test_iii_d_to_iv_a_with_s2_is_exempt_from_ujian_dinas_tingkat_ii():
    p = replace(III_B, golongan=golongan("III/d"), pendidikan=Pendidikan.S2)
    assert kp_reguler(p, PERIOD).eligible


@pytest.mark.parametrize("position", [Jabatan.ADMINISTRATOR, Jabatan.JF_AHLI_MUDA, Jabatan.GURU])
def test_structural_and_functional_officials_do_not_get_kp_reguler(position):
    assert codes(kp_reguler(replace(III_B, jabatan=position), PERIOD)) == ["bukan_kp_reguler"]


def test_iv_e_has_no_higher_rank():
    result = kp_reguler(replace(III_B, golongan=golongan("IV/e"), pendidikan=Pendidikan.S3), PERIOD)
    assert result.target is None
    assert codes(result) == ["pangkat_puncak"]


def test_kp_reguler_lists_every_unmet_condition():
    p = Pegawai(golongan("II/d"), date(2023, 1, 1), Pendidikan.SLTA, Jabatan.PENGAWAS)
    assert codes(kp_reguler(p, PERIOD, atasan_golongan=golongan("II/d"))) == [
        "bukan_kp_reguler",
        "masa_golongan_kurang",
        "skp_tidak_ada",
        "skp_tidak_ada",
        "melebihi_atasan",
        "belum_lulus_ujian_dinas",
    ]


@pytest.mark.parametrize("day", [date(2026, 3, 1), date(2023, 12, 1), date(2026, 4, 2)])
def test_kp_reguler_only_takes_a_kp_period(day):
    with pytest.raises(RuleInputError, match="bukan periode KP"):
        kp_reguler(III_B, day)


# --- KP jabatan fungsional: PP 99/2000 Pasal 13 [PASAL-PP99] ---

JF = replace(
    III_B, golongan=golongan("III/a"), jabatan=Jabatan.JF_AHLI_PERTAMA, tmt_golongan=date(2024, 4, 1)
)


def test_kp_fungsional_needs_two_years_and_the_credit_points():
    result = kp_fungsional(JF, PERIOD, ak_current=50, ak_required=50)
    assert (result.eligible, result.target.code, result.jenis) == (True, "III/b", JenisKp.FUNGSIONAL)


def test_kp_fungsional_stops_at_the_top_of_the_jenjang():
    # An Ahli Pertama spans III/a–III/b: III/b → III/c is a kenaikan jenjang to Ahli Muda
    # (Peraturan BKN 3/2023), with its own conditions, not a kenaikan pangkat.
    top = replace(JF, golongan=golongan("III/b"))
    assert codes(kp_fungsional(top, PERIOD, ak_current=500, ak_required=50)) == ["puncak_jenjang"]


@pytest.mark.parametrize(
    ("jenjang", "gol", "blocked"),
    [
        ("mahir", "III/a", False),
        ("mahir", "III/b", True),
        ("terampil", "II/d", True),
        ("terampil", "II/c", False),
    ],
)
def test_kp_fungsional_keterampilan_is_capped_by_the_given_jenjang(jenjang, gol, blocked):
    p = replace(JF, golongan=golongan(gol), jabatan=Jabatan.JF_KETERAMPILAN)
    result = kp_fungsional(p, PERIOD, 100, 50, jenjang=Jenjang(jenjang))
    assert ("puncak_jenjang" in codes(result)) is blocked


def test_kp_fungsional_one_day_short_of_two_years_or_one_credit_short_fails():
    short = kp_fungsional(replace(JF, tmt_golongan=date(2024, 4, 2)), PERIOD, ak_current=49.5, ak_required=50)
    assert codes(short) == ["masa_golongan_kurang", "angka_kredit_kurang"]


def test_kp_fungsional_needs_a_jabatan_fungsional_and_good_appraisals():
    p = replace(JF, jabatan=Jabatan.PELAKSANA, appraisals=(Appraisal(2025, predikat="baik"),))
    assert codes(kp_fungsional(p, PERIOD, 100, 50)) == ["bukan_jabatan_fungsional", "skp_tidak_ada"]


# --- commands ---


def run(capsys, *argv):
    status = main(list(argv))
    return status, json.loads(capsys.readouterr().out)


def test_kp_periods_command_lists_the_years_periods(capsys):
    assert run(capsys, "kp-periods", "2023") == (0, {"year": 2023, "periods": ["2023-04-01", "2023-10-01"]})
    status, out = run(capsys, "kp-periods", "2025")
    assert (status, len(out["periods"])) == (0, 6)


@pytest.mark.parametrize("argv", [["dua ribu"], [], ["2025", "2026"], ["0"]])
def test_kp_periods_command_rejects_bad_input(capsys, argv):
    status, out = run(capsys, "kp-periods", *argv)
    assert status == 1
    assert "error" in out


KP_JSON = {
    "period": "2026-04-01",
    "golongan": "III/b",
    "tmt_golongan": "2022-04-01",
    "pendidikan": "S1",
    "appraisals": [{"year": 2024, "predikat": "baik"}, {"year": 2025, "predikat": "baik"}],
    "atasan_golongan": "IV/a",
}


def test_kp_reguler_command_prints_target_tmt_and_reasons(capsys):
    assert run(capsys, "kp-reguler", json.dumps(KP_JSON)) == (
        0,
        {
            "jenis": "reguler",
            "eligible": True,
            "golongan": "III/b",
            "target_golongan": "III/c",
            "target_pangkat": "Penata",
            "tmt": "2026-04-01",
            "reasons": [],
        },
    )
    status, out = run(capsys, "kp-reguler", json.dumps({**KP_JSON, "atasan_golongan": "III/b"}))
    assert (status, out["eligible"], [r["code"] for r in out["reasons"]]) == (0, False, ["melebihi_atasan"])


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"period": "2026-03-01"}, "bukan periode KP; periode berikutnya 2026-04-01"),
        ({"period": None}, "period harus tanggal"),
        (
            {"appraisals": [{"year": 2025, "predikat": "baik"}, {"year": 2025, "predikat": "baik"}]},
            "hanya boleh satu",
        ),
        ({"appraisals": [{"year": 2025, "score": 85}]}, "tidak memakai nilai angka"),
        ({"atasan_golongan": "4a"}, "Golongan '4a' tidak dikenal"),
        ({"atasan_golonga": "IV/a"}, "Kolom tidak dikenal: atasan_golonga"),  # a typo is not ignored
        ({"appraisals": [{"year": 2025, "predikat": 5}]}, "predikat tahun 2025 harus teks"),
    ],
)
def test_kp_reguler_command_rejects_bad_input(capsys, change, message):
    status, out = run(capsys, "kp-reguler", json.dumps({**KP_JSON, **change}))
    assert status == 1
    assert message in out["error"]


def test_kp_fungsional_command_function_checks_credit_points():
    data = {k: v for k, v in KP_JSON.items() if k != "atasan_golongan"}
    data |= {"jabatan": "jf_ahli_muda", "tmt_golongan": "2024-04-01", "ak_current": 90, "ak_required": 100}
    out = command_kp_fungsional([json.dumps(data)])
    assert [r["code"] for r in out["reasons"]] == ["angka_kredit_kurang"]
    with pytest.raises(RuleInputError, match="ak_current harus angka"):
        command_kp_fungsional([json.dumps({**data, "ak_current": "90"})])


def test_kp_reguler_uses_the_configured_ujian_dinas_equivalences():
    p = replace(III_B, golongan=golongan("II/d"), pendidikan=Pendidikan.SLTA, diklat=frozenset({Diklat.PKP}))
    assert kp_reguler(p, PERIOD).eligible
    strict = KpConfig(ujian_dinas=UjianDinasConfig(diklat_setara={}))
    assert codes(kp_reguler(p, PERIOD, config=strict)) == ["belum_lulus_ujian_dinas"]


# --- KP pilihan struktural: PP 99/2000 jo PP 12/2002; eselon ranges PP 13/2002 [BKDLEB] ---

KASI = replace(III_B, golongan=golongan("III/c"), jabatan=Jabatan.PENGAWAS, tmt_golongan=date(2022, 4, 1))


def test_kp_struktural_goes_up_within_the_eselon_range():
    result = kp_struktural(KASI, PERIOD, "IV.a", tmt_jabatan=date(2024, 1, 2))
    assert (result.eligible, result.target.code, result.jenis) == (True, "III/d", JenisKp.STRUKTURAL)


def test_kp_struktural_stops_at_the_top_of_the_eselon_range():
    # IV.a spans III/c–III/d: a Kasi at III/d cannot go to IV/a by KP pilihan struktural.
    top = replace(KASI, golongan=golongan("III/d"))
    assert codes(kp_struktural(top, PERIOD, "IV.a", tmt_jabatan=date(2020, 1, 2))) == [
        "melebihi_jenjang_eselon"
    ]


def test_kp_struktural_below_the_eselon_range_needs_only_one_year_in_rank():
    # The special case: a III/b official in a IV.a post (lowest III/c) after 1 year in rank.
    below = replace(KASI, golongan=golongan("III/b"), tmt_golongan=date(2025, 4, 1))
    assert kp_struktural(below, PERIOD, "IV.a", tmt_jabatan=date(2025, 1, 2)).eligible
    in_range = replace(KASI, tmt_golongan=date(2025, 4, 1))  # III/c, inside the range: 4 years
    assert codes(kp_struktural(in_range, PERIOD, "IV.a", tmt_jabatan=date(2025, 1, 2))) == [
        "masa_golongan_kurang"
    ]


def test_kp_struktural_needs_a_year_in_the_post():
    result = kp_struktural(KASI, PERIOD, "IV.a", tmt_jabatan=date(2025, 6, 1))
    assert codes(result) == ["masa_jabatan_kurang"]


# --- KP penyesuaian ijazah: PP 12/2002 Pasal 18 [KERJAPNS]; UPKP conditions [S004] ---

PENGATUR = Pegawai(golongan("II/c"), date(2023, 4, 1), Pendidikan.SLTA, appraisals=GOOD)
S1_REQUEST = UpkpRequest(Pendidikan.S1, izin_belajar=True, terakreditasi=True, sesuai_tugas=True)


def test_penyesuaian_ijazah_lifts_to_the_starting_rank_of_the_new_ijazah():
    result = kp_penyesuaian_ijazah(PENGATUR, PERIOD, S1_REQUEST, lulus_upkp=True)
    assert (result.eligible, result.target.code, result.jenis) == (True, "III/a", JenisKp.PENYESUAIAN_IJAZAH)


def test_penyesuaian_ijazah_needs_the_upkp_passed_and_an_ijazah_through_izin_belajar():
    no_izin = replace(S1_REQUEST, izin_belajar=False)
    result = kp_penyesuaian_ijazah(PENGATUR, PERIOD, no_izin, lulus_upkp=False)
    assert codes(result) == ["tanpa_izin_belajar", "belum_lulus_upkp"]


def test_penyesuaian_ijazah_has_nothing_to_adjust_at_or_above_the_ijazah_rank():
    result = kp_penyesuaian_ijazah(replace(PENGATUR, golongan=golongan("III/a")), PERIOD, S1_REQUEST, True)
    assert "golongan_sudah_setara_ijazah" in codes(result) and result.target is None


# --- KP pengabdian: PP 99/2000 (article UNCONFIRMED); not bound to the periods [PERBKN4] ---


def test_kp_pengabdian_after_30_years_takes_effect_the_month_before_the_pension():
    result = kp_pengabdian(III_B, tmt_pensiun=date(2026, 6, 1), tmt_pns=date(1993, 3, 1))
    assert (result.eligible, result.target.code, result.tmt) == (True, "III/c", date(2026, 5, 1))


@pytest.mark.parametrize(
    ("tmt_pns", "tmt_golongan", "eligible"),
    [
        (date(2005, 3, 1), date(2025, 4, 1), True),  # 20 years of service, 1 year in rank
        (date(2005, 3, 1), date(2025, 6, 1), False),  # 20 years, 11 months in rank
        (date(2015, 3, 1), date(2024, 5, 1), True),  # 10 years, 2 years in rank
        (date(2017, 3, 1), date(2020, 4, 1), False),  # 9 years of service
    ],
)
def test_kp_pengabdian_steps_of_service_and_time_in_rank(tmt_pns, tmt_golongan, eligible):
    p = replace(III_B, tmt_golongan=tmt_golongan)
    assert kp_pengabdian(p, tmt_pensiun=date(2026, 6, 1), tmt_pns=tmt_pns).eligible is eligible
