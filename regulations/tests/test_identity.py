"""NIP (Perka BKN 22/2007) and NIK (UU 23/2006 jo UU 24/2013) parsing — domain.md §5.

Every number here is synthetic except BKN's own worked example "Amir" (19660801 198803 1 001).
"""

import json
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regulations.cli import main
from regulations.identity import (
    MIN_CPNS_AGE,
    Nik,
    Nip,
    check_nip_nik,
    make_nik,
    make_nip,
    parse_nik,
    parse_nip,
)
from regulations.reasons import RuleInputError

TODAY = date(2026, 11, 23)
AMIR = "196608011988031001"  # Perka BKN 22/2007 worked example [NIP]


# --- NIP layout, digit by digit (domain §5.1) --------------------------------------------------


@pytest.mark.parametrize(
    ("nip", "expected"),
    [
        pytest.param(AMIR, Nip(date(1966, 8, 1), (1988, 3), "L", 1), id="Perka BKN 22/2007: Amir, pria"),
        pytest.param(
            "198512312010122015", Nip(date(1985, 12, 31), (2010, 12), "P", 15), id="digit 15 = 2: wanita"
        ),
        pytest.param(
            "200002292019011999", Nip(date(2000, 2, 29), (2019, 1), "L", 999), id="sequence 999, leap day"
        ),
        pytest.param(
            "19660801 198803 1 001", Nip(date(1966, 8, 1), (1988, 3), "L", 1), id="printed grouping"
        ),
    ],
)
def test_nip_digits_are_birth_date_cpns_tmt_gender_and_sequence(nip, expected):
    assert parse_nip(nip) == expected


def test_nip_prints_back_as_its_digits_and_in_the_usual_grouping():
    nip = parse_nip(AMIR)
    assert str(nip) == AMIR
    assert nip.formatted == "19660801 198803 1 001"


@pytest.mark.parametrize(
    ("nip", "message"),
    [
        ("19660801198803100", "NIP harus 18 digit, bukan 17 digit"),
        ("1966080119880310011", "NIP harus 18 digit, bukan 19 digit"),
        ("", "NIP harus 18 digit, bukan 0 digit"),
        ("19660801-198803-1-001", "NIP hanya boleh berisi angka; ditemukan: '-'"),
        ("1966080119880310O1", "ditemukan: 'O'"),
        ("١٩٦٦٠٨٠١١٩٨٨٠٣١٠٠١", "hanya boleh berisi angka"),  # Arabic-Indic digits are not NIP digits
        ("196602301988031001", "Tanggal lahir pada NIP (digit 1–8) tidak valid: 30-02-1966"),
        ("196613011988031001", "Tanggal lahir pada NIP (digit 1–8) tidak valid"),
        ("196608011988131001", "Bulan TMT CPNS pada NIP (digit 13–14) harus 01–12, bukan 13"),
        ("196608011988001001", "bukan 00"),
        (
            "196608011988033001",
            "Kode jenis kelamin pada NIP (digit 15) harus 1 (laki-laki) atau 2 (perempuan), bukan 3",
        ),
        ("196608011988030001", "bukan 0"),
        ("196608011988031000", "Nomor urut pada NIP (digit 16–18) harus 001–999, bukan 000"),
        ("196608011965031001", "TMT CPNS pada NIP (1965-03) lebih awal dari tanggal lahir (1966-08-01)"),
        ("196608011984071001", "TMT CPNS pada NIP (1984-07) jatuh sebelum usia 18 tahun"),
    ],
)
def test_parse_nip_says_exactly_what_is_wrong(nip, message):
    with pytest.raises(RuleInputError) as caught:
        parse_nip(nip)
    assert message in caught.value.message


def test_parse_nip_rejects_a_number_that_is_not_text():
    with pytest.raises(RuleInputError, match="harus berupa teks angka"):
        parse_nip(196608011988031001)


