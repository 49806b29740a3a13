"""Office-hours SLA arithmetic (regulations.sla).

Hours come from the seeds' Standar Pelayanan (S001, S004, section D); the holiday sets are
real 2026 dates (public + cuti bersama, as the `holidays` package 0.109 lists them), typed in
as frozensets because the rules never fetch holidays themselves.
"""

import json
import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regulations.cli import main
from regulations.reasons import RuleInputError
from regulations.sla import (
    DEFAULT_OFFICE_HOURS,
    OfficeCalendar,
    OfficeClock,
    OfficeDay,
    add_working_time,
    counted_working_days,
    due_calendar_hours,
    due_working_days,
    is_overdue,
    working_time_between,
)

WIB, WITA, WIT = ZoneInfo("Asia/Jakarta"), ZoneInfo("Asia/Makassar"), ZoneInfo("Asia/Jayapura")

# Nyepi and Idul Fitri 2026 with their cuti bersama: Wed 18 March to Tue 24 March.
IDUL_FITRI_2026 = frozenset(date(2026, 3, d) for d in (18, 19, 20, 21, 22, 23, 24))
# Waisak (Sun 31 May) and Hari Lahir Pancasila (Mon 1 June) 2026: a long weekend after Fri 29 May.
PANCASILA_2026 = frozenset({date(2026, 5, 31), date(2026, 6, 1)})


def calendar(holidays=frozenset(), tz="Asia/Jakarta"):
    return OfficeCalendar(DEFAULT_OFFICE_HOURS, holidays, tz)


def wib(*args):
    return datetime(*args, tzinfo=WIB)


# --- the default hours, row by row -----------------------------------------------------------


@pytest.mark.parametrize(
    ("weekday", "opens", "closes", "break_start", "break_end"),
    [
        pytest.param(
            0,
            time(8),
            time(15, 30),
            time(11, 30),
            time(13),
            id="S001/S004 D: Senin 08.00-15.30, istirahat 11.30-13.00",
        ),
        pytest.param(
            1,
            time(8),
            time(15, 30),
            time(11, 30),
            time(13),
            id="S001/S004 D: Selasa 08.00-15.30, istirahat 11.30-13.00",
        ),
        pytest.param(
            2,
            time(8),
            time(15, 30),
            time(11, 30),
            time(13),
            id="S001/S004 D: Rabu 08.00-15.30, istirahat 11.30-13.00",
        ),
        pytest.param(
            3,
            time(8),
            time(15, 30),
            time(11, 30),
            time(13),
            id="S001/S004 D: Kamis 08.00-15.30, istirahat 11.30-13.00",
        ),
        pytest.param(
            4,
            time(8, 30),
            time(15, 30),
            time(11),
            time(13),
            id="S001/S004 D: Jumat 08.30-15.30, istirahat 11.00-13.00",
        ),
    ],
)
def test_default_office_hours_follow_the_standar_pelayanan(weekday, opens, closes, break_start, break_end):
    assert DEFAULT_OFFICE_HOURS[weekday] == OfficeDay(opens, closes, break_start, break_end)


@pytest.mark.parametrize("weekday", [5, 6], ids=["Sabtu", "Minggu"])
def test_office_is_closed_on_weekends(weekday):
    assert weekday not in DEFAULT_OFFICE_HOURS


@pytest.mark.parametrize(
    ("day", "hours"),
    [
        (date(2026, 3, 16), 6.0),  # Monday: 3.5 h before the break + 2.5 h after
        (date(2026, 3, 13), 5.0),  # Friday: 2.5 h + 2.5 h
        (date(2026, 3, 14), 0.0),  # Saturday
        (date(2026, 3, 19), 0.0),  # Nyepi, a Thursday holiday
    ],
)
def test_a_whole_day_holds_its_office_time_without_the_break(day, hours):
    cal = calendar(IDUL_FITRI_2026)
    start = datetime.combine(day, time(0), tzinfo=WIB)
    assert working_time_between(start, start + timedelta(days=1), cal) == timedelta(hours=hours)


