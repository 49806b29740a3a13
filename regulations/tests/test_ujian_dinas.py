"""Ujian dinas tingkat I/II and UPKP (domain.md §6: S004, WAJO, JKT, LUWU, TERNATE, DOCPL-PI)."""

import json
from dataclasses import replace
from datetime import date

import pytest

from regulations.cli import main
from regulations.discipline import Level
from regulations.ranks import Jabatan, Pendidikan, golongan, next_golongan
from regulations.ujian_dinas import (
    Appraisal,
    Diklat,
    DisciplinePeriod,
    Pegawai,
    Tingkat,
    UjianDinasConfig,
    UpkpConfig,
    UpkpRequest,
    exemption,
    tingkat_for,
    ujian_dinas,
    upkp,
)

TODAY = date(2026, 3, 1)
II_D = Pegawai(golongan("II/d"), date(2024, 3, 1), Pendidikan.SLTA)
III_D = Pegawai(golongan("III/d"), date(2024, 3, 1), Pendidikan.S1, Jabatan.ADMINISTRATOR)


def codes(verdict):
    return [r.code for r in verdict.reasons]


# domain.md §6 rows "UD Tk I" / "UD Tk II" [S004; WAJO]
@pytest.mark.parametrize(
    ("code", "tingkat"),
    [
        ("II/d", Tingkat.I),
        ("III/d", Tingkat.II),
        ("II/c", None),
        ("III/a", None),
        ("III/c", None),
        ("IV/a", None),
    ],
)
def test_only_the_step_out_of_ii_d_and_iii_d_needs_an_ujian_dinas(code, tingkat):
    assert tingkat_for(code) is tingkat


# domain.md §6 "Exempt from UD Tk I" [S004; LUWU]
@pytest.mark.parametrize("diklat", [Diklat.ADUM, Diklat.ADUMLA, Diklat.SEPALA, Diklat.DIKLATPIM_IV])
def test_diklat_exempts_from_tingkat_i(diklat):
    reason = exemption(Tingkat.I, Pendidikan.SLTA, Jabatan.PELAKSANA, {diklat})
    assert reason.code == "bebas_diklat"


@pytest.mark.parametrize("level", [Pendidikan.S1, Pendidikan.D4, Pendidikan.S2, Pendidikan.S3])
def test_s1_d4_or_higher_exempts_from_tingkat_i(level):
    assert exemption(Tingkat.I, level, Jabatan.PELAKSANA).code == "bebas_pendidikan"


@pytest.mark.parametrize("level", [Pendidikan.SLTA, Pendidikan.D1, Pendidikan.D2, Pendidikan.D3])
def test_below_s1_must_sit_tingkat_i(level):
    assert exemption(Tingkat.I, level, Jabatan.PELAKSANA) is None


# domain.md §6 "Exempt from UD Tk II" [S004; LUWU]
@pytest.mark.parametrize("diklat", [Diklat.SEPADYA, Diklat.SPAMA, Diklat.DIKLATPIM_III])
def test_diklat_exempts_from_tingkat_ii(diklat):
    assert exemption(Tingkat.II, Pendidikan.S1, Jabatan.ADMINISTRATOR, {diklat}).code == "bebas_diklat"


@pytest.mark.parametrize("level", [Pendidikan.S2, Pendidikan.S3])
def test_s2_dokter_apoteker_or_s3_exempts_from_tingkat_ii(level):
    assert exemption(Tingkat.II, level, Jabatan.ADMINISTRATOR).code == "bebas_pendidikan"


def test_s1_and_diklatpim_iv_do_not_exempt_from_tingkat_ii():
    assert exemption(Tingkat.II, Pendidikan.S1, Jabatan.ADMINISTRATOR, {Diklat.DIKLATPIM_IV}) is None


@pytest.mark.parametrize("position", [j for j in Jabatan if j.fungsional])
def test_a_jabatan_fungsional_is_exempt_from_both(position):
    # domain.md §6 "Exempt from both": JF whose KP is by angka kredit [S004]
    for tingkat in Tingkat:
        assert exemption(tingkat, Pendidikan.SLTA, position).code == "bebas_jabatan_fungsional"


def test_pkp_and_pka_count_as_diklatpim_iv_and_iii_by_default_but_can_be_switched_off():
    assert exemption(Tingkat.I, Pendidikan.SLTA, Jabatan.PELAKSANA, {Diklat.PKP}).code == "bebas_diklat"
    assert exemption(Tingkat.II, Pendidikan.S1, Jabatan.ADMINISTRATOR, {Diklat.PKA}).code == "bebas_diklat"
    strict = UjianDinasConfig(diklat_setara={})
    assert exemption(Tingkat.I, Pendidikan.SLTA, Jabatan.PELAKSANA, {Diklat.PKP}, strict) is None


def test_ii_d_slta_with_two_years_in_rank_must_sit_and_may_sit_tingkat_i():
    result = ujian_dinas(II_D, TODAY)
    assert (result.tingkat, result.must_sit, result.eligible.ok) == (Tingkat.I, True, True)