def test_cpns_tmt_in_the_month_of_the_18th_birthday_is_accepted():
    # PP 11/2017 Pasal 23(1)a: 18 years is the lowest CPNS age; the NIP only knows the month.
    assert MIN_CPNS_AGE == 18
    assert parse_nip("196608011984081001").cpns_tmt == (1984, 8)


def test_a_lower_minimum_cpns_age_can_be_passed_for_legacy_data():
    assert parse_nip("196608011984071001", min_cpns_age=17).cpns_tmt == (1984, 7)


# --- NIK layout (domain §5.2) -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nik", "expected"),
    [
        pytest.param(
            "3515144508680002",
            Nik("35", "3515", "351514", date(1968, 8, 5), "P", 2),
            id="UU 23/2006: woman, day 45 = 5",
        ),
        pytest.param(
            "6171010512900001", Nik("61", "6171", "617101", date(1990, 12, 5), "L", 1), id="man, day as is"
        ),
        pytest.param(
            "1101024101000123", Nik("11", "1101", "110102", date(2000, 1, 1), "P", 123), id="day 41 = 1"
        ),
        pytest.param(
            "1101027112999999", Nik("11", "1101", "110102", date(1999, 12, 31), "P", 9999), id="day 71 = 31"
        ),
        pytest.param(
            "9471033101050010", Nik("94", "9471", "947103", date(2005, 1, 31), "L", 10), id="day 31, man"
        ),
    ],
)
def test_nik_digits_are_region_birth_date_with_women_plus_40_and_sequence(nik, expected):
    assert parse_nik(nik, today=TODAY) == expected


@pytest.mark.parametrize(
    ("birth_digits", "today", "born"),
    [
        pytest.param("231126", TODAY, date(2026, 11, 23), id="born today: this century"),
        pytest.param("241126", TODAY, date(1926, 11, 24), id="tomorrow in 2026 would be future: 1926"),
        pytest.param("010127", TODAY, date(1927, 1, 1), id="yy after this year: last century"),
        pytest.param("290200", TODAY, date(2000, 2, 29), id="29 Feb 2000 exists"),
        pytest.param("290200", date(2099, 12, 31), date(2000, 2, 29), id="2000 again from 2099"),
        pytest.param("290204", date(2003, 6, 1), date(1904, 2, 29), id="29 Feb 2004 future, 1904 leap"),
    ],
)
def test_nik_two_digit_year_is_the_latest_not_after_today(birth_digits, today, born):
    assert parse_nik(f"351514{birth_digits}0001", today=today).birth_date == born


@pytest.mark.parametrize(
    ("nik", "today", "message"),
    [
        ("351514450868000", TODAY, "NIK harus 16 digit, bukan 15 digit"),
        ("35151445086800021", TODAY, "NIK harus 16 digit, bukan 17 digit"),
        ("3515 1445 0868 000x", TODAY, "NIK hanya boleh berisi angka; ditemukan: 'x'"),
        ("0015144508680002", TODAY, "Kode provinsi (digit 1–2) pada NIK tidak boleh 00"),
        ("3500144508680002", TODAY, "Kode kabupaten/kota (digit 3–4) pada NIK tidak boleh 00"),
        ("3515004508680002", TODAY, "Kode kecamatan (digit 5–6) pada NIK tidak boleh 00"),
        ("3515140008680002", TODAY, "harus 01–31 (laki-laki) atau 41–71 (perempuan), bukan 00"),
        ("3515143208680002", TODAY, "bukan 32"),
        ("3515144008680002", TODAY, "bukan 40"),
        ("3515147208680002", TODAY, "bukan 72"),
        ("3515144500680002", TODAY, "Bulan lahir pada NIK (digit 9–10) harus 01–12, bukan 00"),
        ("3515144513680002", TODAY, "bukan 13"),
        ("3515144508680000", TODAY, "Nomor urut pada NIK (digit 13–16) harus 0001–9999, bukan 0000"),
        ("3515143102680002", TODAY, "Tanggal lahir pada NIK tidak valid: 31-02-68"),
        ("3515146902010002", TODAY, "29-02-01 bukan tanggal yang ada"),  # neither 2001 nor 1901 is leap
        ("3515142902000002", date(2000, 1, 1), "29-02-00"),  # 2000-02-29 is future, 1900 not leap
    ],
)
def test_parse_nik_says_exactly_what_is_wrong(nik, today, message):
    with pytest.raises(RuleInputError) as caught:
        parse_nik(nik, today=today)
    assert message in caught.value.message