def test_working_periods_are_the_two_stretches_around_the_break_in_the_calendar_zone():
    cal = calendar(tz="Asia/Makassar")
    monday = date(2026, 3, 16)
    assert cal.working_periods(monday) == [
        (datetime(2026, 3, 16, 8, 0, tzinfo=WITA), datetime(2026, 3, 16, 11, 30, tzinfo=WITA)),
        (datetime(2026, 3, 16, 13, 0, tzinfo=WITA), datetime(2026, 3, 16, 15, 30, tzinfo=WITA)),
    ]
    assert cal.working_periods(date(2026, 3, 14)) == []


def test_a_holiday_is_not_a_working_day_even_on_a_weekday():
    cal = calendar(IDUL_FITRI_2026)
    assert not cal.is_working_day(date(2026, 3, 18))
    assert cal.is_working_day(date(2026, 3, 17))


# --- due dates in working days ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "days", "holidays", "due"),
    [
        # The Friday before the Nyepi/Idul Fitri break: a minute before closing counts Friday.
        pytest.param(
            wib(2026, 3, 13, 15, 29), 5, IDUL_FITRI_2026, wib(2026, 3, 26, 15, 30), id="fri-15:29-idul-fitri"
        ),
        pytest.param(
            wib(2026, 3, 13, 15, 30),
            5,
            IDUL_FITRI_2026,
            wib(2026, 3, 27, 15, 30),
            id="fri-15:30-exactly-closing",
        ),
        pytest.param(
            wib(2026, 3, 13, 15, 31), 5, IDUL_FITRI_2026, wib(2026, 3, 27, 15, 30), id="fri-15:31-idul-fitri"
        ),
        # Friday 29 May 2026 before Waisak (Sun) + Hari Lahir Pancasila (Mon).
        pytest.param(
            wib(2026, 5, 29, 15, 29), 1, PANCASILA_2026, wib(2026, 5, 29, 15, 30), id="fri-15:29-pancasila"
        ),
        pytest.param(
            wib(2026, 5, 29, 15, 31), 1, PANCASILA_2026, wib(2026, 6, 2, 15, 30), id="fri-15:31-pancasila"
        ),
        # The last working day before the seven closed days, 4 days (S004 UD/UPKP) and 1 day (S001).
        pytest.param(
            wib(2026, 3, 17, 10, 0),
            4,
            IDUL_FITRI_2026,
            wib(2026, 3, 27, 15, 30),
            id="tue-before-break-4-days",
        ),
        pytest.param(
            wib(2026, 3, 17, 10, 0), 1, IDUL_FITRI_2026, wib(2026, 3, 17, 15, 30), id="tue-before-break-1-day"
        ),
        pytest.param(
            wib(2026, 3, 16, 12, 0), 1, frozenset(), wib(2026, 3, 16, 15, 30), id="during-monday-break"
        ),
        pytest.param(
            wib(2026, 3, 13, 12, 0), 1, frozenset(), wib(2026, 3, 13, 15, 30), id="during-friday-break"
        ),
        pytest.param(wib(2026, 3, 16, 6, 45), 1, frozenset(), wib(2026, 3, 16, 15, 30), id="before-opening"),
        pytest.param(wib(2026, 3, 16, 15, 45), 1, frozenset(), wib(2026, 3, 17, 15, 30), id="after-closing"),
        pytest.param(wib(2026, 3, 14, 10, 0), 1, frozenset(), wib(2026, 3, 16, 15, 30), id="on-saturday"),
        pytest.param(wib(2026, 3, 19, 9, 0), 2, IDUL_FITRI_2026, wib(2026, 3, 26, 15, 30), id="on-a-holiday"),
    ],
)
def test_due_is_closing_time_of_the_nth_working_day(received, days, holidays, due):
    assert due_working_days(received, days, calendar(holidays)) == due


