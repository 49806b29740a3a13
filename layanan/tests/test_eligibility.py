"""layanan.requests.rules reads real master data into the pure rules of ``regulations``.

Each row names the change to a good record, the rule of the service, the reason codes
expected among the hard failures (empty: eligible) and the article behind it.
"""

from __future__ import annotations

import datetime as dt

import pytest

from layanan.models import Eligibility, Service
from layanan.requests import rules as eligibility
from layanan.tests.conftest import give_good_record
from people.models import (
    Golongan,
    JenisJabatan,
    Pegawai,
    RiwayatGolongan,
    RiwayatHukdis,
    RiwayatJabatan,
    RiwayatSkp,
)
from people.records.actions import do_add_riwayat, do_update_pegawai
from people.tests.factories import make_pegawai

TODAY = dt.date(2026, 11, 23)  # next KP period: 1 December 2026


def _cpns(p):
    do_update_pegawai(p, changes={"jenis_pegawai": Pegawai.Jenis.CPNS}, actor=None)


def _cltn(p):
    do_update_pegawai(p, changes={"status": Pegawai.Status.CLTN}, actor=None)


def _hukdis(tingkat, start, end):
    def change(p):
        do_add_riwayat(
            p,
            RiwayatHukdis,
            actor=None,
            tingkat=tingkat,
            jenis="teguran_tertulis",
            tmt=start,
            tmt_selesai=end,
        )

    return change


def _skp(year, predikat):
    def change(p):
        p.riwayat_skp.filter(tahun=year).delete()
        if predikat:
            do_add_riwayat(p, RiwayatSkp, actor=None, tahun=year, predikat=predikat)

    return change


def _rank(code, tmt):
    def change(p):
        do_add_riwayat(
            p,
            RiwayatGolongan,
            actor=None,
            golongan=Golongan.objects.get(code=code),
            tmt=tmt,
            jenis_kp=RiwayatGolongan.JenisKp.REGULER,
        )

    return change


def _struktural_post(nama, eselon):
    def change(p):
        do_add_riwayat(
            p,
            RiwayatJabatan,
            actor=None,
            jenis=JenisJabatan.STRUKTURAL,
            nama=nama,
            eselon=eselon,
            opd=p.opd,
            tmt=dt.date(2024, 1, 2),
        )

    return change


_struktural = _struktural_post("Kepala Seksi Pelayanan", "IV.a")


def _no_rank(p):
    Pegawai.objects.filter(pk=p.pk).update(golongan=None, tmt_golongan=None)


