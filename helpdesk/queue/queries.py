"""The operators' reads. Every helpdesk operator sees every ticket (one BKD unit answers them;
routing sets the team a ticket starts in and the queue's default filter), and nothing else:
a ticket shows what the applicant wrote, never the employee records of a logged-in requester.
Others get no tickets at all (the views refuse them first)."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.formats import date_format

from accounts.models import User
from accounts.roles import CAPABILITIES, Capability
from core.documents import documents_of
from helpdesk.models import CannedAnswer, Team, Ticket, TicketMessage
from helpdesk.tickets.rules import OPEN, fill_placeholders, normalise_number

LIST_FIELDS = (
    "number",
    "status",
    "name",
    "question",
    "received_at",
    "due_at",
    "overdue",
    "paused_at",
    "problem_type__name",
    "team__name",
    "assignee__name",
    "assignee__username",
)


def tickets_for(user) -> QuerySet[Ticket]:
    if not (user.is_authenticated and user.can(Capability.HANDLE_HELPDESK)):
        return Ticket.objects.none()
    return Ticket.objects.all()


def queue(
    user, *, state: str = "terbuka", team: int | None = None, mine: str = "", q: str = ""
) -> QuerySet[Ticket]:
    """The queue page's tickets: three joins, never one query per row."""
    tickets = tickets_for(user).select_related("problem_type", "team", "assignee").only(*LIST_FIELDS)
    if state == "terbuka":
        tickets = tickets.filter(status__in=OPEN)
    elif state == "terlambat":
        tickets = tickets.filter(status__in=OPEN, overdue=True)
    elif state in Ticket.Status.values:
        tickets = tickets.filter(status=state)
    if team:
        tickets = tickets.filter(team_id=team)
    if mine == "saya":
        tickets = tickets.filter(assignee=user)
    elif mine == "kosong":
        tickets = tickets.filter(assignee__isnull=True)
    text = q.strip()
    if text:
        number = normalise_number(text)
        tickets = tickets.filter(
            Q(number=number) | Q(name__icontains=text) | Q(email__iexact=text) | Q(question__icontains=text)
        )
    # Open work by deadline, the soonest first; finished tickets newest first.
    if state in ("terbuka", "terlambat", *OPEN):
        return tickets.order_by("due_at", "id")
    return tickets.order_by("-received_at", "-id")


def teams() -> QuerySet[Team]:
    return Team.objects.order_by("name")


def ticket(user, number: str) -> Ticket | None:
    return (
        tickets_for(user)
        .select_related("problem_type", "team", "assignee", "merged_into")
        .filter(number=number)
        .first()
    )


def messages(ticket: Ticket) -> list[TicketMessage]:
    return list(ticket.messages.select_related("author").order_by("created_at", "id"))


def documents(ticket: Ticket) -> list:
    return documents_of(Ticket, [ticket.pk]).get(ticket.pk, [])


def duplicates(ticket: Ticket) -> list[Ticket]:
    return list(ticket.duplicates.only("number", "received_at").order_by("received_at"))


def operators() -> QuerySet[User]:
    roles = [role for role, caps in CAPABILITIES.items() if Capability.HANDLE_HELPDESK in caps]
    return User.objects.filter(is_active=True, role_assignments__role__in=roles).distinct().order_by("name")


def canned_answers(ticket: Ticket, operator) -> list[tuple[CannedAnswer, str]]:
    """The answers that fit the ticket's type, each with its placeholders filled in."""
    values = {
        "nama": ticket.name,
        "nomor": ticket.number,
        "jenis": ticket.problem_type.name,
        "batas_waktu": date_format(timezone.localtime(ticket.due_at), "j F Y H:i"),
        "petugas": operator.name or operator.get_username(),
    }
    answers = CannedAnswer.objects.filter(is_active=True).filter(
        Q(problem_type__isnull=True) | Q(problem_type_id=ticket.problem_type_id)
    )
    return [(a, fill_placeholders(a.body, values)) for a in answers.order_by("problem_type_id", "title")]
