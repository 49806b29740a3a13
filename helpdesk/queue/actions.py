"""The operators' writes on a ticket. Each is one transaction and one audit row.

Closing is announced through the audit log under the stable event ``helpdesk.ticket_ditutup``
(object type ``helpdesk.ticket``): apps above the helpdesk (the satisfaction survey) listen
to ``core.audit.recorded`` for it instead of being called from here.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.roles import Capability
from core.audit import record, snapshot
from helpdesk.models import Ticket, TicketMessage
from helpdesk.tickets import rules
from helpdesk.tickets.actions import AUDITED, TicketError, mail_applicant, resume_clock

CLOSED_EVENT = "helpdesk.ticket_ditutup"


def _locked(ticket: Ticket, move: str) -> Ticket:
    fresh = Ticket.objects.select_for_update().select_related("problem_type").get(pk=ticket.pk)
    if not rules.allowed(fresh.status, move):
        raise TicketError(
            _("Tiket berstatus %(status)s; langkah ini tidak dapat dilakukan.")
            % {"status": fresh.get_status_display()}
        )
    return fresh


def _message(ticket: Ticket, kind: str, body: str, actor, now) -> TicketMessage:
    return TicketMessage.objects.create(ticket=ticket, kind=kind, body=body, author=actor, created_at=now)


def _save(ticket: Ticket, before: dict, *, actor, event: str, extra: dict | None = None) -> Ticket:
    ticket.save()
    record(
        actor=actor,
        event=event,
        obj=ticket,
        before=before,
        after={**snapshot(ticket, AUDITED), **(extra or {})},
    )
    return ticket


@transaction.atomic
def do_claim_ticket(ticket: Ticket, *, actor) -> Ticket:
    ticket = _locked(ticket, "claim")
    if ticket.assignee_id and ticket.assignee_id != actor.pk:
        raise TicketError(_("Tiket ini sudah ditangani petugas lain; minta penugasan ulang bila perlu."))
    before = snapshot(ticket, AUDITED)
    ticket.assignee = actor
    if ticket.status == Ticket.Status.RECEIVED:
        ticket.status = Ticket.Status.IN_PROGRESS
    return _save(ticket, before, actor=actor, event="helpdesk.ticket_diambil")


@transaction.atomic
def do_assign_ticket(ticket: Ticket, operator, *, actor) -> Ticket:
    ticket = _locked(ticket, "assign")
    if not operator.is_active or not operator.can(Capability.HANDLE_HELPDESK):
        raise TicketError(_("Pengguna ini bukan petugas helpdesk."))
    before = snapshot(ticket, AUDITED)
    ticket.assignee = operator
    if ticket.status == Ticket.Status.RECEIVED:
        ticket.status = Ticket.Status.IN_PROGRESS
    return _save(ticket, before, actor=actor, event="helpdesk.ticket_ditugaskan")


@transaction.atomic
def do_answer_ticket(
    ticket: Ticket, *, body: str, actor, status_url: str = "", now=None, mail: bool = True
) -> Ticket:
    """Answer the applicant: shown on the status page, announced by e-mail."""
    now = now or timezone.now()
    ticket = _locked(ticket, "answer")
    before = snapshot(ticket, AUDITED)
    resume_clock(ticket, now)
    _message(ticket, TicketMessage.Kind.ANSWER, body, actor, now)
    ticket.status = Ticket.Status.ANSWERED
    ticket.assignee = ticket.assignee or actor
    ticket.answered_at = now
    ticket.first_response_at = ticket.first_response_at or now
    if ticket.first_answered_at is None:
        ticket.first_answered_at = now
        ticket.answered_on_time = now <= ticket.due_at
    _save(ticket, before, actor=actor, event="helpdesk.ticket_dijawab")
    if mail:
        mail_applicant(ticket, "answered", status_url)
    return ticket


@transaction.atomic
def do_ask_applicant(
    ticket: Ticket, *, body: str, actor, status_url: str = "", now=None, mail: bool = True
) -> Ticket:
    """Ask the applicant for more: the clock stops until they reply."""
    now = now or timezone.now()
    ticket = _locked(ticket, "ask")
    before = snapshot(ticket, AUDITED)
    _message(ticket, TicketMessage.Kind.REQUEST, body, actor, now)
    ticket.status = Ticket.Status.WAITING
    ticket.assignee = ticket.assignee or actor
    ticket.paused_at = now
    ticket.first_response_at = ticket.first_response_at or now
    _save(ticket, before, actor=actor, event="helpdesk.ticket_menunggu_pemohon")
    if mail:
        mail_applicant(ticket, "waiting", status_url)
    return ticket


@transaction.atomic
def do_add_ticket_note(ticket: Ticket, *, body: str, actor, now=None) -> TicketMessage:
    """An internal note: never shown to the applicant."""
    ticket = _locked(ticket, "note")
    note = _message(ticket, TicketMessage.Kind.NOTE, body, actor, now or timezone.now())
    record(actor=actor, event="helpdesk.ticket_dicatat", obj=ticket, after={"catatan": note.pk})
    return note


@transaction.atomic
def do_close_ticket(ticket: Ticket, *, actor, now=None) -> Ticket:
    now = now or timezone.now()
    ticket = _locked(ticket, "close")
    before = snapshot(ticket, AUDITED)
    resume_clock(ticket, now)
    ticket.status = Ticket.Status.CLOSED
    ticket.closed_at = now
    return _save(ticket, before, actor=actor, event=CLOSED_EVENT)


@transaction.atomic
def do_merge_ticket(duplicate: Ticket, target: Ticket, *, actor, now=None) -> Ticket:
    """Close ``duplicate`` into ``target``: its question becomes a note on the target."""
    now = now or timezone.now()
    if duplicate.pk == target.pk:
        raise TicketError(_("Tiket tidak dapat digabung ke dirinya sendiri."))
    duplicate = _locked(duplicate, "merge")
    target = Ticket.objects.select_for_update().get(pk=target.pk)
    if target.merged_into_id:
        raise TicketError(_("Tiket tujuan sudah digabung ke tiket lain."))
    before = snapshot(duplicate, AUDITED)
    resume_clock(duplicate, now)
    duplicate.status = Ticket.Status.CLOSED
    duplicate.closed_at = now
    duplicate.merged_into = target
    when = date_format(timezone.localtime(duplicate.received_at), "j F Y H:i")
    _message(
        target,
        TicketMessage.Kind.NOTE,
        _("Tiket %(number)s (%(when)s) digabung ke tiket ini. Pertanyaannya: %(question)s")
        % {"number": duplicate.number, "when": when, "question": duplicate.question},
        actor,
        now,
    )
    return _save(
        duplicate, before, actor=actor, event="helpdesk.ticket_digabung", extra={"ke": target.number}
    )