CASES = [
    # Izin belajar: status aktif, PNS, no hukdis sedang/berat being served, SKP of the last two
    # years ≥ Baik [S000].
    ("izin belajar, good record", Eligibility.IZIN_BELAJAR, None, {}, "domain.md §8 [S000]"),
    ("izin belajar, CPNS", Eligibility.IZIN_BELAJAR, _cpns, {"bukan_pns"}, "PNS only [S000]"),
    ("izin belajar, on CLTN", Eligibility.IZIN_BELAJAR, _cltn, {"tidak_aktif"}, "status aktif"),
    (
        "izin belajar, a teguran does not block",
        Eligibility.IZIN_BELAJAR,
        _hukdis("ringan", dt.date(2016, 9, 1), None),
        set(),
        "a ringan punishment has no duration (PP 94/2021 Pasal 8 ayat (2))",
    ),
    (
        "izin belajar, sedang being served",
        Eligibility.IZIN_BELAJAR,
        _hukdis("sedang", dt.date(2026, 9, 1), dt.date(2027, 2, 28)),
        {"sedang_hukuman_disiplin"},
        "domain.md §8: surat keterangan tidak dijatuhi hukdis [S000]",
    ),
    (
        "izin belajar, no SKP 2024",
        Eligibility.IZIN_BELAJAR,
        _skp(2024, None),
        {"skp_tidak_ada"},
        "SKP 2 tahun terakhir [S000]",
    ),
    (
        "izin belajar, hukuman served out",
        Eligibility.IZIN_BELAJAR,
        _hukdis("sedang", dt.date(2022, 1, 1), dt.date(2022, 12, 31)),
        set(),
        "only a penalty being served blocks",
    ),
    (
        "izin belajar, SKP 2025 Butuh Perbaikan",
        Eligibility.IZIN_BELAJAR,
        _skp(2025, "butuh_perbaikan"),
        {"skp_kurang_dari_baik"},
        "PermenPAN-RB 6/2022 predikat; minimal Baik (domain.md §6, §7)",
    ),
    (
        "izin belajar, no SKP 2025",
        Eligibility.IZIN_BELAJAR,
        _skp(2025, None),
        {"skp_tidak_ada"},
        "domain.md §7",
    ),
    # KP reguler: PP 99/2000 jo PP 12/2002 (≥ 4 years in rank, SKP Baik 2 years, ijazah ceiling).
    ("KP reguler, III/c since 2018, S-1", Eligibility.KP_REGULER, None, set(), "PP 99/2000 jo PP 12/2002"),
    (
        "KP reguler, III/d since 2024, S-1",
        Eligibility.KP_REGULER,
        _rank("III/d", dt.date(2024, 4, 1)),
        {"masa_golongan_kurang", "melebihi_batas_ijazah", "belum_lulus_ujian_dinas"},
        "≥ 4 years in rank [KPCODE]; S-1 ceiling III/d (domain.md §2.2); III/d → IV/a needs UD II (§6)",
    ),
    (
        "KP reguler, SKP 2024 Kurang",
        Eligibility.KP_REGULER,
        _skp(2024, "kurang"),
        {"skp_kurang_dari_baik"},
        "appraisal ≥ baik for 2 years [KPCODE]",
    ),
    (
        "KP reguler, berat being served",
        Eligibility.KP_REGULER,
        _hukdis("berat", dt.date(2026, 6, 1), dt.date(2027, 5, 31)),
        {"sedang_hukuman_disiplin"},
        "no KP while a hukdis sedang/berat is served [S004]",
    ),
    (
        "KP reguler, structural post",
        Eligibility.KP_REGULER,
        _struktural,
        {"bukan_kp_reguler"},
        "KP reguler only for pelaksana (domain.md §3.1)",
    ),
    (
        "KP reguler, no rank recorded",
        Eligibility.KP_REGULER,
        _no_rank,
        {"data_belum_lengkap"},
        "input missing",
    ),
    # Ujian dinas: Perka BKN 33/2011 via domain.md §6 [S004]: an S-1 is exempt from tingkat I.
    (
        "ujian dinas, II/d with S-1 (exempt)",
        Eligibility.UJIAN_DINAS,
        _rank("II/d", dt.date(2010, 3, 1)),
        {"golongan_tanpa_ujian_dinas"},
        "III/c needs no UD (domain.md §6)",
    ),
]


def _record(cast, change):
    pegawai = make_pegawai(cast.opd_a, nama="Rina Kartika", pendidikan="S1")
    give_good_record(pegawai, until_year=2026)
    if change is not None:
        change(pegawai)
    return Pegawai.objects.get(pk=pegawai.pk)


@pytest.mark.parametrize(("case", "rule", "change", "expected", "basis"), CASES, ids=[c[0] for c in CASES])
def test_eligibility_follows_the_regulation(cast, case, rule, change, expected, basis):
    service = Service(name=case, duration=3, eligibility=rule)
    result = eligibility.check(service, _record(cast, change), TODAY)
    assert {r.code for r in result.hard_failures} == set(expected), basis
    assert result.eligible is (not expected)
    assert all(r.message for r in result.reasons)


def test_a_service_without_a_rule_is_always_eligible(cast):
    result = eligibility.check(Service(name="Lain", duration=1), _record(cast, _cpns), TODAY)
    assert result.eligible and result.reasons == ()