def test_counted_working_days_skip_the_weekend_and_the_holidays():
    counted = counted_working_days(wib(2026, 3, 13, 15, 29), 5, calendar(IDUL_FITRI_2026))
    assert counted == [date(2026, 3, d) for d in (13, 16, 17, 25, 26)]


def test_a_request_after_closing_in_wita_starts_the_next_day_although_wib_is_still_open():
    # 15:00 WIB is 16:00 WITA: the Makassar office has closed.
    due = due_working_days(wib(2026, 3, 16, 15, 0), 1, calendar(tz="Asia/Makassar"))
    assert due == datetime(2026, 3, 17, 15, 30, tzinfo=WITA)
    assert due.tzinfo == WITA


def test_a_request_in_wit_is_counted_on_papuan_office_hours():
    # 06:30 WIB is 08:30 WIT: the Jayapura office is open, so Monday is day 1.
    due = due_working_days(wib(2026, 3, 16, 6, 30), 1, calendar(tz="Asia/Jayapura"))
    assert due == datetime(2026, 3, 16, 15, 30, tzinfo=WIT)
    assert due_working_days(wib(2026, 3, 16, 14, 0), 1, calendar(tz="Asia/Jayapura")).day == 17


def test_a_naive_datetime_is_wall_time_in_the_calendar_zone():
    cal = calendar(tz="Asia/Makassar")
    assert due_working_days(datetime(2026, 3, 16, 15, 0), 1, cal) == datetime(
        2026, 3, 16, 15, 30, tzinfo=WITA
    )


@pytest.mark.parametrize("days", [0, -1, True, 1.5, "2"])
def test_due_working_days_rejects_a_day_count_that_is_not_a_positive_integer(days):
    with pytest.raises(RuleInputError, match="hari kerja"):
        due_working_days(wib(2026, 3, 16, 9), days, calendar())


# --- wall-clock hours ------------------------------------------------------------------------


def test_helpdesk_two_times_24_hours_run_through_nights_and_weekends():
    # S002: tickets are answered "dalam waktu 2x24 jam".
    assert due_calendar_hours(wib(2026, 3, 13, 15, 31), 48) == wib(2026, 3, 15, 15, 31)


def test_due_calendar_hours_reads_naive_time_in_the_given_zone_and_answers_there():
    due = due_calendar_hours(datetime(2026, 3, 13, 8, 0), 1.5, tz="Asia/Jayapura")
    assert due == datetime(2026, 3, 13, 9, 30, tzinfo=WIT)
    assert due.tzinfo == WIT


@pytest.mark.parametrize("hours", [-1, float("nan"), float("inf"), "48", None])
def test_due_calendar_hours_rejects_a_bad_hour_count(hours):
    with pytest.raises(RuleInputError, match="jam"):
        due_calendar_hours(wib(2026, 3, 13, 8), hours)


# --- elapsed office time ---------------------------------------------------------------------


def test_working_time_counts_the_friday_minute_and_the_monday_morning():
    cal = calendar(IDUL_FITRI_2026)
    assert working_time_between(wib(2026, 3, 13, 15, 29), wib(2026, 3, 16, 10), cal) == timedelta(minutes=121)


def test_working_time_across_the_idul_fitri_break_counts_only_the_days_around_it():
    cal = calendar(IDUL_FITRI_2026)
    # Tue 17 March 15:00 → Wed 25 March 09:00: 30 minutes + 1 hour.
    assert working_time_between(wib(2026, 3, 17, 15), wib(2026, 3, 25, 9), cal) == timedelta(minutes=90)


def test_working_time_during_the_break_is_zero():
    assert working_time_between(wib(2026, 3, 16, 11, 40), wib(2026, 3, 16, 12, 50), calendar()) == timedelta()


def test_working_time_is_negative_when_the_end_comes_first():
    cal = calendar()
    assert working_time_between(wib(2026, 3, 16, 10), wib(2026, 3, 16, 9), cal) == -timedelta(hours=1)


