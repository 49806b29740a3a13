"""The helpdesk SLA: 2x24 jam read as two working days of the instansi's calendar, the clock
stopped while the ticket waits for the applicant, and the periodic sweep."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from core.holidays.actions import do_add_holiday
from core.models import AuditLog
from helpdesk.models import Ticket
from helpdesk.queue.actions import do_answer_ticket, do_ask_applicant, do_claim_ticket
from helpdesk.sla.actions import do_check_helpdesk_sla
from helpdesk.sla.queries import helpdesk_calendar
from helpdesk.sla.rules import ticket_due
from helpdesk.tests.builders import submit
from helpdesk.tickets.actions import do_reply_ticket
from regulations.sla import DEFAULT_OFFICE_HOURS, OfficeCalendar

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")


def at(day: int, hour: int, minute: int = 0, month: int = 8) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=WIB)


# August 2026: Friday 14, Monday 17 is Independence Day (a holiday here), Tuesday 18.
HOLIDAYS = frozenset({dt.date(2026, 8, 17)})
CALENDAR = OfficeCalendar(hours=DEFAULT_OFFICE_HOURS, holidays=HOLIDAYS)


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # Friday 15:00, before the Friday closing of 15:30: Friday is day 1, the holiday
        # Monday is skipped, Tuesday is day 2, due at its closing time.
        (at(14, 15, 0), at(18, 15, 30)),
        # Friday at 15:30 sharp: the office has closed (Friday schedule), day 1 is Tuesday.
        (at(14, 15, 30), at(19, 15, 30)),
        # Friday 08:00, before the Friday opening of 08:30: Friday still counts.
        (at(14, 8, 0), at(18, 15, 30)),
        # Friday 11:15, inside the Friday break (11:00–13:00; Mon–Thu 11:30): Friday counts.
        (at(14, 11, 15), at(18, 15, 30)),
        # Saturday: the weekend and the holiday pass, Tuesday and Wednesday are the two days.
        (at(15, 10, 0), at(19, 15, 30)),
        # Thursday 16:00, after closing: Friday and Tuesday.
        (at(13, 16, 0), at(18, 15, 30)),
    ],
    ids=["fri-15:00", "fri-15:30-closed", "fri-before-opening", "fri-break", "saturday", "thu-after-closing"],
)
def test_a_ticket_is_due_at_the_closing_time_of_its_second_working_day(received, due):
    assert ticket_due(received, 2, CALENDAR) == due


def test_the_deadline_follows_the_instansi_calendar_with_its_holidays(helpdesk):
    do_add_holiday(date=dt.date(2026, 8, 17), name="Hari Kemerdekaan", actor=None)

    ticket = submit(at=at(14, 15, 0))

    assert ticket.due_at == at(18, 15, 30)
    assert helpdesk_calendar().is_working_day(dt.date(2026, 8, 17)) is False


def test_waiting_for_the_applicant_stops_the_clock(helpdesk, operator):
    ticket = submit(at=at(10, 9, 0))  # Monday 09:00 → due Tuesday 15:30
    assert ticket.due_at == at(11, 15, 30)
    do_claim_ticket(ticket, actor=operator)
    do_ask_applicant(ticket, body="Mohon kirim pindaian KK.", actor=operator, now=at(10, 10, 0))

    # The applicant answers the next morning at 09:00: office time waited = 10:00–11:30 and
    # 13:00–15:30 on Monday plus 08:00–09:00 on Tuesday = 5 h; the deadline moves by 5 office hours.
    ticket = do_reply_ticket(ticket, body="Sudah saya lampirkan.", actor=None, now=at(11, 9, 0))

    assert ticket.status == Ticket.Status.IN_PROGRESS
    assert ticket.paused_seconds == 5 * 3600
    # Tuesday 15:30 + 5 office hours = Wednesday 08:00–11:30 (3.5 h) + 13:00–14:30 (1.5 h).
    assert ticket.due_at == at(12, 14, 30)


def test_the_sweep_marks_overdue_tickets_once_and_escalates_them(helpdesk, operator, cast):
    late = submit(at=at(10, 9, 0))
    waiting = submit(at=at(10, 9, 0))
    do_ask_applicant(waiting, body="Mohon lengkapi.", actor=operator, now=at(10, 9, 30))
    on_time = submit(at=at(12, 9, 0))

    counts = do_check_helpdesk_sla(actor=None, now=at(12, 9, 30))
    again = do_check_helpdesk_sla(actor=None, now=at(12, 9, 31))

    assert counts["terlambat"] == 1 and again["terlambat"] == 0
    assert Ticket.objects.get(pk=late.pk).overdue is True
    assert Ticket.objects.get(pk=waiting.pk).overdue is False  # its clock is stopped
    assert Ticket.objects.get(pk=on_time.pk).overdue is False
    assert AuditLog.objects.filter(event="helpdesk.ticket_terlambat").count() == 1
    assert cast.admin.notifications.filter(title__contains=late.number).exists()


def test_the_sweep_closes_answered_tickets_nobody_replied_to(helpdesk, operator, settings):
    settings.PELITA_HELPDESK_REOPEN_DAYS = 7
    ticket = submit(at=at(3, 9, 0))
    do_answer_ticket(ticket, body="Sudah kami perbaiki.", actor=operator, now=at(3, 10, 0))

    assert do_check_helpdesk_sla(actor=None, now=at(9, 10, 0))["ditutup"] == 0
    assert do_check_helpdesk_sla(actor=None, now=at(11, 10, 0))["ditutup"] == 1
    assert Ticket.objects.get(pk=ticket.pk).status == Ticket.Status.CLOSED
    assert AuditLog.objects.filter(event="helpdesk.ticket_ditutup", object_id=str(ticket.pk)).exists()


def test_the_command_runs_the_sweep(helpdesk, capsys):
    call_command("check_helpdesk_sla")
    assert "Helpdesk:" in capsys.readouterr().out
