"""The office calendar of an instansi: its weekly hours and the active holidays, as the
pure ``regulations.sla.OfficeCalendar`` that SLA arithmetic runs on."""

from __future__ import annotations

from core.models import Holiday
from org.models import Instansi, OfficeHours
from regulations.sla import OfficeCalendar, OfficeDay


def office_calendar_for(instansi: Instansi) -> OfficeCalendar:
    """Two queries; callers that compute many deadlines build it once and reuse it."""
    hours = {
        h.weekday: OfficeDay(opens=h.opens, closes=h.closes, break_start=h.break_start, break_end=h.break_end)
        for h in OfficeHours.objects.filter(instansi=instansi)
    }
    holidays = frozenset(Holiday.objects.filter(is_active=True).values_list("date", flat=True))
    return OfficeCalendar(hours=hours, holidays=holidays, tz=instansi.time_zone)