def test_one_day_short_of_two_years_in_ii_d_may_not_sit_yet():
    result = ujian_dinas(replace(II_D, tmt_golongan=date(2024, 3, 2)), TODAY)
    assert result.must_sit
    assert codes(result.eligible) == ["masa_golongan_kurang"]


def test_an_exempt_employee_need_not_and_cannot_sit():
    result = ujian_dinas(replace(II_D, pendidikan=Pendidikan.S1), TODAY)
    assert (result.must_sit, result.exemption.code) == (False, "bebas_pendidikan")
    assert codes(result.eligible) == ["bebas_pendidikan"]


def test_an_employee_who_passed_need_not_sit_again():
    result = ujian_dinas(replace(II_D, lulus_ujian_dinas=frozenset({Tingkat.I})), TODAY)
    assert (result.must_sit, result.passed, codes(result.eligible)) == (False, True, ["sudah_lulus"])


def test_a_rank_without_ujian_dinas_says_so():
    result = ujian_dinas(replace(II_D, golongan=golongan("III/a")), TODAY)
    assert (result.tingkat, result.must_sit) == (None, False)
    assert codes(result.eligible) == ["golongan_tanpa_ujian_dinas"]


def test_tingkat_ii_is_for_administrators_unless_configured_otherwise():
    pelaksana = replace(III_D, jabatan=Jabatan.PELAKSANA)
    assert ujian_dinas(III_D, TODAY).eligible.ok
    assert codes(ujian_dinas(pelaksana, TODAY).eligible) == ["bukan_administrator"]
    assert ujian_dinas(pelaksana, TODAY, UjianDinasConfig(tingkat_ii_only_administrator=False)).eligible.ok


@pytest.mark.parametrize(
    ("level", "end", "blocked"),
    [
        (Level.SEDANG, date(2026, 3, 1), True),  # last day of the punishment is still served
        (Level.BERAT, None, True),  # not ended
        (Level.SEDANG, date(2026, 2, 28), False),  # already over
        (Level.RINGAN, None, False),  # only sedang/berat block [S004]
    ],
)
def test_a_sedang_or_berat_punishment_being_served_blocks_the_exam(level, end, blocked):
    p = replace(II_D, hukuman=(DisciplinePeriod(level, date(2025, 6, 1), end),))
    assert ("sedang_hukuman_disiplin" in codes(ujian_dinas(p, TODAY).eligible)) is blocked


def test_a_punishment_starting_after_today_does_not_block_yet():
    p = replace(II_D, hukuman=(DisciplinePeriod(Level.BERAT, date(2026, 3, 2)),))
    assert ujian_dinas(p, TODAY).eligible.ok


def test_cltn_suspension_and_uang_tunggu_each_block_the_exam():
    p = replace(II_D, cltn=True, diberhentikan_sementara=True, uang_tunggu=True)
    assert codes(ujian_dinas(p, TODAY).eligible) == ["cltn", "diberhentikan_sementara", "uang_tunggu"]


# --- UPKP ---

GOOD_2025 = (Appraisal(2025, predikat="baik"),)
S1_REQUEST = UpkpRequest(Pendidikan.S1, izin_belajar=True, terakreditasi=True, sesuai_tugas=True)


def upkp_pegawai(code, pend=Pendidikan.SLTA, tmt=date(2025, 3, 1)):
    return Pegawai(golongan(code), tmt, pend, appraisals=GOOD_2025)


# TERNATE minimum-rank table (our default): (new ijazah, lowest allowed, one below it, highest allowed)
@pytest.mark.parametrize(
    ("ijazah", "minimum", "below", "highest"),
    [
        (Pendidikan.SLTA, "I/c", "I/b", "I/d"),
        (Pendidikan.D1, "I/c", "I/b", "I/d"),
        (Pendidikan.D3, "II/b", "II/a", "II/b"),
        (Pendidikan.S1, "II/c", "II/b", "II/d"),
        (Pendidikan.D4, "II/c", "II/b", "II/d"),
        (Pendidikan.S2, "I/a", None, "III/a"),  # TERNATE: "III/a or lower"
    ],
)
def test_upkp_rank_window_per_ijazah(ijazah, minimum, below, highest):
    request = replace(S1_REQUEST, ijazah=ijazah)
    assert upkp(upkp_pegawai(minimum), request, TODAY).ok
    assert upkp(upkp_pegawai(highest), request, TODAY).ok
    if below:
        assert codes(upkp(upkp_pegawai(below), request, TODAY)) == ["golongan_di_bawah_minimum"]
    above = next_golongan(highest).code
    assert codes(upkp(upkp_pegawai(above), request, TODAY)) == ["golongan_sudah_setara_ijazah"]


def test_upkp_minimum_rank_table_is_configurable():
    jkt_like = UpkpConfig(min_golongan={Pendidikan.S1: golongan("II/a")})
    assert upkp(upkp_pegawai("II/a"), S1_REQUEST, TODAY, jkt_like).ok


