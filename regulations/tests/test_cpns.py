"""CPNS applicant screening (regulations.cpns) — domain.md §12: PP 11/2017 Pasal 23(1) and
the BKD Kalimantan Barat announcement (seed S000)."""

import dataclasses
import json
from datetime import date

import pytest

from regulations.cli import main
from regulations.cpns import (
    CONFIG_FIELDS,
    CpnsApplicant,
    CpnsConfig,
    completed_years,
    screen_cpns,
)
from regulations.reasons import RuleInputError

REGISTERED = date(2026, 11, 23)
KB = 1024


def applicant(**changes):
    base = {
        "birth_date": date(2000, 5, 17),
        "registered_on": REGISTERED,
        "photo_bytes": 150 * KB,
        "selfie_bytes": 150 * KB,
        "ipk": 3.60,
        "in_province": False,
        "formation": "Analis Kepegawaian Ahli Pertama",
        "other_applications": 0,
    }
    return CpnsApplicant(**(base | changes))


def codes(screening):
    return [r.code for r in screening.verdict.reasons]


def test_an_applicant_meeting_every_condition_passes_without_reasons():
    screening = screen_cpns(applicant())
    assert screening.verdict.ok
    assert screening.verdict.reasons == ()
    assert (screening.age_years, screening.max_age, screening.ipk_minimum) == (26, 35, 3.50)


# --- age: PP 11/2017 Pasal 23(1)a, "pada saat pelamar mendaftar secara online" (S000 no. 2) ------


@pytest.mark.parametrize(
    ("birth_date", "failures"),
    [
        pytest.param(
            date(2008, 11, 24), ["usia_kurang"], id="PP 11/2017 23(1)a: 17 years 364 days is too young"
        ),
        pytest.param(date(2008, 11, 23), [], id="PP 11/2017 23(1)a: 18th birthday is old enough"),
        pytest.param(date(1991, 11, 23), [], id="PP 11/2017 23(1)a: 35th birthday is still allowed"),
        pytest.param(date(1990, 11, 23), ["usia_lebih"], id="PP 11/2017 23(1)a: 36th birthday is too old"),
        pytest.param(date(1968, 8, 5), ["usia_lebih"], id="PP 11/2017 23(1)a: 58 is too old"),
    ],
)
def test_age_must_be_18_to_35_on_the_registration_day(birth_date, failures):
    assert codes(screen_cpns(applicant(birth_date=birth_date))) == failures


def test_the_age_reasons_name_the_limit_the_dates_and_the_regulation():
    (reason,) = screen_cpns(applicant(birth_date=date(1990, 11, 23))).verdict.reasons
    assert reason.message == (
        "Pada 2026-11-23 pelamar telah melewati usia 35 tahun (lahir 1990-11-23); "
        "PP 11/2017 Pasal 23 ayat (1) huruf a."
    )


@pytest.mark.parametrize(
    ("completed", "failures"),
    [
        pytest.param(True, [], id="UNCONFIRMED reading 1: 35 completed years is 35"),
        pytest.param(
            False, ["usia_lebih"], id="UNCONFIRMED reading 2: the day after the 35th birthday is over 35"
        ),
    ],
)
def test_thirty_five_and_a_half_depends_on_the_configured_reading(completed, failures):
    config = CpnsConfig(age_in_completed_years=completed)
    assert codes(screen_cpns(applicant(birth_date=date(1991, 5, 23)), config)) == failures


def test_strict_reading_still_accepts_the_35th_birthday_itself():
    config = CpnsConfig(age_in_completed_years=False)
    assert codes(screen_cpns(applicant(birth_date=date(1991, 11, 23)), config)) == []
    assert codes(screen_cpns(applicant(birth_date=date(1991, 11, 22)), config)) == ["usia_lebih"]


def test_a_named_formation_may_have_a_higher_limit_as_configured():
    # PP 11/2017 Pasal 23: "jabatan tertentu" up to 40; which formations is set per selection.
    config = CpnsConfig(formation_max_age={"Dokter Spesialis": 40})
    born = date(1988, 4, 10)  # 38 on the registration day
    screening = screen_cpns(applicant(formation="  dokter   SPESIALIS ", birth_date=born), config)
    assert screening.verdict.ok
    assert screening.max_age == 40
    assert codes(screen_cpns(applicant(birth_date=born), config)) == ["usia_lebih"]


def test_the_formation_reason_says_which_limit_applied():
    config = CpnsConfig(formation_max_age={"dokter spesialis": 40})
    screening = screen_cpns(applicant(formation="Dokter Spesialis", birth_date=date(1980, 1, 1)), config)
    assert "melewati usia 40 tahun untuk formasi Dokter Spesialis" in screening.verdict.reasons[0].message