# --- NIP against NIK -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nip", "nik", "codes"),
    [
        pytest.param("196808051990032002", "3515144508680002", [], id="same person"),
        pytest.param(
            "196808061990032002", "3515144508680002", ["nip_nik_tanggal_lahir_berbeda"], id="other birth date"
        ),
        pytest.param(
            "196808051990031002", "3515144508680002", ["nip_nik_jenis_kelamin_berbeda"], id="other gender"
        ),
        pytest.param(
            "196808061990031002",
            "3515144508680002",
            ["nip_nik_tanggal_lahir_berbeda", "nip_nik_jenis_kelamin_berbeda"],
            id="both differ",
        ),
    ],
)
def test_check_nip_nik_gives_a_reason_for_every_mismatch(nip, nik, codes):
    verdict = check_nip_nik(parse_nip(nip), parse_nik(nik, today=TODAY))
    assert verdict.ok is (not codes)
    assert [r.code for r in verdict.reasons] == codes
    assert all(r.message for r in verdict.reasons)


def test_check_nip_nik_names_both_dates_in_its_message():
    verdict = check_nip_nik(parse_nip("196808061990032002"), parse_nik("3515144508680002", today=TODAY))
    assert verdict.reasons[0].message == (
        "Tanggal lahir pada NIP (1968-08-06) berbeda dengan pada NIK (1968-08-05)."
    )


# --- generators --------------------------------------------------------------------------------


def test_make_nip_rebuilds_the_bkn_example():
    assert make_nip(date(1966, 8, 1), 1988, 3, "L", 1) == AMIR


def test_make_nik_accepts_local_or_cumulative_region_codes():
    assert make_nik("35", "15", "14", date(1968, 8, 5), "P", 2) == "3515144508680002"
    assert make_nik("35", "3515", "351514", date(1968, 8, 5), "P", 2) == "3515144508680002"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((date(1966, 8, 1), 1988, 3, "X", 1), "Jenis kelamin harus 'L' atau 'P'"),
        ((date(1966, 8, 1), 1988, 3, "L", 0), "Nomor urut NIP harus 1–999"),
        ((date(1966, 8, 1), 1988, 3, "L", 1000), "Nomor urut NIP harus 1–999"),
        ((date(1966, 8, 1), 1988, 13, "L", 1), "TMT CPNS tidak valid"),
        ((date(1966, 8, 1), 1980, 3, "L", 1), "sebelum usia 18 tahun"),
    ],
)
def test_make_nip_refuses_parts_that_cannot_form_a_nip(args, message):
    with pytest.raises(RuleInputError, match=message):
        make_nip(*args)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("35", "15", "14", date(1968, 8, 5), "W", 2), "Jenis kelamin"),
        (("3", "15", "14", date(1968, 8, 5), "P", 2), "Kode provinsi '3' tidak valid"),
        (
            ("35", "3615", "14", date(1968, 8, 5), "P", 2),
            "Kode kabupaten/kota '3615' tidak valid di bawah kode induk 35",
        ),
        (("35", "15", "00", date(1968, 8, 5), "P", 2), "Kode kecamatan '00' tidak valid"),
        (("35", "15", "14", date(1968, 8, 5), "P", 10000), "Nomor urut NIK harus 1–9999"),
    ],
)
def test_make_nik_refuses_parts_that_cannot_form_a_nik(args, message):
    with pytest.raises(RuleInputError, match=message):
        make_nik(*args)


# --- properties --------------------------------------------------------------------------------

GENDER = st.sampled_from(["L", "P"])


