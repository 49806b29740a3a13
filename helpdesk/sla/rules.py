"""The helpdesk's SLA clock: "dijawab dalam waktu 2x24 jam" (S002) counted in office hours.

Our reading (docs/decisions, docs/helpdesk.md): the BKN helpdesk promises wall-clock hours,
but a BKD helpdesk is staffed in office hours only, so each 24 hours becomes one working day
of the instansi's calendar and the count follows the rule every Pelita SLA uses
(``regulations.sla.due_working_days``): a ticket is due at the closing time of its N-th
working day, day 1 being the day of receipt while the office has not closed yet. The time a
ticket waits for the applicant does not count: the deadline moves on by the office time of
the wait. Pure: the calendar is built by the caller.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from regulations.sla import OfficeCalendar, add_working_time, due_working_days, working_time_between


def ticket_due(received_at: datetime, working_days: int, calendar: OfficeCalendar) -> datetime:
    return due_working_days(received_at, working_days, calendar)


def waited(paused_at: datetime, resumed_at: datetime, calendar: OfficeCalendar) -> timedelta:
    """Office time a ticket spent waiting for the applicant."""
    return max(working_time_between(paused_at, resumed_at, calendar), timedelta())


def resume_due(due_at: datetime, wait: timedelta, calendar: OfficeCalendar) -> datetime:
    """The deadline after a wait: moved on by the office time the wait took."""
    return add_working_time(due_at, wait, calendar) if wait > timedelta() else due_at
