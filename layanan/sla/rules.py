"""SLA clocks of requests: the overall due time of a service, the target of a step, and the
deadline moved on after the request sat with the applicant (the clock stops while returned).

Thin glue between the models and the pure arithmetic of ``regulations.sla``; the calendar
(office hours and holidays of the instansi) is built once by the caller and passed in.
"""

from __future__ import annotations

import calendar as month_calendar
from datetime import date, datetime, timedelta

from layanan.models import Service, Step
from regulations.sla import (
    OfficeCalendar,
    add_working_time,
    due_whole_working_days,
    working_time_between,
)


def _add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, month_calendar.monthrange(year, month)[1]))


def request_due(service: Service, received_at: datetime, calendar: OfficeCalendar) -> datetime:
    """When a request received at ``received_at`` must be finished.

    Working days follow ``regulations.sla.due_whole_working_days`` (N whole working days of
    office time: received at 15:03, a one-day service is due at 15:03 the next working day). Months ("2 bulan" for a pension) end at the closing time of the last working day
    on or before the same date N months later: our reading, documented in docs/layanan.md.
    """
    if service.duration_unit == Service.DurationUnit.WORKING_DAYS:
        return due_whole_working_days(received_at, service.duration, calendar)
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