def test_someone_born_on_29_february_turns_a_year_older_on_1_march():
    assert completed_years(date(2008, 2, 29), date(2026, 2, 28)) == 17
    assert completed_years(date(2008, 2, 29), date(2026, 3, 1)) == 18


# --- IPK by origin: S000 persyaratan 12–13 (Kalbar; configurable) -------------------------------


@pytest.mark.parametrize(
    ("ipk", "in_province", "minimum", "failures"),
    [
        pytest.param(3.50, False, 3.50, [], id="S000 no. 12: outside province, 3.50 is enough"),
        pytest.param(3.49, False, 3.50, ["ipk_kurang"], id="S000 no. 12: outside province, 3.49 fails"),
        pytest.param(2.50, True, 2.50, [], id="S000 no. 13: inside province, 2.50 is enough"),
        pytest.param(2.49, True, 2.50, ["ipk_kurang"], id="S000 no. 13: inside province, 2.49 fails"),
        pytest.param(None, None, None, [], id="no degree, no IPK rule"),
    ],
)
def test_ipk_threshold_depends_on_where_the_applicant_comes_from(ipk, in_province, minimum, failures):
    screening = screen_cpns(applicant(ipk=ipk, in_province=in_province))
    assert codes(screening) == failures
    assert screening.ipk_minimum == minimum


def test_ipk_reason_uses_indonesian_decimal_commas():
    (reason,) = screen_cpns(applicant(ipk=3.2, in_province=False)).verdict.reasons
    assert reason.message == "IPK 3,20 di bawah minimal 3,50 untuk pelamar dari luar provinsi."


def test_an_instansi_can_set_its_own_ipk_thresholds():
    config = CpnsConfig(ipk_min_in_province=3.00, ipk_min_outside_province=3.25)
    assert codes(screen_cpns(applicant(ipk=2.75, in_province=True), config)) == ["ipk_kurang"]
    assert codes(screen_cpns(applicant(ipk=3.25, in_province=False), config)) == []


# --- one application per period: S000 persyaratan 11 ------------------------------------------


@pytest.mark.parametrize(("others", "failures"), [(0, []), (1, ["lamaran_ganda"]), (3, ["lamaran_ganda"])])
def test_only_one_application_per_registration_period(others, failures):
    assert codes(screen_cpns(applicant(other_applications=others))) == failures


# --- photos 120–200 KB: S000 tata cara 2 (pas foto) and 4 (swafoto) ----------------------------


@pytest.mark.parametrize(
    ("size", "ok"),
    [
        pytest.param(120 * KB - 1, False, id="S000: one byte under 120 KB"),
        pytest.param(120 * KB, True, id="S000: exactly 120 KB"),
        pytest.param(200 * KB, True, id="S000: exactly 200 KB"),
        pytest.param(200 * KB + 1, False, id="S000: one byte over 200 KB"),
    ],
)
def test_pas_foto_and_swafoto_must_each_be_120_to_200_kb(size, ok):
    assert codes(screen_cpns(applicant(photo_bytes=size))) == ([] if ok else ["pas_foto_ukuran"])
    assert codes(screen_cpns(applicant(selfie_bytes=size))) == ([] if ok else ["swafoto_ukuran"])


def test_a_swafoto_not_yet_uploaded_is_not_checked():
    assert screen_cpns(applicant(selfie_bytes=None)).verdict.ok


def test_kilobytes_can_be_configured_as_1000_bytes():
    assert codes(screen_cpns(applicant(photo_bytes=119_000), CpnsConfig(bytes_per_kb=1000))) == [
        "pas_foto_ukuran"
    ]
    assert screen_cpns(applicant(photo_bytes=120_000), CpnsConfig(bytes_per_kb=1000)).verdict.ok
    assert codes(screen_cpns(applicant(photo_bytes=120_000))) == ["pas_foto_ukuran"]  # 117,19 KB of 1024


# --- every failure at once --------------------------------------------------------------------


def test_every_failed_condition_gets_its_own_reason():
    screening = screen_cpns(
        applicant(
            birth_date=date(1980, 1, 1),
            ipk=2.0,
            in_province=True,
            other_applications=1,
            photo_bytes=50 * KB,
            selfie_bytes=300 * KB,
        )
    )
    assert not screening.verdict.ok
    assert codes(screening) == [
        "usia_lebih",
        "ipk_kurang",
        "lamaran_ganda",
        "pas_foto_ukuran",
        "swafoto_ukuran",
    ]
    assert screening.verdict.reasons[3].message == "Ukuran pas foto 50,00 KB; harus 120–200 KB."


