"""The synthetic demo province: consistent identities, ranks and histories, with exactly
the deliberate data-quality defects it reports, the same for the same seed, loaded once."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from itertools import pairwise

import pytest

from core.models import AuditLog
from demo.org import seed_minimal_demo
from demo.people import AS_OF, SKP_YEARS, defect_counts, seed_demo_pegawai
from org.models import Opd
from people.models import (
    JenisJabatan,
    Keluarga,
    Pegawai,
    RiwayatAngkaKredit,
    RiwayatDiklat,
    RiwayatGolongan,
    RiwayatHukdis,
    RiwayatJabatan,
    RiwayatPendidikan,
    RiwayatSkp,
    SertifikatUjian,
)
from people.records.actions import current_state
from people.reference.files import JF_BY_CODE
from regulations.identity import check_nip_nik, parse_nik, parse_nip
from regulations.promotion import is_kp_period
from regulations.ranks import Pendidikan, anniversary, golongan, max_golongan_reguler, starting_golongan
from regulations.skp import PREDIKAT_BY_REGIME, Predikat, regime_for

pytestmark = pytest.mark.django_db

LEVELS = [
    Pendidikan.SD,
    Pendidikan.SLTP,
    Pendidikan.SLTA,
    Pendidikan.D1,
    Pendidikan.D2,
    Pendidikan.D3,
    Pendidikan.D4,
    Pendidikan.S1,
    Pendidikan.S2,
    Pendidikan.S3,
]


def _province(n: int = 300, seed: int = 11) -> dict:
    seed_minimal_demo(holiday_years=[])
    return seed_demo_pegawai(n, seed)


def _with_histories():
    return Pegawai.objects.select_related("golongan").prefetch_related(
        "riwayat_golongan__golongan", "riwayat_pendidikan", "riwayat_skp", "riwayat_jabatan"
    )


def _ijazah_at_cpns(pegawai: Pegawai) -> Pendidikan:
    """The highest ijazah earned by the TMT CPNS: the one the starting rank is set by."""
    held = [
        Pendidikan(r.tingkat)
        for r in pegawai.riwayat_pendidikan.all()
        if r.tahun_lulus <= pegawai.tmt_cpns.year
    ]
    return max(held, key=LEVELS.index)


def _snapshot() -> tuple:
    people = sorted(
        Pegawai.objects.values_list(
            "nip",
            "nik",
            "nama",
            "gelar_depan",
            "gelar_belakang",
            "tanggal_lahir",
            "golongan__code",
            "jabatan",
            "opd__code",
        )
    )
    ranks = sorted(RiwayatGolongan.objects.values_list("pegawai__nip", "golongan__code", "tmt", "nomor_sk"))
    positions = sorted(RiwayatJabatan.objects.values_list("pegawai__nip", "nama", "tmt"))
    skp = sorted(RiwayatSkp.objects.values_list("pegawai__nip", "tahun", "nilai", "predikat"))
    family = sorted(Keluarga.objects.values_list("pegawai__nip", "nama", "nik"))
    return people, ranks, positions, skp, family


def test_the_same_seed_gives_the_same_province_and_another_seed_another():
    _province(n=120, seed=5)
    first = _snapshot()
    Pegawai.objects.all().delete()
    seed_demo_pegawai(120, 5)
    assert _snapshot() == first
    Pegawai.objects.all().delete()
    seed_demo_pegawai(120, 6)
    assert {p[0] for p in _snapshot()[0]} != {p[0] for p in first[0]}


def test_every_nip_parses_and_matches_birth_date_gender_and_cpns_date():
    _province()
    for pegawai in _with_histories():
        nip = parse_nip(pegawai.nip)
        assert nip.birth_date == pegawai.tanggal_lahir
        assert nip.gender == pegawai.jenis_kelamin
        assert nip.cpns_tmt == (pegawai.tmt_cpns.year, pegawai.tmt_cpns.month)
        assert (
            anniversary(pegawai.tanggal_lahir, 19)
            <= pegawai.tmt_cpns
            <= anniversary(pegawai.tanggal_lahir, 35)
        )
        assert pegawai.tmt_cpns <= AS_OF
        assert dt.date(1966, 1, 1) <= pegawai.tanggal_lahir <= dt.date(2001, 12, 31)
        graduated = max(
            r.tahun_lulus for r in pegawai.riwayat_pendidikan.all() if r.tahun_lulus <= pegawai.tmt_cpns.year
        )
        assert graduated <= pegawai.tmt_cpns.year


def test_nik_cross_check_fails_exactly_for_the_deliberate_defects():
    summary = _province()
    defects = summary["defects"]
    assert (
        defects
        == defect_counts(300)
        == {
            "nik_tanggal_lahir_beda_nip": 2,
            "golongan_melebihi_pendidikan": 1,
            "nik_kosong": 2,
            "nama_kembar": 1,
        }
    )
    assert Pegawai.objects.filter(nik__isnull=True).count() == defects["nik_kosong"]
    mismatched = 0
    for nip, nik in Pegawai.objects.filter(nik__isnull=False).values_list("nip", "nik"):
        parsed = parse_nik(nik, today=AS_OF)
        assert parsed.province == "61"  # Kalimantan Barat
        mismatched += not check_nip_nik(parse_nip(nip), parsed).ok
    assert mismatched == defects["nik_tanggal_lahir_beda_nip"]


def test_duplicate_looking_names_are_exactly_the_deliberate_ones():
    summary = _province()
    groups = Counter(Pegawai.objects.values_list("nama", "tanggal_lahir"))
    assert sum(count - 1 for count in groups.values()) == summary["defects"]["nama_kembar"]
    assert Pegawai.objects.values("nip").distinct().count() == 300


def test_rank_starts_by_ijazah_steps_every_four_years_and_stays_under_the_ceiling_but_for_the_defects():
    summary = _province()
    above_ceiling = 0
    for pegawai in _with_histories():
        ijazah = _ijazah_at_cpns(pegawai)
        steps = sorted(pegawai.riwayat_golongan.all(), key=lambda r: r.tmt)
        assert steps[0].jenis_kp == RiwayatGolongan.JenisKp.AWAL
        assert steps[0].tmt == pegawai.tmt_cpns
        assert golongan(steps[0].golongan.code) == starting_golongan(ijazah)
        for before, after in pairwise(steps):
            assert after.golongan.order == before.golongan.order + 1
            assert after.tmt >= anniversary(before.tmt, 4)
            assert is_kp_period(after.tmt)
        assert pegawai.golongan == steps[-1].golongan and pegawai.tmt_golongan == steps[-1].tmt
        over = golongan(pegawai.golongan.code) > max_golongan_reguler(ijazah)
        above_ceiling += over
        # The ceiling of the current (possibly later, higher) ijazah tells the same story.
        assert over == (golongan(pegawai.golongan.code) > max_golongan_reguler(pegawai.pendidikan))
    assert above_ceiling == summary["defects"]["golongan_melebihi_pendidikan"] == 1


def test_ujian_dinas_i_was_passed_before_every_step_into_golongan_iii_that_needed_it():
    _province()
    exempt = {Pendidikan.D4, Pendidikan.S1, Pendidikan.S2, Pendidikan.S3}
    needed = 0
    for pegawai in _with_histories().prefetch_related("sertifikat_ujian"):
        steps = {r.golongan.code: r.tmt for r in pegawai.riwayat_golongan.all()}
        if "II/d" not in steps or "III/a" not in steps:
            continue
        if pegawai.jabatan_fungsional_id or _ijazah_at_cpns(pegawai) in exempt:
            continue
        needed += 1
        (ujian,) = pegawai.sertifikat_ujian.all()
        assert ujian.jenis == SertifikatUjian.Jenis.UJIAN_DINAS_I
        assert anniversary(steps["II/d"], 2) <= ujian.tanggal_lulus < steps["III/a"]
    assert needed == SertifikatUjian.objects.count()


def test_about_54_percent_hold_a_functional_position_across_the_catalogue():
    summary = _province(n=2000, seed=3)
    functional = Pegawai.objects.filter(jenis_jabatan=JenisJabatan.FUNGSIONAL)
    assert functional.count() == summary["jenis_jabatan"]["fungsional"] == round(2000 * 5600 / 10334)
    assert 0.53 < functional.count() / 2000 < 0.55
    assert functional.values("jabatan_fungsional").distinct().count() == len(
        JF_BY_CODE
    )  # every JF has holders
    for code, jenjang, jabatan, pendidikan in functional.values_list(
        "jabatan_fungsional__code", "jenjang", "jabatan", "pendidikan"
    ):
        jf = JF_BY_CODE[code]
        assert jenjang in jf.jenjang
        assert jabatan.startswith(jf.base_name)
        if jf.kategori == "keahlian":
            assert pendidikan in {"D4", "S1", "S2", "S3"}
        else:
            assert pendidikan in {"SLTA", "D3"}
    eselon = summary["eselon"]
    assert (
        eselon["II.a"] + eselon["II.b"] < eselon["III.a"] + eselon["III.b"] < eselon["IV.a"] + eselon["IV.b"]
    )
    assert Pegawai.objects.exclude(eselon="").exclude(jenis_jabatan=JenisJabatan.STRUKTURAL).count() == 0


def test_one_skp_per_year_numeric_before_2022_and_a_predikat_from_2022():
    _province()
    for pegawai in _with_histories():
        rows = list(pegawai.riwayat_skp.all())
        years = [r.tahun for r in rows]
        assert len(years) == len(set(years)) and set(years) <= set(SKP_YEARS)
        for row in rows:
            if row.tahun < 2022:
                assert row.nilai is not None and row.predikat == ""
            else:
                assert row.nilai is None
                assert Predikat(row.predikat) in PREDIKAT_BY_REGIME[regime_for(row.tahun)]
        if pegawai.tmt_cpns <= dt.date(SKP_YEARS[0], 6, 30) and pegawai.status == Pegawai.Status.AKTIF:
            assert years == list(SKP_YEARS)


def test_current_state_on_the_pegawai_row_matches_the_latest_histories():
    _province(n=80)
    for pegawai in Pegawai.objects.all():
        state = current_state(pegawai)
        for name, value in state.items():
            assert getattr(pegawai, name) == value, (pegawai.nip, name)
    for start, end in RiwayatJabatan.objects.exclude(tmt_selesai=None).values_list("tmt", "tmt_selesai"):
        assert start <= end


def test_histories_are_complete():
    summary = _province()
    assert not Pegawai.objects.filter(riwayat_golongan=None).exists()
    assert not Pegawai.objects.filter(riwayat_jabatan=None).exists()
    assert not Pegawai.objects.filter(riwayat_pendidikan=None).exists()
    assert not Pegawai.objects.filter(riwayat_diklat=None).exists()
    assert (
        RiwayatAngkaKredit.objects.exclude(pegawai__jenis_jabatan=JenisJabatan.FUNGSIONAL)
        .exclude(pegawai__riwayat_jabatan__jenis=JenisJabatan.FUNGSIONAL)
        .count()
        == 0
    )
    assert 1 <= RiwayatHukdis.objects.count() <= 0.02 * 300
    assert RiwayatDiklat.objects.filter(jam=0).count() == 0
    married = Pegawai.objects.filter(status_kawin=Pegawai.StatusKawin.KAWIN)
    assert not married.filter(keluarga__hubungan__in=["suami", "istri"]).count() < married.count()
    for gender, hubungan in Keluarga.objects.exclude(hubungan=Keluarga.Hubungan.ANAK).values_list(
        "pegawai__jenis_kelamin", "hubungan"
    ):
        assert (gender, hubungan) in {("L", "istri"), ("P", "suami")}
    assert summary["status"]["cltn"] == 1 and summary["status"]["tugas_belajar"] == 2


def test_the_counts_the_dashboard_shows_are_those_reported():
    summary = _province()
    assert Pegawai.objects.count() == summary["pegawai"] == 300
    by_kind = Counter(Pegawai.objects.values_list("jenis_jabatan", flat=True))
    assert dict(by_kind) == {k: v for k, v in summary["jenis_jabatan"].items() if v}
    assert Pegawai.objects.filter(status=Pegawai.Status.AKTIF).count() == summary["status"]["aktif"]
    assert Pegawai.objects.filter(jenis_pegawai=Pegawai.Jenis.CPNS).count() == summary["cpns"]
    assert not Opd.objects.filter(pegawai=None).exists()  # every OPD has staff
    for model, key in (
        (RiwayatGolongan, "riwayat_golongan"),
        (RiwayatSkp, "riwayat_skp"),
        (RiwayatPendidikan, "riwayat_pendidikan"),
        (Keluarga, "keluarga"),
    ):
        assert model.objects.count() == summary[key]


def test_a_second_call_creates_nothing_and_one_audit_row_records_the_load():
    summary = _province(n=50)
    audit = AuditLog.objects.get(event="pegawai.demo_dimuat")
    assert audit.actor is None and audit.after["pegawai"] == 50
    assert audit.after["defects"] == summary["defects"]
    before = (Pegawai.objects.count(), RiwayatGolongan.objects.count(), AuditLog.objects.count())
    again = seed_demo_pegawai(50, 11)
    assert again["pegawai"] == 0 and again["riwayat_golongan"] == 0
    assert set(again["defects"].values()) == {0}
    assert (Pegawai.objects.count(), RiwayatGolongan.objects.count(), AuditLog.objects.count()) == before


def test_the_demo_logins_are_linked_to_pegawai_of_dinas_kesehatan():
    summary = _province(n=50)
    assert summary["akun_tertaut"] == 2
    doctor = Pegawai.objects.get(user__username="pegawai.dinkes")
    assert doctor.opd.short_name == "Dinkes" and doctor.jabatan_fungsional.code == "dokter"
    assert doctor.nama_lengkap == "dr. Andi Saputra"
    operator = Pegawai.objects.get(user__username="operator.dinkes")
    assert operator.opd.short_name == "Dinkes" and operator.jenis_jabatan == JenisJabatan.PELAKSANA


def test_loading_without_the_demo_instansi_is_refused_with_a_clear_message():
    with pytest.raises(ValueError, match="seed_minimal_demo"):
        seed_demo_pegawai(10, 1)
    seed_minimal_demo(holiday_years=[])
    assert seed_demo_pegawai(0, 1)["pegawai"] == 0
    assert not Pegawai.objects.exists()
