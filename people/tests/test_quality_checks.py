"""Each data-quality check finds exactly the defect it targets, and nothing on clean data."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError

from people.models import RiwayatGolongan
from people.quality.queries import Context, JabatanSpan, findings_for, load_records
from people.records.actions import do_update_pegawai
from people.tests.quality_people import add_golongan, attach_scan, clean_pegawai
from regulations.identity import make_nik

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_media")]

TODAY = dt.date(2026, 11, 23)  # the SKP checked is the one for 2025


def clean(opd, **kwargs):
    return clean_pegawai(opd, today=TODAY, **kwargs)


def record_of(pegawai):
    return next(r for r in load_records([pegawai.opd_id], today=TODAY) if r.pk == pegawai.pk)


def findings(pegawai):
    return findings_for(record_of(pegawai), Context(TODAY))


def codes(pegawai) -> list[str]:
    return [f.code for f in findings(pegawai)]


def test_a_consistent_employee_has_no_finding(cast):
    assert codes(clean(cast.opd_a)) == []


def test_an_invalid_nip_structure_is_reported_with_the_reason(cast):
    pegawai = clean(cast.opd_a)
    do_update_pegawai(pegawai, changes={"nip": "198505172010131001"}, actor=None)  # TMT month 13
    [finding] = findings(pegawai)
    assert (finding.code, finding.severity) == ("nip_tidak_valid", "berat")
    assert "198505172010131001" in finding.message and "Bulan TMT CPNS" in finding.message


def test_a_nik_with_another_birth_date_than_the_nip_is_a_mismatch(cast):
    pegawai = clean(cast.opd_a, birth=dt.date(1985, 5, 17))
    nik = make_nik("61", "71", "01", dt.date(1985, 5, 27), "L", 4321)
    do_update_pegawai(pegawai, changes={"nik": nik}, actor=None)
    [finding] = findings(pegawai)
    assert finding.code == "nip_nik_tidak_cocok"
    assert "1985-05-17" in finding.message and "1985-05-27" in finding.message


def test_a_nik_with_another_gender_than_the_nip_is_a_mismatch(cast):
    pegawai = clean(cast.opd_a, birth=dt.date(1985, 5, 17), gender="L")
    nik = make_nik("61", "71", "01", dt.date(1985, 5, 17), "P", 4322)
    do_update_pegawai(pegawai, changes={"nik": nik}, actor=None)
    assert codes(pegawai) == ["nip_nik_tidak_cocok"]
    assert "Jenis kelamin" in findings(pegawai)[0].message


def test_a_birth_date_on_the_record_other_than_the_nips_is_reported(cast):
    pegawai = clean(cast.opd_a, birth=dt.date(1985, 5, 17))
    do_update_pegawai(pegawai, changes={"tanggal_lahir": dt.date(1985, 7, 17)}, actor=None)
    [finding] = findings(pegawai)
    assert finding.code == "data_beda_nip"
    assert "1985-07-17" in finding.message and "1985-05-17" in finding.message


def test_a_gender_on_the_record_other_than_the_nips_is_reported(cast):
    pegawai = clean(cast.opd_a, gender="L")
    do_update_pegawai(pegawai, changes={"jenis_kelamin": "P"}, actor=None)
    assert codes(pegawai) == ["data_beda_nip"]


def test_a_missing_nik_is_reported(cast):
    pegawai = clean(cast.opd_a)
    do_update_pegawai(pegawai, changes={"nik": None}, actor=None)
    [finding] = findings(pegawai)
    assert (finding.code, finding.severity) == ("nik_kosong", "sedang")


def test_the_database_refuses_a_duplicate_nik_so_the_check_is_a_guard(cast):
    first = clean(cast.opd_a)
    second = clean(cast.opd_b)
    with pytest.raises(IntegrityError):
        second.nik = first.nik
        second.save(update_fields=["nik"])


def test_a_shared_nik_is_reported_on_the_record(cast):
    record = record_of(clean(cast.opd_a))
    record.duplicate_nik = 1  # as _mark_duplicates sets it for data loaded around the constraint
    [finding] = findings_for(record, Context(TODAY))
    assert (finding.code, finding.severity) == ("nik_ganda", "berat")
    assert record.nik in finding.message


def test_the_later_of_two_employees_with_the_same_name_birth_date_and_gender_is_a_likely_duplicate(cast):
    same = {"nama": "Siti Rahma", "birth": dt.date(1990, 2, 3), "gender": "P"}
    original = clean(cast.opd_a, **same)
    copy = clean(cast.opd_b, **same, cpns=dt.date(2014, 3, 1))
    assert codes(original) == []
    assert codes(copy) == ["pegawai_kembar"]


def test_a_rank_above_the_ijazah_ceiling_by_kp_reguler_is_reported(cast):
    pegawai = clean(
        cast.opd_a, pendidikan="SLTA", golongan="II/a", birth=dt.date(1978, 4, 2), cpns=dt.date(2000, 3, 1)
    )
    add_golongan(pegawai, "III/c", dt.date(2016, 4, 1), RiwayatGolongan.JenisKp.REGULER)
    [finding] = findings(pegawai)
    assert (finding.code, finding.fix_tab) == ("golongan_melebihi_pendidikan", "golongan")
    assert "III/c" in finding.message and "III/b" in finding.message and "SLTA" in finding.message


def test_a_rank_above_the_ceiling_by_kp_pilihan_is_allowed(cast):
    pegawai = clean(
        cast.opd_a, pendidikan="SLTA", golongan="II/a", birth=dt.date(1978, 4, 2), cpns=dt.date(2000, 3, 1)
    )
    add_golongan(pegawai, "III/c", dt.date(2016, 4, 1), RiwayatGolongan.JenisKp.PILIHAN)
    assert codes(pegawai) == []


def test_a_rank_step_that_takes_effect_before_the_step_below_it_is_out_of_order(cast):
    pegawai = clean(cast.opd_a, golongan="III/a", cpns=dt.date(2010, 3, 1))
    add_golongan(pegawai, "III/b", dt.date(2010, 3, 1), RiwayatGolongan.JenisKp.REGULER)
    [finding] = findings(pegawai)
    assert (finding.code, finding.fix_tab) == ("riwayat_tidak_berurutan", "golongan")
    assert "III/b" in finding.message and "III/a" in finding.message


def test_a_position_ending_before_it_starts_is_out_of_order(cast):
    # The database refuses such a row (jabatan_ends_after_start); the check guards older data.
    record = record_of(clean(cast.opd_a))
    record.jabatan.append(JabatanSpan("Analis", dt.date(2015, 1, 1), dt.date(2014, 1, 1)))
    [finding] = findings_for(record, Context(TODAY))
    assert (finding.code, finding.fix_tab) == ("riwayat_tidak_berurutan", "jabatan")
    assert "2014-01-01" in finding.message


def test_a_tmt_cpns_before_the_eighteenth_birthday_is_reported(cast):
    # A valid NIP cannot encode it, so the record also disagrees with its NIP.
    pegawai = clean(cast.opd_a, birth=dt.date(1985, 5, 17), cpns=dt.date(2010, 3, 1))
    do_update_pegawai(pegawai, changes={"tmt_cpns": dt.date(2002, 3, 1)}, actor=None)
    assert sorted(codes(pegawai)) == ["cpns_di_bawah_umur", "data_beda_nip"]
    finding = next(f for f in findings(pegawai) if f.code == "cpns_di_bawah_umur")
    assert "2002-03-01" in finding.message and "18" in finding.message


def test_a_missing_skp_for_last_year_is_reported_for_active_employees_only(cast):
    without = clean(cast.opd_a, skp=False)
    [finding] = findings(without)
    assert (finding.code, finding.severity, finding.fix_tab) == ("skp_tahun_lalu_kosong", "ringan", "skp")
    assert "2025" in finding.message
    away = clean(cast.opd_a, skp=False, nama="Tugas Belajar", status="tugas_belajar")
    new = clean(
        cast.opd_a, skp=False, nama="Baru Diangkat", cpns=dt.date(2025, 9, 1), birth=dt.date(2000, 1, 5)
    )
    assert codes(away) == codes(new) == []


def test_missing_scans_of_the_current_rank_and_position_decrees_are_reported(cast):
    pegawai = clean(cast.opd_a, scans=False)
    found = findings(pegawai)
    assert [(f.code, f.severity, f.fix_tab) for f in found] == [
        ("pindaian_sk_kosong", "ringan", "golongan"),
        ("pindaian_sk_kosong", "ringan", "jabatan"),
    ]
    assert "III/a" in found[0].message and "Analis Kepegawaian" in found[1].message
    attach_scan(pegawai.riwayat_golongan.get(), "sk_pangkat")
    attach_scan(pegawai.riwayat_jabatan.get(), "sk_jabatan")
    assert codes(pegawai) == []


def test_only_the_current_decree_needs_its_scan(cast):
    pegawai = clean(cast.opd_a, scans=False, golongan="III/a", cpns=dt.date(2010, 3, 1))
    attach_scan(pegawai.riwayat_jabatan.get(), "sk_jabatan")
    add_golongan(pegawai, "III/b", dt.date(2014, 4, 1), RiwayatGolongan.JenisKp.REGULER)
    assert codes(pegawai) == []  # III/a's SK has no scan, but III/b is the current rank
    add_golongan(pegawai, "III/c", dt.date(2018, 4, 1), RiwayatGolongan.JenisKp.REGULER, scan=False)
    assert codes(pegawai) == ["pindaian_sk_kosong"]