def test_upkp_needs_one_year_in_rank():
    assert upkp(upkp_pegawai("II/c", tmt=date(2025, 3, 1)), S1_REQUEST, TODAY).ok
    short = upkp(upkp_pegawai("II/c", tmt=date(2025, 3, 2)), S1_REQUEST, TODAY)
    assert codes(short) == ["masa_golongan_kurang"]


def test_upkp_lists_every_unmet_condition():
    p = replace(
        upkp_pegawai("II/c"),
        jabatan=Jabatan.JF_KETERAMPILAN,
        appraisals=(Appraisal(2025, predikat="kurang"),),
        cltn=True,
    )
    request = UpkpRequest(Pendidikan.S1, izin_belajar=False, terakreditasi=False, sesuai_tugas=False)
    assert codes(upkp(p, request, TODAY)) == [
        "jabatan_fungsional",
        "tanpa_izin_belajar",
        "tidak_terakreditasi",
        "tidak_sesuai_tugas",
        "skp_kurang_dari_baik",
        "cltn",
    ]


def test_upkp_needs_last_years_appraisal():
    p = replace(upkp_pegawai("II/c"), appraisals=(Appraisal(2024, predikat="baik"),))
    assert codes(upkp(p, S1_REQUEST, TODAY)) == ["skp_tidak_ada"]


def test_upkp_for_a_jf_can_be_allowed_by_config():
    p = replace(upkp_pegawai("II/c"), jabatan=Jabatan.JF_KETERAMPILAN)
    assert upkp(p, S1_REQUEST, TODAY, UpkpConfig(fungsional_allowed=True)).ok


# --- command ---


def run(capsys, payload):
    status = main(["ujian-dinas", json.dumps(payload) if isinstance(payload, dict) else payload])
    return status, json.loads(capsys.readouterr().out)


def test_ujian_dinas_command_reports_tingkat_exemption_eligibility_and_upkp(capsys):
    status, out = run(
        capsys,
        {
            "today": "2026-03-01",
            "golongan": "II/d",
            "tmt_golongan": "2024-03-01",
            "pendidikan": "SLTA",
            "appraisals": [{"year": 2025, "predikat": "baik"}],
            "hukuman": [{"level": "sedang", "start": "2025-06-01", "end": "2026-05-31"}],
            "upkp": {"ijazah": "S1", "izin_belajar": True},
        },
    )
    assert status == 0
    assert out["tingkat"] == "I"
    assert (out["must_sit"], out["exempt"], out["eligible"]) == (True, False, False)
    assert [r["code"] for r in out["reasons"]] == ["sedang_hukuman_disiplin"]
    assert out["upkp"]["ok"] is False
    assert [r["code"] for r in out["upkp"]["reasons"]] == ["sedang_hukuman_disiplin"]


def test_ujian_dinas_command_shows_the_exemption(capsys):
    status, out = run(
        capsys,
        {
            "today": "2026-03-01",
            "golongan": "II/d",
            "tmt_golongan": "2020-03-01",
            "pendidikan": "SLTA",
            "diklat": ["diklatpim_iv"],
        },
    )
    assert status == 0
    assert out["exemption"]["code"] == "bebas_diklat"
    assert "upkp" not in out


def test_ujian_dinas_command_reads_passed_exams_in_any_case(capsys):
    payload = {"today": "2026-03-01", "golongan": "II/d", "tmt_golongan": "2020-03-01", "pendidikan": "SLTA"}
    status, out = run(capsys, {**payload, "lulus_ujian_dinas": ["i"]})
    assert (status, out["passed"], out["must_sit"]) == (0, True, False)


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ("[]", "JSON harus berupa objek"),
        ({"golongan": "II/d", "tmt_golongan": "2024-03-01", "pendidikan": "SLTA"}, "Kolom today wajib"),
        (
            {"today": "2026-03-01", "golongan": "II/e", "tmt_golongan": "2024-03-01", "pendidikan": "SLTA"},
            "II/e",
        ),
        (
            {
                "today": "2026-03-01",
                "golongan": "II/d",
                "tmt_golongan": "2024-03-01",
                "pendidikan": "SLTA",
                "diklat": ["x"],
            },
            "diklat berisi nilai tidak dikenal",
        ),
        (
            {
                "today": "2026-03-01",
                "golongan": "II/d",
                "tmt_golongan": "2024-03-01",
                "pendidikan": "SLTA",
                "cltn": "ya",
            },
            "cltn harus true atau false",
        ),
    ],
)
def test_ujian_dinas_command_rejects_bad_input(capsys, payload, message):
    status, out = run(capsys, payload)
    assert status == 1
    assert message in out["error"]


def test_a_ringan_punishment_has_no_duration_so_it_is_never_being_served():
    # PP 94/2021 Pasal 8 ayat (2): teguran lisan, teguran tertulis and pernyataan tidak puas
    # have no duration; a missing end date on such a record means "none", not "not ended".
    teguran = DisciplinePeriod(Level.RINGAN, date(2010, 1, 4))
    assert not teguran.served_on(date(2010, 1, 4))
    assert not teguran.served_on(TODAY)