def test_ujian_dinas_is_open_to_a_senior_clerk_without_the_exempting_ijazah(cast):
    """II/d for ≥ 2 years, SLTA, no exemption: may sit UD tingkat I (domain.md §6 [S004])."""
    pegawai = make_pegawai(
        cast.opd_a, nama="Budi Santoso", golongan="II/a", pendidikan="SLTA", cpns=dt.date(2008, 1, 1)
    )
    _rank("II/d", dt.date(2020, 4, 1))(pegawai)
    give_skp = _skp(2025, "baik")
    give_skp(pegawai)
    result = eligibility.check(
        Service(name="UD", duration=3, eligibility=Eligibility.UJIAN_DINAS), pegawai, TODAY
    )
    assert result.eligible, result.reasons


def test_kp_reguler_notes_the_period_and_the_target_rank(cast):
    result = eligibility.check(
        Service(name="KP", duration=3, eligibility=Eligibility.KP_REGULER), _record(cast, None), TODAY
    )
    assert [r.message for r in result.notes] == [
        "Diperiksa untuk periode KP 1 Desember 2026, usulan golongan III/d."
    ]


def test_a_pension_request_years_before_the_bup_is_refused_with_the_opening_date(cast):
    result = eligibility.check(
        Service(name="Pensiun", duration=2, eligibility=Eligibility.PENSIUN), _record(cast, None), TODAY
    )
    # born 17 May 1985, pelaksana: BUP 58 (PP 11/2017 Pasal 239(2)a) → TMT 1 June 2043; the
    # request opens 24 months before (regulations.pension.request_window, Perban BKN 3/2020).
    assert not result.eligible
    assert [r.code for r in result.hard_failures] == ["belum_masa_usul_pensiun"]
    assert "1 Juni 2041" in result.hard_failures[0].message
    assert result.notes[0].message == "Batas usia pensiun 58 tahun; TMT pensiun 1 Juni 2043."


def test_a_pension_request_inside_its_window_is_eligible(cast):
    result = eligibility.check(
        Service(name="Pensiun", duration=2, eligibility=Eligibility.PENSIUN),
        _record(cast, None),
        dt.date(2041, 6, 1),
    )
    assert result.eligible


def test_the_verdict_is_stored_as_plain_json(cast):
    result = eligibility.check(
        Service(name="IB", duration=3, eligibility=Eligibility.IZIN_BELAJAR), _record(cast, _cpns), TODAY
    )
    assert result.as_dict() == {
        "rule": "izin_belajar",
        "eligible": False,
        "hard_failures": [{"code": "bukan_pns", "message": "Izin/tugas belajar hanya untuk PNS."}],
        "notes": [],
    }


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"jenjang": "s2", "akreditasi": "a"}, set()),
        ({"jenjang": "s1", "akreditasi": "a"}, {"jenjang_sudah_dimiliki"}),  # S-1 already held
        ({"jenjang": "s2", "akreditasi": "belum"}, {"belum_terakreditasi"}),  # BAN-PT/BAN-PRODI [S000]
    ],
)
def test_the_answers_of_an_izin_belajar_count_in_its_verdict(cast, answers, expected):
    service = Service(name="Izin belajar", duration=3, eligibility=Eligibility.IZIN_BELAJAR)
    result = eligibility.check(service, _record(cast, None), TODAY, answers)
    assert {r.code for r in result.hard_failures} == expected


def test_a_sekda_at_eselon_i_b_retires_at_60_not_58(cast):
    # UU 5/2014 Pasal 131: eselon I.b is JPT madya; PP 11/2017 Pasal 239(2)b: BUP 60.
    sekda = _struktural_post("Sekretaris Daerah", "I.b")
    result = eligibility.check(
        Service(name="Pensiun", duration=2, eligibility=Eligibility.PENSIUN), _record(cast, sekda), TODAY
    )
    assert result.notes[0].message == "Batas usia pensiun 60 tahun; TMT pensiun 1 Juni 2045."
