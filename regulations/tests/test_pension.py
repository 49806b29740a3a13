"""BUP and TMT pensiun (PP 11/2017 Pasal 239–240; TMT rule [ANEKA]; domain.md §4)."""

import json
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regulations.cli import main
from regulations.pension import BUP, PensionConfig, bup_for, pension
from regulations.ranks import Jabatan

BUP_TABLE = [
    ("pelaksana", 58, "PP 11/2017 Pasal 239(2)a"),
    ("pengawas", 58, "PP 11/2017 Pasal 239(2)a"),
    ("administrator", 58, "PP 11/2017 Pasal 239(2)a"),
    ("jf_keterampilan", 58, "PP 11/2017 Pasal 239(2)a"),
    ("jf_ahli_pertama", 58, "PP 11/2017 Pasal 239(2)a"),
    ("jf_ahli_muda", 58, "PP 11/2017 Pasal 239(2)a"),
    ("jpt_pratama", 60, "PP 11/2017 Pasal 239(2)b"),
    ("jpt_madya", 60, "PP 11/2017 Pasal 239(2)b"),
    ("jpt_utama", 60, "PP 11/2017 Pasal 239(2)b"),
    ("jf_ahli_madya", 60, "PP 11/2017 Pasal 239(2)b"),
    ("jf_ahli_utama", 65, "PP 11/2017 Pasal 239(2)c"),
    ("guru", 60, "PP 11/2017 Pasal 240 [LIP6]"),
    ("dosen", 65, "PP 11/2017 Pasal 240 [LIP6]"),
]


@pytest.mark.parametrize(("code", "age", "source"), BUP_TABLE, ids=[r[0] for r in BUP_TABLE])
def test_each_jabatan_retires_at_its_bup(code, age, source):
    assert bup_for(code) == age


def test_every_jabatan_has_a_bup():
    assert set(BUP) == set(Jabatan)


def test_pension_tmt_is_first_of_month_after_birthday():
    # [ANEKA]: "lahir bulan Mei → pensiun TMT 1 Juni".
    p = pension(date(1968, 5, 17), "pelaksana")
    assert (p.bup, p.bup_date, p.tmt) == (58, date(2026, 5, 17), date(2026, 6, 1))


def test_a_birthday_on_the_first_still_retires_the_month_after():
    # domain.md §4 states the rule by month, with no exception for the 1st.
    assert pension(date(1968, 5, 1), "pelaksana").tmt == date(2026, 6, 1)


def test_a_birthday_on_the_last_day_of_the_month_retires_the_next_day():
    assert pension(date(1968, 5, 31), "pelaksana").tmt == date(2026, 6, 1)


def test_a_december_birthday_retires_in_january_of_the_next_year():
    assert pension(date(1966, 12, 19), "jpt_pratama").tmt == date(2027, 1, 1)


def test_a_leap_day_birthday_retires_on_the_first_of_march():
    p = pension(date(1968, 2, 29), "pelaksana")
    assert (p.bup_date, p.tmt) == (date(2026, 2, 28), date(2026, 3, 1))


def test_the_bup_table_can_be_configured_per_instansi():
    config = PensionConfig(bup={**BUP, Jabatan.PELAKSANA: 60})
    assert pension(date(1966, 9, 19), "pelaksana", config).tmt == date(2026, 10, 1)


@given(st.dates(min_value=date(1940, 1, 1), max_value=date(2010, 12, 31)), st.sampled_from(list(Jabatan)))
def test_pension_tmt_is_always_a_first_of_month_strictly_after_the_bup_birthday(birth, position):
    p = pension(birth, position)
    assert p.tmt.day == 1
    assert p.tmt > p.bup_date
    # … and it is the very next month: the day before the TMT is in the birthday's month.
    before = p.tmt - timedelta(days=1)
    assert (before.year, before.month) == (p.bup_date.year, p.bup_date.month)
    assert p.bup_date.year - birth.year == p.bup


def test_pensiun_command_prints_bup_and_tmt(capsys):
    assert main(["pensiun", "--birth", "1966-09-19", "--jabatan", "pelaksana"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "jabatan": "pelaksana",
        "birth": "1966-09-19",
        "bup": 58,
        "bup_date": "2024-09-19",
        "tmt": "2024-10-01",
        "request_opens": "2022-10-01",
    }


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--birth", "19-09-1966", "--jabatan", "pelaksana"], "--birth harus tanggal"),
        (["--birth", "1966-09-19", "--jabatan", "camat"], "Jabatan 'camat' tidak dikenal"),
        (["--birth", "1966-09-19"], "Argumen tidak valid"),
    ],
)
def test_pensiun_command_rejects_bad_input(capsys, argv, message):
    assert main(["pensiun", *argv]) == 1
    assert message in json.loads(capsys.readouterr().out)["error"]


# A pension request opens 24 months before the TMT pensiun, which leaves 9 months before the
# pertek must be proposed 15 months ahead (Perban BKN 3/2020 Pasal 8 huruf i; domain.md §4).
def test_a_pension_request_opens_24_months_before_the_tmt():
    from regulations.pension import PERTEK_MONTHS_BEFORE, request_window

    result = pension(date(1968, 5, 10), "pelaksana")  # BUP 58 on 10 May 2026 → TMT 1 June 2026
    opens, last = request_window(result)
    assert (opens, last) == (date(2024, 6, 1), date(2026, 5, 31))
    assert PERTEK_MONTHS_BEFORE == 15