@st.composite
def nip_parts(draw):
    birth = draw(st.dates(date(1940, 1, 1), date(2008, 12, 31)))
    first = birth.year * 12 + birth.month - 1 + 12 * MIN_CPNS_AGE  # month index of the 18th birthday
    tmt = draw(st.integers(first, first + 12 * 40))
    return birth, tmt // 12, tmt % 12 + 1, draw(GENDER), draw(st.integers(1, 999))


@given(nip_parts())
def test_a_generated_nip_parses_back_to_its_parts(parts):
    birth, year, month, gender, sequence = parts
    nip = make_nip(*parts)
    assert parse_nip(nip) == Nip(birth, (year, month), gender, sequence)
    assert str(parse_nip(nip)) == nip
    assert parse_nip(parse_nip(nip).formatted) == parse_nip(nip)


REGION = st.integers(1, 99).map("{:02d}".format)


@given(
    province=REGION,
    regency=REGION,
    district=REGION,
    birth=st.dates(date(1900, 1, 1), date(2100, 12, 31)),
    age_days=st.integers(0, 36_000),  # under 100 years, so the two-digit year is unambiguous
    gender=GENDER,
    sequence=st.integers(1, 9999),
)
def test_a_generated_nik_parses_back_to_its_parts(
    province, regency, district, birth, age_days, gender, sequence
):
    nik = make_nik(province, regency, district, birth, gender, sequence)
    parsed = parse_nik(nik, today=birth + timedelta(days=age_days))
    assert parsed == Nik(province, province + regency, province + regency + district, birth, gender, sequence)
    assert str(parsed) == nik


@given(st.text(alphabet="0123456789", min_size=18, max_size=18))
def test_any_18_digits_either_parse_as_a_nip_or_raise_rule_input_error(digits):
    try:
        nip = parse_nip(digits)
    except RuleInputError as exc:
        assert exc.message
    else:
        assert str(nip) == digits


@given(st.text(alphabet="0123456789", min_size=16, max_size=16))
def test_any_16_digits_either_parse_as_a_nik_or_raise_rule_input_error(digits):
    try:
        nik = parse_nik(digits, today=TODAY)
    except RuleInputError as exc:
        assert exc.message
    else:
        assert str(nik) == digits
        assert nik.birth_date <= TODAY


# --- CLI -----------------------------------------------------------------------------------------


def run(capsys, *argv):
    code = main(list(argv))
    return code, json.loads(capsys.readouterr().out)


def test_cli_nip_prints_the_parts(capsys):
    assert run(capsys, "nip", AMIR) == (
        0,
        {"birth_date": "1966-08-01", "cpns_tmt": "1988-03", "gender": "L", "sequence": 1},
    )


def test_cli_nik_prints_cumulative_region_codes_as_strings(capsys):
    assert run(capsys, "nik", "3515144508680002", "--today", "2026-11-23") == (
        0,
        {
            "province": "35",
            "regency": "3515",
            "district": "351514",
            "birth_date": "1968-08-05",
            "gender": "P",
            "sequence": 2,
        },
    )


def test_cli_nik_with_nip_adds_the_cross_check(capsys):
    code, out = run(capsys, "nik", "3515144508680002", "--today", "2026-11-23", "--nip", "196808051990031002")
    assert code == 0
    assert out["nip_check"]["ok"] is False
    assert [r["code"] for r in out["nip_check"]["reasons"]] == ["nip_nik_jenis_kelamin_berbeda"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["nip", "12345"], "NIP harus 18 digit, bukan 5 digit."),
        (["nip"], "Berikan NIP 18 digit"),
        (["nik", "3515144508680002"], "--today YYYY-MM-DD"),
        (["nik", "3515144508680002", "--today", "23-11-2026"], "--today harus tanggal ISO"),
        (["nik", "3515144508680002", "--today", "2026-11-23", "--nip", "1"], "NIP harus 18 digit"),
    ],
)
def test_cli_identity_commands_reject_bad_input_with_exit_1(capsys, argv, message):
    code, out = run(capsys, *argv)
    assert code == 1
    assert message in out["error"]