def test_working_time_over_a_long_span_is_computed_per_day_not_per_minute():
    # 520 weeks without holidays: 4 × 6 h + 5 h = 29 h a week.
    start = wib(2016, 1, 4)  # a Monday
    assert working_time_between(start, start + timedelta(weeks=520), calendar()) == timedelta(hours=29 * 520)


def test_working_time_converts_an_aware_datetime_from_another_zone():
    cal = calendar(tz="Asia/Makassar")
    # 07:00–08:00 WIB is 08:00–09:00 WITA: one office hour in Makassar.
    assert working_time_between(wib(2026, 3, 16, 7), wib(2026, 3, 16, 8), cal) == timedelta(hours=1)


# --- overdue ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "overdue"),
    [
        (wib(2026, 3, 26, 15, 29, 59), False),
        (wib(2026, 3, 26, 15, 30), False),  # finished exactly at the due moment: on time
        (wib(2026, 3, 26, 15, 30, 1), True),
        (datetime(2026, 3, 26, 16, 30, tzinfo=WITA), False),  # the same instant as 15:30 WIB
        (datetime(2026, 3, 26, 15, 31), True),  # naive: WIB wall time
    ],
)
def test_is_overdue_only_after_the_due_moment(now, overdue):
    assert is_overdue(wib(2026, 3, 26, 15, 30), now) is overdue


# --- validation of the calendar ------------------------------------------------------------


@pytest.mark.parametrize(
    "times",
    [
        (time(15, 30), time(8)),  # closes before it opens
        (time(8), time(15, 30), time(11, 30), None),  # break without an end
        (time(8), time(15, 30), time(13), time(11, 30)),  # break ends before it starts
        (time(8), time(15, 30), time(7), time(9)),  # break starts before opening
        (time(8), time(15, 30), time(15), time(16)),  # break ends after closing
    ],
)
def test_office_day_rejects_hours_out_of_order(times):
    with pytest.raises(RuleInputError, match=r"istirahat|urut"):
        OfficeDay(*times)


def test_calendar_needs_at_least_one_working_weekday():
    with pytest.raises(RuleInputError, match="sedikitnya satu hari kerja"):
        OfficeCalendar({}, frozenset())


def test_calendar_rejects_an_unknown_time_zone():
    with pytest.raises(RuleInputError, match="Zona waktu tidak dikenal"):
        OfficeCalendar(DEFAULT_OFFICE_HOURS, frozenset(), "Asia/Pontianak-Baru")


# --- properties ------------------------------------------------------------------------------

ZONES = st.sampled_from(["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"])
MOMENTS = st.datetimes(min_value=datetime(2025, 12, 1), max_value=datetime(2027, 1, 31))
HOLIDAYS = st.frozensets(st.dates(date(2025, 12, 1), date(2027, 1, 31)), max_size=40)


@given(received=MOMENTS, days=st.integers(1, 30), holidays=HOLIDAYS, tz=ZONES)
def test_due_is_always_the_closing_time_of_a_working_day(received, days, holidays, tz):
    cal = calendar(holidays, tz)
    due = due_working_days(received, days, cal)
    assert cal.is_working_day(due.date())
    assert due == cal.working_periods(due.date())[-1][1]
    assert due > received.replace(tzinfo=cal.zone)
    # never inside a break, a night or a holiday: the last office minute ends exactly at due
    assert working_time_between(due - timedelta(minutes=1), due, cal) == timedelta(minutes=1)
    assert working_time_between(due, due + timedelta(minutes=1), cal) == timedelta()


@given(received=MOMENTS, days=st.integers(1, 30), holidays=HOLIDAYS)
def test_one_more_day_moves_the_due_date_to_the_next_working_day(received, days, holidays):
    cal = calendar(holidays)
    later = due_working_days(received, days + 1, cal)
    earlier = due_working_days(received, days, cal)
    assert later > earlier
    assert not any(
        cal.is_working_day(earlier.date() + timedelta(n)) for n in range(1, (later - earlier).days)
    )