# --- input validation -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"birth_date": date(2027, 1, 1)}, "Tanggal lahir tidak boleh sesudah tanggal pendaftaran"),
        ({"ipk": 4.01}, "IPK harus antara 0,00 dan 4,00"),
        ({"ipk": -0.5}, "IPK harus antara 0,00 dan 4,00"),
        ({"in_province": None}, "Asal pelamar"),
        ({"photo_bytes": -1}, "tidak boleh negatif"),
        ({"other_applications": -1}, "tidak boleh negatif"),
    ],
)
def test_impossible_applications_are_rejected(changes, message):
    with pytest.raises(RuleInputError, match=message):
        applicant(**changes)


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"max_age": 17}, "Batas usia paling tinggi"),
        ({"formation_max_age": {"dosen": 10}}, "Batas usia paling tinggi"),
        ({"ipk_min_in_province": 4.5}, "Batas IPK"),
        ({"photo_min_kb": 300}, "Batas ukuran foto"),
        ({"bytes_per_kb": 512}, "1000 atau 1024"),
    ],
)
def test_an_impossible_configuration_is_rejected(settings, message):
    with pytest.raises(RuleInputError, match=message):
        CpnsConfig(**settings)


def test_every_config_field_can_be_set_from_the_cli():
    assert CONFIG_FIELDS.keys() == {f.name for f in dataclasses.fields(CpnsConfig)}


# --- CLI --------------------------------------------------------------------------------------


def run(capsys, payload):
    code = main(["cpns", json.dumps(payload)])
    return code, json.loads(capsys.readouterr().out)


def test_cli_cpns_reports_verdict_age_and_thresholds(capsys):
    code, out = run(
        capsys,
        {
            "birth_date": "2000-05-17",
            "registered_on": "2026-11-23",
            "photo_bytes": 153600,
            "ipk": 3.1,
            "in_province": True,
        },
    )
    assert code == 0
    assert out == {"ok": True, "reasons": [], "age_years": 26, "max_age": 35, "ipk_minimum": 2.5}


def test_cli_cpns_takes_the_birth_date_from_a_nik_and_a_config(capsys):
    code, out = run(
        capsys,
        {
            "nik": "6171015705000001",  # synthetic: woman born 17 May 2000
            "registered_on": "2026-11-23",
            "photo_bytes": 100000,
            "selfie_bytes": None,
            "formation": "Dosen",
            "config": {"max_age": 25, "formation_max_age": {"dosen": 40}, "bytes_per_kb": 1000},
        },
    )
    assert code == 0
    assert out["age_years"] == 26
    assert out["max_age"] == 40
    assert [r["code"] for r in out["reasons"]] == ["pas_foto_ukuran"]


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"birth_date": "2000-05-17", "photo_bytes": 153600}, "Kolom wajib belum diisi: registered_on"),
        ({"registered_on": "2026-11-23", "photo_bytes": 153600}, "tepat satu dari 'birth_date' atau 'nik'"),
        (
            {
                "birth_date": "2000-05-17",
                "nik": "6171015705000001",
                "registered_on": "2026-11-23",
                "photo_bytes": 1,
            },
            "tepat satu",
        ),
        (
            {"birth_date": "17-05-2000", "registered_on": "2026-11-23", "photo_bytes": 1},
            "Kolom 'birth_date' harus tanggal ISO",
        ),
        (
            {"birth_date": "2000-05-17", "registered_on": "2026-11-23", "photo_bytes": "150kb"},
            "Kolom 'photo_bytes' harus bilangan bulat",
        ),
        (
            {
                "birth_date": "2000-05-17",
                "registered_on": "2026-11-23",
                "photo_bytes": 1,
                "in_province": 1,
                "ipk": 3,
            },
            "'in_province' harus true/false",
        ),
        (
            {"birth_date": "2000-05-17", "registered_on": "2026-11-23", "photo_bytes": 1, "ipk": True},
            "'ipk' harus angka",
        ),
        (
            {"birth_date": "2000-05-17", "registered_on": "2026-11-23", "photo_bytes": 1, "umur": 26},
            "Kolom tidak dikenal: umur",
        ),
        (
            {
                "birth_date": "2000-05-17",
                "registered_on": "2026-11-23",
                "photo_bytes": 1,
                "config": {"max_umur": 40},
            },
            "Kolom config tidak dikenal: max_umur",
        ),
        (
            {
                "birth_date": "2000-05-17",
                "registered_on": "2026-11-23",
                "photo_bytes": 1,
                "config": {"max_age": "40"},
            },
            "Kolom 'config.max_age' harus bilangan bulat",
        ),
        ({"nik": "61710157050000", "registered_on": "2026-11-23", "photo_bytes": 1}, "NIK harus 16 digit"),
    ],
)
def test_cli_cpns_rejects_bad_input_with_an_indonesian_message(capsys, payload, message):
    code, out = run(capsys, payload)
    assert code == 1
    assert message in out["error"]
