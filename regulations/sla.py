"""Office-hours SLA arithmetic: when a service request falls due, and how much office time has passed.

Legal basis: a service's *jangka waktu penyelesaian* is part of its Standar Pelayanan
(UU 25/2009 on public services; PermenPAN-RB 15/2014, component D). The seeds' standar
pelayanan (S001 IP-ASN, S004 Ujian Dinas/UPKP, BKPSDM Singkawang) give the time as working
days ("1 (satu) hari", "4 (empat) hari") and the service hours under "D. Jangka Waktu
Penyelesaian/Waktu Pelayanan"::

    Senin s/d Kamis : 08.00 s/d 15.30 Wiba
    Jam Istirahat   : 11.30 s/d 13.00 Wiba
    Jum'at          : 08.30 s/d 15.30 Wiba
    Jam Istirahat   : 11.00 s/d 13.00 Wiba

The BKN helpdesk answers tickets "dalam waktu 2x24 jam" (S002): wall-clock hours, not office
hours, hence :func:`due_calendar_hours`.

Counting rule (our decision, documented in docs/regulations.md): a working-day SLA of N days ends
at the closing time of the N-th working day. Day 1 is the first working day whose closing time
is still ahead when the request arrives. So a request that arrives before opening, during
office hours or during the break counts that day as day 1 (the office still has time left that
day); one that arrives at or after closing, or on a weekend or holiday, starts on the next
working day.
The helpdesk and the complaint register use this rule ("by the end of the N-th working day").
A service request's *jangka waktu* is counted in whole working days instead
(:func:`due_whole_working_days`), so that a request received late in the day is not due
minutes later.

Time zones: aware datetimes are converted to the calendar's zone; naive ones are taken as
wall time in that zone; every result is aware in that zone. Durations are measured in UTC so
that a zone with daylight saving time would also be right (Indonesian zones have none).
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import islice, pairwise
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from regulations.inputs import parse_iso_date, parse_json_argument, reject_unknown_fields
from regulations.reasons import RuleInputError

_ONE_US = timedelta(microseconds=1)
DEFAULT_TZ = "Asia/Jakarta"  # WIB; WITA is Asia/Makassar, WIT is Asia/Jayapura


@dataclass(frozen=True, slots=True)
class OfficeDay:
    """Service hours of one weekday; the break, if any, lies strictly inside opening hours."""

    opens: time
    closes: time
    break_start: time | None = None
    break_end: time | None = None

    def __post_init__(self) -> None:
        if (self.break_start is None) != (self.break_end is None):
            raise RuleInputError("Jam istirahat harus punya jam mulai dan jam selesai.")
        inner = () if self.break_start is None else (self.break_start, self.break_end)
        points = (self.opens, *inner, self.closes)
        if any(a >= b for a, b in pairwise(points)):
            raise RuleInputError(
                "Jam layanan tidak urut: harus buka < mulai istirahat < selesai istirahat < tutup."
            )

    def spans(self) -> tuple[tuple[time, time], ...]:
        """The stretches of the day the office is actually working (the break left out)."""
        if self.break_start is None:
            return ((self.opens, self.closes),)
        return ((self.opens, self.break_start), (self.break_end, self.closes))


# Standar Pelayanan S001 and S004, section D "Waktu Pelayanan" (quoted in the module
# docstring); domain.md §10. Saturday (5) and Sunday (6) are absent: the office is closed.
_MON_THU = OfficeDay(time(8, 0), time(15, 30), time(11, 30), time(13, 0))
DEFAULT_OFFICE_HOURS: dict[int, OfficeDay] = {
    0: _MON_THU,
    1: _MON_THU,
    2: _MON_THU,
    3: _MON_THU,
    4: OfficeDay(time(8, 30), time(15, 30), time(11, 0), time(13, 0)),
}


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise RuleInputError(f"Zona waktu tidak dikenal: {name!r} (contoh: Asia/Jakarta).") from exc


def _local(moment: datetime, zone: ZoneInfo) -> datetime:
    """An aware datetime in ``zone``: naive input is read as wall time there."""
    return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment.astimezone(zone)


def _elapsed(start: datetime, end: datetime) -> timedelta:
    # Subtracting datetimes that share a tzinfo ignores UTC offsets; go through UTC.
    return end.astimezone(UTC) - start.astimezone(UTC)


@dataclass(frozen=True)
class OfficeCalendar:
    """Weekly service hours plus the dates the office is closed (holidays, cuti bersama).

    ``holidays`` is supplied by the caller (the Django core seeds it from the ``holidays``
    package, categories public + government, plus admin edits; domain.md §14).
    """

    hours: Mapping[int, OfficeDay]
    holidays: frozenset[date]
    tz: str = DEFAULT_TZ

    def __post_init__(self) -> None:
        # A calendar with no working weekday would make every due date infinitely far.
        if not any(day in self.hours for day in range(7)):
            raise RuleInputError("Jam layanan harus memuat sedikitnya satu hari kerja (0=Senin … 6=Minggu).")
        object.__setattr__(self, "holidays", frozenset(self.holidays))
        _zone(self.tz)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.tz)

    def is_working_day(self, d: date) -> bool:
        return d.weekday() in self.hours and d not in self.holidays

    def working_periods(self, d: date) -> list[tuple[datetime, datetime]]:
        """The office's working stretches on ``d`` as aware datetimes; empty on closed days."""
        if not self.is_working_day(d):
            return []
        zone = self.zone
        return [
            (datetime.combine(d, a, tzinfo=zone), datetime.combine(d, b, tzinfo=zone))
            for a, b in self.hours[d.weekday()].spans()
        ]

    def closing_time(self, d: date) -> datetime:
        return datetime.combine(d, self.hours[d.weekday()].closes, tzinfo=self.zone)

    def working_days_from(self, d: date) -> Iterator[date]:
        """Working days on or after ``d``, in order (endless; the calendar has a working weekday)."""
        while True:
            if self.is_working_day(d):
                yield d
            d += timedelta(days=1)