@given(a=MOMENTS, b=MOMENTS, c=MOMENTS, holidays=HOLIDAYS, tz=ZONES)
def test_working_time_is_additive(a, b, c, holidays, tz):
    cal = calendar(holidays, tz)
    assert working_time_between(a, b, cal) + working_time_between(b, c, cal) == working_time_between(
        a, c, cal
    )


@given(day=st.dates(date(2025, 12, 1), date(2027, 1, 31)), holidays=HOLIDAYS, tz=ZONES)
def test_working_time_over_a_holiday_is_zero(day, holidays, tz):
    cal = calendar(holidays | {day}, tz)
    start = datetime.combine(day, time(0))
    assert working_time_between(start, start + timedelta(days=1), cal) == timedelta()


# --- CLI -------------------------------------------------------------------------------------


def run(capsys, payload):
    code = main(["due", json.dumps(payload)])
    return code, json.loads(capsys.readouterr().out)


def test_cli_due_in_working_days_lists_the_counted_days(capsys):
    code, out = run(
        capsys,
        {"received": "2026-03-13T15:29:00+07:00", "days": 5, "holidays": sorted(map(str, IDUL_FITRI_2026))},
    )
    assert code == 0
    assert out == {
        "received": "2026-03-13T15:29:00+07:00",
        "working_days": ["2026-03-13", "2026-03-16", "2026-03-17", "2026-03-25", "2026-03-26"],
        "due": "2026-03-26T15:30:00+07:00",
    }


def test_cli_due_in_hours_with_now_reports_overdue_and_office_minutes(capsys):
    code, out = run(
        capsys, {"received": "2026-03-13T15:00:00", "hours": 48, "now": "2026-03-16T08:30:00+07:00"}
    )
    assert code == 0
    assert out["due"] == "2026-03-15T15:00:00+07:00"
    assert out["overdue"] is True
    assert out["working_minutes_elapsed"] == 60.0  # Fri 15:00–15:30 + Mon 08:00–08:30


def test_cli_due_accepts_an_office_hours_override_and_a_time_zone(capsys):
    saturday_service = {"5": {"opens": "08:00", "closes": "12:00"}}
    code, out = run(
        capsys,
        {
            "received": "2026-03-14T09:00:00",
            "days": 2,
            "tz": "Asia/Makassar",
            "office_hours": saturday_service,
        },
    )
    assert code == 0
    assert out["working_days"] == ["2026-03-14", "2026-03-21"]
    assert out["due"] == "2026-03-21T12:00:00+08:00"


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"days": 1}, "'received'"),
        ({"received": "2026-03-13T15:29:00"}, "tepat satu dari 'days'"),
        ({"received": "2026-03-13T15:29:00", "days": 1, "hours": 2}, "tepat satu dari 'days'"),
        ({"received": "kemarin", "days": 1}, "Kolom 'received' harus tanggal-waktu ISO"),
        ({"received": "2026-03-13T15:29:00", "days": 1, "holidays": ["2026-02-30"]}, "holidays[0]"),
        ({"received": "2026-03-13T15:29:00", "days": 1, "tz": "WIB"}, "Zona waktu tidak dikenal"),
        ({"received": "2026-03-13T15:29:00", "days": 1, "office_hours": {"7": {}}}, "kunci hari '7'"),
        (
            {"received": "2026-03-13T15:29:00", "days": 1, "office_hours": {"0": {"opens": "8"}}},
            "office_hours['0'] harus objek",
        ),
        (
            {
                "received": "2026-03-13T15:29:00",
                "days": 1,
                "office_hours": {"0": {"opens": None, "closes": "12:00"}},
            },
            "office_hours['0'] harus objek",
        ),
        (
            {
                "received": "2026-03-13T15:29:00",
                "days": 1,
                "office_hours": {"0": {"opens": "12:00", "closes": "08:00"}},
            },
            "tidak urut",
        ),
        ({"received": "2026-03-13T15:29:00", "days": 1, "hari": 3}, "Kolom tidak dikenal: hari"),
    ],
)
def test_cli_due_rejects_bad_input_with_an_indonesian_message(capsys, payload, message):
    code, out = run(capsys, payload)
    assert code == 1
    assert message in out["error"]


