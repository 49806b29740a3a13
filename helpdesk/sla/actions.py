"""The periodic SLA sweep (``manage.py check_helpdesk_sla``, a systemd timer every 15 minutes)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.roles import Role
from core.audit import record
from core.notifications.actions import do_notify
from helpdesk.models import Ticket
from helpdesk.queue.actions import do_close_ticket
from helpdesk.tickets.rules import OPEN


def _escalation_recipients(ticket: Ticket) -> list:
    """The ticket's operator, its team, and every Admin: someone with authority hears of it."""
    people = list(ticket.team.members.filter(is_active=True))
    if ticket.assignee is not None:
        people.append(ticket.assignee)
    people += User.objects.filter(is_active=True, role_assignments__role=Role.ADMIN).distinct()
    return people


def do_check_helpdesk_sla(*, actor, now: dt.datetime | None = None) -> dict[str, int]:
    """Mark open tickets past their deadline as overdue and escalate each once; close answered
    tickets the applicant did not reply to within PELITA_HELPDESK_REOPEN_DAYS."""
    now = now or timezone.now()
    counts = {"terlambat": 0, "ditutup": 0}
    late = (
        Ticket.objects.filter(status__in=OPEN, paused_at__isnull=True, due_at__lt=now, overdue=False)
        .select_related("team", "assignee")
        .order_by("due_at")
    )
    for ticket in late:
        with transaction.atomic():
            if not Ticket.objects.filter(pk=ticket.pk, overdue=False).update(overdue=True, escalated_at=now):
                continue  # another sweep got there first
            record(
                actor=actor,
                event="helpdesk.ticket_terlambat",
                obj=ticket,
                before={"overdue": False},
                after={"overdue": True, "due_at": ticket.due_at.isoformat()},
            )
            do_notify(
                _escalation_recipients(ticket),
                title=_("Tiket %(number)s melewati batas waktu") % {"number": ticket.number},
                body=ticket.question,
                url=reverse("helpdesk:ticket_detail", kwargs={"number": ticket.number}),
                actor=actor,
                event="helpdesk.eskalasi_dikirim",
            )
        counts["terlambat"] += 1
    quiet_since = now - dt.timedelta(days=settings.PELITA_HELPDESK_REOPEN_DAYS)
    for ticket in Ticket.objects.filter(status=Ticket.Status.ANSWERED, answered_at__lt=quiet_since):
        do_close_ticket(ticket, actor=actor, now=now)
        counts["ditutup"] += 1
    return counts
