"""The applicant's writes: filing a ticket and replying to it (which may reopen it).

Both run without a login: ``actor`` is the logged-in employee, or None for the public. The
e-mail with the number and the status link leaves once the transaction has committed.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import record, snapshot
from core.documents import do_attach_document
from helpdesk.models import ProblemType, Ticket, TicketMessage
from helpdesk.sla.queries import helpdesk_calendar
from helpdesk.sla.rules import resume_due, ticket_due, waited
from helpdesk.tickets import rules

log = logging.getLogger(__name__)

SCAN_KIND = "lainnya"
AUDITED = ("number", "problem_type", "team", "status", "assignee", "due_at", "reopened")


class TicketError(ValueError):
    """A move the ticket's state does not allow; the message says why, in Indonesian."""


def _unique_number() -> str:
    for _attempt in range(10):
        number = rules.new_number()
        if not Ticket.objects.filter(number=number).exists():
            return number
    raise TicketError(_("Nomor tiket tidak dapat dibuat; coba kirim lagi."))


def mail_applicant(ticket: Ticket, template: str, status_url: str = "") -> None:
    """E-mail ``ticket``'s applicant once the transaction commits; a mail failure is logged,
    never shown to the applicant (the number is on their screen already)."""
    context = {"ticket": ticket, "status_url": status_url, "type_name": ticket.problem_type.name}
    subject = render_to_string(f"helpdesk/mail/{template}_subject.txt", context).strip()
    body = render_to_string(f"helpdesk/mail/{template}.txt", context)

    def send():
        try:
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [ticket.email])
        except Exception:  # an SMTP outage must not undo a committed ticket
            log.exception("helpdesk: mail for ticket %s not sent", ticket.number)

    transaction.on_commit(send)


@transaction.atomic
def do_submit_ticket(
    *,
    problem_type: ProblemType,
    name: str,
    email: str,
    phone: str,
    question: str,
    details: dict,
    scans: dict,
    actor,
    status_url: str = "",
    now=None,
    mail: bool = True,
) -> Ticket:
    """File a ticket: a fresh number, routed to the type's team, due in its working days."""
    now = now or timezone.now()
    ticket = Ticket(
        number=_unique_number(),
        problem_type=problem_type,
        team_id=problem_type.team_id,
        name=name,
        email=email,
        phone=phone,
        question=question,
        details=details,
        requester=actor if actor is not None and actor.is_authenticated else None,
        received_at=now,
        due_at=ticket_due(now, problem_type.sla_working_days, helpdesk_calendar()),
    )
    ticket.full_clean()
    ticket.save()
    for uploaded in scans.values():
        do_attach_document(ticket, uploaded, kind=SCAN_KIND, actor=actor)
    record(
        actor=actor,
        event="helpdesk.ticket_dibuat",
        obj=ticket,
        after={**snapshot(ticket, AUDITED), "scans": sorted(scans)},
    )
    if mail:  # the demo's fictional applicants get none
        mail_applicant(ticket, "received", status_url)
    return ticket


def resume_clock(ticket: Ticket, now, calendar=None) -> None:
    """End a wait for the applicant: the deadline moves on by the office time it took."""
    if ticket.paused_at is None:
        return
    calendar = calendar or helpdesk_calendar()
    wait = waited(ticket.paused_at, now, calendar)
    ticket.due_at = resume_due(ticket.due_at, wait, calendar)
    ticket.paused_seconds += int(wait.total_seconds())
    ticket.paused_at = None


@transaction.atomic
def do_reply_ticket(ticket: Ticket, *, body: str, actor, now=None) -> Ticket:
    """The applicant answers a question, or replies to an answer within the reopening window:
    the ticket goes back to the operators (a reopened one with a fresh deadline)."""
    now = now or timezone.now()
    ticket = Ticket.objects.select_for_update().select_related("problem_type").get(pk=ticket.pk)
    if not rules.applicant_may_reply(ticket, now, settings.PELITA_HELPDESK_REOPEN_DAYS):
        raise TicketError(_("Tiket ini tidak dapat dibalas lagi; kirim tiket baru bila masih perlu bantuan."))
    before = snapshot(ticket, AUDITED)
    event = "helpdesk.ticket_dibalas"
    if ticket.status == Ticket.Status.WAITING:
        resume_clock(ticket, now)
    else:
        event = "helpdesk.ticket_dibuka_kembali"
        ticket.reopened += 1
        ticket.closed_at = None
        ticket.overdue = False
        ticket.escalated_at = None
        ticket.due_at = ticket_due(now, ticket.problem_type.sla_working_days, helpdesk_calendar())
    ticket.status = Ticket.Status.IN_PROGRESS if ticket.assignee_id else Ticket.Status.RECEIVED
    ticket.save()
    TicketMessage.objects.create(ticket=ticket, kind=TicketMessage.Kind.REPLY, body=body, created_at=now)
    record(actor=actor, event=event, obj=ticket, before=before, after=snapshot(ticket, AUDITED))
    return ticket
