"""SLA clocks of requests: the overall due time of a service, the target of a step, and the
deadline moved on after the request sat with the applicant (the clock stops while returned).

Thin glue between the models and the pure arithmetic of ``regulations.sla``; the calendar
(office hours and holidays of the instansi) is built once by the caller and passed in.
"""

from __future__ import annotations

import calendar as month_calendar
from bisect import bisect_left
from datetime import UTC, date, datetime, time, timedelta

from regulations.sla import (
    OfficeCalendar,
    add_working_time,
    due_working_days,
    working_time_between,
)

from .models import Service, Step


def _add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, month_calendar.monthrange(year, month)[1]))


def request_due(service: Service, received_at: datetime, calendar: OfficeCalendar) -> datetime:
    """When a request received at ``received_at`` must be finished.

    Working days follow ``regulations.sla.due_working_days`` (closing time of the N-th working
    day). Months ("2 bulan" for a pension) end at the closing time of the last working day
    on or before the same date N months later: our reading, documented in docs/layanan.md.
    """
    if service.duration_unit == Service.DurationUnit.WORKING_DAYS:
        return due_working_days(received_at, service.duration, calendar)
    local = received_at.astimezone(calendar.zone)
    last = _add_months(local.date(), service.duration)
    while not calendar.is_working_day(last):
        last -= timedelta(days=1)
    return calendar.closing_time(last)


def step_due(step: Step, started_at: datetime, calendar: OfficeCalendar) -> datetime | None:
    """The target time of one stay at ``step``; None when the step has no target."""
    if not step.target_minutes:
        return None
    return add_working_time(started_at, timedelta(minutes=step.target_minutes), calendar)


def resume_due(
    due_at: datetime, paused_at: datetime, resumed_at: datetime, calendar: OfficeCalendar
) -> datetime:
    """The deadline after a pause: moved on by the office time the request spent with the applicant."""
    return add_working_time(due_at, working_time_between(paused_at, resumed_at, calendar), calendar)


# --- Bulk office-time arithmetic (reports, demo data) --------------------------------------

_US_PER_SECOND = 1_000_000


def _day_offset_us(moment: datetime) -> int:
    return ((moment.hour * 60 + moment.minute) * 60 + moment.second) * _US_PER_SECOND + moment.microsecond


def _time_us(t) -> int:
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
    ``regulations.sla.working_time_between`` (the SLA report measures every finished request
    of a month per page view). ``moment_at`` is the inverse, matching
    ``regulations.sla.add_working_time``: the earliest moment the counter reaches a value.

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
            offset = _day_offset_us(local)
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
