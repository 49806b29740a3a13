"""Public reads: the menu of problem types and a ticket found by number + e-mail.

The status lookup matches number and e-mail in one query, so a wrong number and a wrong
e-mail look the same, and it shows the state and the operators' messages only. Guessing is
slowed as on the service tracker (``layanan`` does the same with its own scope): a failure
counter per client address on the one database throttle (``accounts.throttle.actions``), so every
app server sees the same count.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from accounts.throttle import actions as throttle
from helpdesk.models import ProblemType, Ticket, TicketMessage

FAILURE_LIMIT = 5
FAILURE_WINDOW = dt.timedelta(minutes=10)
FAILURES = throttle.Limit("helpdesk-status", FAILURE_LIMIT, FAILURE_WINDOW)


def menu(user) -> QuerySet[ProblemType]:
    """The types a visitor may file: public ones, and the employees' own once logged in."""
    types = ProblemType.objects.filter(is_active=True).only("code", "name", "summary", "audience")
    if not user.is_authenticated:
        types = types.filter(audience=ProblemType.Audience.PUBLIC)
    return types


def problem_type(code: str, user) -> ProblemType | None:
    return (
        menu(user)
        .only("code", "name", "summary", "audience", "fields", "scans", "team", "sla_working_days")
        .filter(code=code)
        .first()
    )


def lookup(number: str, email: str) -> Ticket | None:
    if not number or not email:
        return None
    return (
        Ticket.objects.select_related("problem_type")
        .filter(number=number, email__iexact=email.strip())
        .first()
    )


def public_messages(ticket: Ticket) -> list[TicketMessage]:
    return list(ticket.messages.exclude(kind=TicketMessage.Kind.NOTE).order_by("created_at", "id"))


def is_blocked(client: str) -> bool:
    return throttle.tallies(FAILURES.on(throttle.address_key(client)))[0].blocked


def record_failure(client: str) -> None:
    throttle.hit(FAILURES.on(throttle.address_key(client)))