# --- add_working_time: the inverse of working_time_between ---------------------------------


@pytest.mark.parametrize(
    ("start", "minutes", "expected"),
    [
        # Mon–Thu hours (seed S004 "D. Jangka Waktu"): 08.00–11.30 and 13.00–15.30.
        (datetime(2026, 5, 25, 8, 0, tzinfo=WIB), 60, datetime(2026, 5, 25, 9, 0, tzinfo=WIB)),
        # crossing the Monday break: 11.00 + 60 min = 30 min before + 30 min after the break
        (datetime(2026, 5, 25, 11, 0, tzinfo=WIB), 60, datetime(2026, 5, 25, 13, 30, tzinfo=WIB)),
        # ending exactly at closing time stays on that day
        (datetime(2026, 5, 25, 15, 0, tzinfo=WIB), 30, datetime(2026, 5, 25, 15, 30, tzinfo=WIB)),
        # Friday 15.00 + 60 min runs over the Waisak/Pancasila long weekend to Tuesday 08.30
        (datetime(2026, 5, 29, 15, 0, tzinfo=WIB), 60, datetime(2026, 6, 2, 8, 30, tzinfo=WIB)),
    ],
)
def test_add_working_time_counts_only_office_hours(start, minutes, expected):
    assert add_working_time(start, timedelta(minutes=minutes), calendar(PANCASILA_2026)) == expected


def test_add_working_time_refuses_a_negative_duration():
    with pytest.raises(RuleInputError, match="negatif"):
        add_working_time(datetime(2026, 5, 25, 8, 0, tzinfo=WIB), timedelta(minutes=-1), calendar())


@given(
    st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2026, 12, 1)),
    st.integers(min_value=0, max_value=60 * 24 * 20),
)
def test_add_working_time_is_the_inverse_of_working_time_between(start, minutes):
    start = start.replace(tzinfo=WIB)
    end = add_working_time(start, timedelta(minutes=minutes), calendar(IDUL_FITRI_2026))
    assert working_time_between(start, end, calendar(IDUL_FITRI_2026)) == timedelta(minutes=minutes)


# --- OfficeClock: the same arithmetic as a running counter, for bulk measurement ----------


def test_office_clock_agrees_with_working_time_between_and_add_working_time():
    cal = calendar(IDUL_FITRI_2026 | PANCASILA_2026)
    rng = random.Random(5)
    clock = OfficeClock(cal, date(2026, 1, 1))
    start = datetime(2026, 1, 1, tzinfo=WIB)
    for _ in range(300):
        a = start + timedelta(minutes=rng.randint(0, 60 * 24 * 200))
        b = a + timedelta(minutes=rng.randint(0, 60 * 24 * 20), microseconds=rng.randint(0, 999_999))
        assert clock.between(a, b) == working_time_between(a, b, cal)
        span = timedelta(minutes=rng.randint(1, 60 * 30))
        assert clock.add(a, span) == add_working_time(a, span, cal)


def test_office_clock_reaches_back_before_its_anchor():
    cal = calendar(IDUL_FITRI_2026)
    clock = OfficeClock(cal, date(2026, 3, 25))
    a, b = datetime(2026, 2, 13, 9, 0, tzinfo=WIB), datetime(2026, 3, 26, 9, 0, tzinfo=WIB)
    assert clock.between(a, b) == working_time_between(a, b, cal)
    early = datetime(2025, 11, 3, 8, 0, tzinfo=WIB)
    assert clock.between(early, a) == working_time_between(early, a, cal)
    # Tue 30 Dec 2025 15:00 + 2 h: half an hour that day, then Wed 31 Dec 08.00–09.30.
    assert clock.add(datetime(2025, 12, 30, 15, 0, tzinfo=WIB), timedelta(hours=2)) == datetime(
        2025, 12, 31, 9, 30, tzinfo=WIB
    )
