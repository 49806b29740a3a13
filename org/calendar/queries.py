"""The office calendars of instansi: their weekly hours and the active holidays, as the
pure ``regulations.sla.OfficeCalendar`` that SLA arithmetic runs on."""

from __future__ import annotations

from datetime import date

from core.models import Holiday
from org.models import Instansi, OfficeHours
from regulations.sla import DEFAULT_OFFICE_HOURS, OfficeCalendar, OfficeDay


def _office_day(hours: OfficeHours) -> OfficeDay:
    return OfficeDay(
        opens=hours.opens, closes=hours.closes, break_start=hours.break_start, break_end=hours.break_end
    )


def _active_holidays() -> frozenset[date]:
    return frozenset(Holiday.objects.filter(is_active=True).values_list("date", flat=True))


def office_calendar_for(instansi: Instansi) -> OfficeCalendar:
    """Two queries; callers that compute many deadlines build it once and reuse it."""
    hours = {h.weekday: _office_day(h) for h in OfficeHours.objects.filter(instansi=instansi)}
    return OfficeCalendar(hours=hours, holidays=_active_holidays(), tz=instansi.time_zone)


def office_calendars() -> dict[int | None, OfficeCalendar]:
    """The calendar of every instansi by id, in two queries (``office_calendar_for`` costs two
    per instansi): reports that span all OPDs read each request's calendar from here. Key
    None is the standard week, for an instansi whose hours were never set."""
    holidays = _active_holidays()
    hours: dict[int, dict[int, OfficeDay]] = {}
    zones: dict[int, str] = {}
    for h in OfficeHours.objects.select_related("instansi").only(
        "weekday", "opens", "closes", "break_start", "break_end", "instansi__time_zone"
    ):
        hours.setdefault(h.instansi_id, {})[h.weekday] = _office_day(h)
        zones[h.instansi_id] = h.instansi.time_zone
    calendars: dict[int | None, OfficeCalendar] = {
        pk: OfficeCalendar(hours=week, holidays=holidays, tz=zones[pk]) for pk, week in hours.items()
    }
    calendars[None] = OfficeCalendar(hours=DEFAULT_OFFICE_HOURS, holidays=holidays)
    return calendars