def counted_working_days(received: datetime, days: int, calendar: OfficeCalendar) -> list[date]:
    """The ``days`` working days a working-day SLA runs over, day 1 first (see module docstring)."""
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        raise RuleInputError(f"Jumlah hari kerja harus bilangan bulat ≥ 1, bukan {days!r}.")
    local = _local(received, calendar.zone)
    first = local.date()
    if calendar.is_working_day(first) and local >= calendar.closing_time(first):
        first += timedelta(days=1)
    return list(islice(calendar.working_days_from(first), days))


def due_working_days(received: datetime, days: int, calendar: OfficeCalendar) -> datetime:
    """Closing time of the ``days``-th working day counted from receipt (day 1 = receipt day if
    the office has not yet closed that day)."""
    return calendar.closing_time(counted_working_days(received, days, calendar)[-1])


def due_whole_working_days(received: datetime, days: int, calendar: OfficeCalendar) -> datetime:
    """When a service's *jangka waktu* of ``days`` working days ends: ``days`` whole working days
    of office time (our reading, docs/decisions/0007-whole-working-days-for-services.md).

    Received before opening, after closing or on a closed day: as :func:`due_working_days`, the
    closing time of the ``days``-th working day. Received during office hours (or the break):
    the part of the receipt day already gone is owed from one more working day, at the same
    share of its office time. A one-day service received at 15:03 on Monday is due at 15:03 on
    Tuesday, not at 15:30 on Monday, 27 minutes later; a short Friday counts by its share.
    """
    counted = counted_working_days(received, days, calendar)
    local = _local(received, calendar.zone)
    first = counted[0]
    opening, closing = calendar.working_periods(first)[0][0], calendar.closing_time(first)
    if local.date() != first or local <= opening:
        return calendar.closing_time(counted[-1])
    gone = working_time_between(opening, local, calendar) // _ONE_US
    first_day = working_time_between(opening, closing, calendar) // _ONE_US
    extra = next(calendar.working_days_from(counted[-1] + timedelta(days=1)))
    extra_opening = calendar.working_periods(extra)[0][0]
    extra_day = working_time_between(extra_opening, calendar.closing_time(extra), calendar) // _ONE_US
    # Integer microseconds, rounded up: the same share of a day of another length, never zero.
    owed = timedelta(microseconds=-(-extra_day * gone // first_day))
    return add_working_time(extra_opening, owed, calendar)


def due_calendar_hours(received: datetime, hours: float, *, tz: str = DEFAULT_TZ) -> datetime:
    """Wall-clock deadline (the helpdesk's 2×24 jam, S002): nights and holidays count too."""
    if isinstance(hours, bool) or not isinstance(hours, int | float) or not math.isfinite(hours) or hours < 0:
        raise RuleInputError(f"Jumlah jam harus angka ≥ 0, bukan {hours!r}.")
    zone = _zone(tz)
    return (_local(received, zone).astimezone(UTC) + timedelta(hours=hours)).astimezone(zone)


def working_time_between(start: datetime, end: datetime, calendar: OfficeCalendar) -> timedelta:
    """Office time between two moments: breaks, nights, weekends and holidays excluded.

    Negative when ``end`` is before ``start``, so that a→b + b→c = a→c for any order.
    Costs one step per calendar day, never per minute.
    """
    zone = calendar.zone
    start, end = _local(start, zone), _local(end, zone)
    if end < start:
        return -working_time_between(end, start, calendar)
    total = timedelta()
    d = start.date()
    while d <= end.date():
        for opens, closes in calendar.working_periods(d):
            lo, hi = max(opens, start), min(closes, end)
            if lo < hi:
                total += _elapsed(lo, hi)
        d += timedelta(days=1)
    return total


def add_working_time(start: datetime, duration: timedelta, calendar: OfficeCalendar) -> datetime:
    """The moment ``duration`` of office time after ``start`` (the inverse of
    :func:`working_time_between`): a per-step target in office minutes, or a deadline moved
    on by the office time a request spent paused with the applicant.

    A zero duration gives ``start`` itself; otherwise the result always lies inside a
    working period (a target that ends exactly at closing time ends at closing time).
    """
    if duration < timedelta():
        raise RuleInputError("Durasi jam kerja tidak boleh negatif.")
    zone = calendar.zone
    moment = _local(start, zone)
    if duration == timedelta():
        return moment
    left = duration
    d = moment.date()
    while True:
        for opens, closes in calendar.working_periods(d):
            lo = max(opens, moment)
            if lo >= closes:
                continue
            span = _elapsed(lo, closes)
            if span >= left:
                return (lo.astimezone(UTC) + left).astimezone(zone)
            left -= span
        d += timedelta(days=1)


# --- Bulk office-time arithmetic (reports, demo data) --------------------------------------

_US_PER_SECOND = 1_000_000


def _time_us(t: time | datetime) -> int:
    """Microseconds since midnight of a time of day (or of a datetime's wall clock)."""
    return ((t.hour * 60 + t.minute) * 60 + t.second) * _US_PER_SECOND + t.microsecond


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_EPOCH_DAY = date(1970, 1, 1)
_ONE_US = timedelta(microseconds=1)
_DAY_US = 86_400 * _US_PER_SECOND


def _fixed_offset_us(zone, around: date) -> int | None:
    """The zone's UTC offset in µs when it is the same for years either side of ``around``
    (WIB, WITA, WIT: no daylight saving time); None otherwise (take the slow, exact path)."""
    offsets = {
        zone.utcoffset(datetime(around.year + dy, month, 1, 12))
        for dy in (-3, -1, 0, 1, 3)
        for month in (1, 7)
    }
    return offsets.pop() // _ONE_US if len(offsets) == 1 else None


class OfficeClock:
    """Office time as a running counter, for code that measures thousands of spans at once.

    ``at(moment)`` is the office time (integer microseconds) from the start of an anchor day
    to ``moment``; the office time between two moments is the difference of their counters,
    one dictionary look-up each instead of the day-by-day walk of
    :func:`working_time_between` (the SLA report measures every finished request
    of a month per page view). ``moment_at`` is the inverse, matching
    :func:`add_working_time`: the earliest moment the counter reaches a value.

    Days are counted on the wall clock of the calendar's zone. That is exact for the three
    Indonesian zones (no daylight saving time); the tests check it against the regulations
    functions.
    """

    def __init__(self, calendar: OfficeCalendar, anchor: date):
        self.calendar = calendar
        self.zone = calendar.zone
        self.anchor = anchor  # the zero of the counter, whatever the tables below cover
        # _periods[i]: the working spans of day _first+i as (start, end) µs since midnight;
        # _before[i]: office time from _first to the start of that day; _base: _before of
        # the anchor, so that values stay put when the tables grow backwards.
        self._first = anchor
        self._periods: list[tuple[tuple[int, int], ...]] = []
        self._before: list[int] = [0]
        self._base = 0
        self._fixed_offset = _fixed_offset_us(self.zone, anchor)

    def _spans(self, day: date) -> tuple[tuple[int, int], ...]:
        if not self.calendar.is_working_day(day):
            return ()
        return tuple((_time_us(a), _time_us(b)) for a, b in self.calendar.hours[day.weekday()].spans())

    def _extend_to(self, index: int) -> None:
        """Cover day ``_first + index`` (a negative index grows the tables backwards)."""
        if index < 0:
            days = -index + 31  # a month more: the next early moment is likely close
            periods = [self._spans(self._first - timedelta(days=days - i)) for i in range(days)]
            added = [0]
            for spans in periods:
                added.append(added[-1] + sum(b - a for a, b in spans))
            self._periods = periods + self._periods
            self._before = added + [added[-1] + v for v in self._before[1:]]
            self._base += added[-1]
            self._first -= timedelta(days=days)
            return
        while len(self._periods) <= index:
            spans = self._spans(self._first + timedelta(days=len(self._periods)))
            self._periods.append(spans)
            self._before.append(self._before[-1] + sum(b - a for a, b in spans))

    def at(self, moment: datetime) -> int:
        """Office µs from the start of the anchor day to ``moment`` (negative before it;
        aware, or naive = wall time of the zone)."""
        if moment.tzinfo is not None and self._fixed_offset is not None:
            # The fast path (reports read thousands of moments): plain integer arithmetic
            # on the zone's fixed offset instead of a time-zone conversion per moment.
            local_us = (moment - _EPOCH) // _ONE_US + self._fixed_offset
            day, offset = divmod(local_us, _DAY_US)
            index = day - (self._first - _EPOCH_DAY).days
            if index < 0 or index >= len(self._periods):
                self._extend_to(index)
                index = day - (self._first - _EPOCH_DAY).days
        else:
            local = (
                moment.replace(tzinfo=self.zone) if moment.tzinfo is None else moment.astimezone(self.zone)
            )
            index = (local.date() - self._first).days
            if index < 0 or index >= len(self._periods):
                self._extend_to(index)
                index = (local.date() - self._first).days
            offset = _time_us(local)
        done = 0
        for start, end in self._periods[index]:
            if offset <= start:
                break
            done += min(offset, end) - start
        return self._before[index] + done - self._base

    def between(self, start: datetime, end: datetime) -> timedelta:
        """Office time from ``start`` to ``end`` (negative when ``end`` comes first)."""
        return timedelta(microseconds=self.at(end) - self.at(start))

    def moment_at(self, value: int) -> datetime:
        """The earliest moment whose counter reaches ``value``."""
        while value + self._base <= 0:
            self._extend_to(-1)
        target = value + self._base
        while self._before[-1] < target:
            # Grow a month at a time: a target may lie weeks ahead (a "2 bulan" service).
            self._extend_to(len(self._periods) + 30)
        index = bisect_left(self._before, target) - 1
        left = target - self._before[index]
        for start, end in self._periods[index]:
            if left <= end - start:
                midnight = datetime.combine(self._first + timedelta(days=index), time(0), tzinfo=self.zone)
                return midnight + timedelta(microseconds=start + left)
            left -= end - start
        raise AssertionError("unreachable: the prefix sums say the value falls on this day")

    def add(self, start: datetime, duration: timedelta) -> datetime:
        """``add_working_time(start, duration)`` through the counter (a zero duration gives ``start``)."""
        if duration <= timedelta():
            return start
        return self.moment_at(self.at(start) + duration // timedelta(microseconds=1))


def is_overdue(due: datetime, now: datetime, *, tz: str = DEFAULT_TZ) -> bool:
    """True once ``now`` is past ``due``; finishing exactly at the due moment is on time."""
    zone = _zone(tz)
    return _local(now, zone) > _local(due, zone)


# --- CLI: python -m regulations due JSON -------------------------------------------------

_DUE_FIELDS = {"received", "days", "hours", "holidays", "tz", "office_hours", "now"}
_DAY_FIELDS = ("opens", "closes", "break_start", "break_end")


def _field_datetime(data: dict, name: str) -> datetime:
    value = data[name]
    try:
        return datetime.fromisoformat(value)
    except (TypeError, ValueError) as exc:
        raise RuleInputError(
            f"Kolom {name!r} harus tanggal-waktu ISO (mis. 2026-03-13T15:29:00+07:00)."
        ) from exc


def _office_day(value: object, where: str) -> OfficeDay:
    shape = f"{where} harus objek dengan opens, closes (dan opsional break_start, break_end) berformat HH:MM."
    if not isinstance(value, dict) or value.keys() - set(_DAY_FIELDS):
        raise RuleInputError(shape)
    try:
        times = {k: time.fromisoformat(v) for k, v in value.items() if v is not None}
    except (TypeError, ValueError) as exc:
        raise RuleInputError(shape) from exc
    # Hours are wall time in the calendar's zone; an offset here would contradict ``tz``.
    if not {"opens", "closes"} <= times.keys() or any(t.tzinfo for t in times.values()):
        raise RuleInputError(shape)
    return OfficeDay(**times)


def _office_hours(value: object) -> dict[int, OfficeDay]:
    if not isinstance(value, dict):
        raise RuleInputError("Kolom 'office_hours' harus objek {\"0\": {...}, …} dengan 0=Senin … 6=Minggu.")
    hours = {}
    for key, day in value.items():
        if key not in {str(n) for n in range(7)}:
            raise RuleInputError(
                f"office_hours: kunci hari {key!r} tidak valid; gunakan 0 (Senin) s.d. 6 (Minggu)."
            )
        hours[int(key)] = _office_day(day, f"office_hours[{key!r}]")
    return hours


def command_due(argv: list[str]) -> dict:
    """``due JSON``: the due moment of a request, optionally whether it is overdue ``now``."""
    data = parse_json_argument(argv)
    reject_unknown_fields(data, _DUE_FIELDS)
    if "received" not in data:
        raise RuleInputError("Kolom 'received' (waktu permohonan diterima) wajib diisi.")
    if ("days" in data) == ("hours" in data):
        raise RuleInputError("Isi tepat satu dari 'days' (hari kerja) atau 'hours' (jam kalender).")
    holidays = data.get("holidays", [])
    if not isinstance(holidays, list):
        raise RuleInputError("Kolom 'holidays' harus daftar tanggal ISO.")
    tz = data.get("tz", DEFAULT_TZ)
    if not isinstance(tz, str):
        raise RuleInputError("Kolom 'tz' harus nama zona waktu, mis. Asia/Jakarta.")
    calendar = OfficeCalendar(
        hours=_office_hours(data["office_hours"]) if "office_hours" in data else DEFAULT_OFFICE_HOURS,
        holidays=frozenset(parse_iso_date(h, f"holidays[{i}]") for i, h in enumerate(holidays)),
        tz=tz,
    )
    received = _local(_field_datetime(data, "received"), calendar.zone)
    result: dict = {"received": received.isoformat()}
    if "days" in data:
        counted = counted_working_days(received, data["days"], calendar)
        due = calendar.closing_time(counted[-1])
        result["working_days"] = [d.isoformat() for d in counted]
    else:
        due = due_calendar_hours(received, data["hours"], tz=tz)
    result["due"] = due.isoformat()
    if "now" in data:
        now = _field_datetime(data, "now")
        result["overdue"] = is_overdue(due, now, tz=tz)
        result["working_minutes_elapsed"] = working_time_between(received, now, calendar).total_seconds() / 60
    return result
