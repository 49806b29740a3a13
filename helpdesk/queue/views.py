"""The operators' screens: the queue, a ticket with its moves, a scan of a ticket."""

from __future__ import annotations

from django.contrib import messages as flash
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.roles import Capability
from core.documents import do_record_download, document_response, get_document
from core.paging import paginate
from core.permissions import require, user_can
from helpdesk.models import Ticket
from helpdesk.queue import actions, queries
from helpdesk.queue.forms import AnswerForm, AskForm, AssignForm, MergeForm, NoteForm, QueueFilterForm
from helpdesk.tickets.actions import TicketError
from helpdesk.tickets.rules import MOVES
from helpdesk.tickets.views import status_url


@require(Capability.HANDLE_HELPDESK)
@require_GET
def queue_list(request):
    teams = list(queries.teams())
    form = QueueFilterForm(request.GET or None, teams=teams)
    filters = form.filters() if request.GET else {"state": "terbuka"}
    tickets = queries.queue(request.user, **filters)
    context = {
        "form": form,
        "state": filters["state"],
        "can_edit_types": user_can(request.user, Capability.MANAGE_SERVICES),
        **paginate(request, tickets),
    }
    return render(request, "helpdesk/queue.html", context)


def _forms(request, ticket, bound: dict | None = None) -> dict:
    bound = bound or {}
    canned = queries.canned_answers(ticket, request.user)
    return {
        "answer_form": bound.get("answer") or AnswerForm(prefix="answer", canned=canned),
        "ask_form": bound.get("ask") or AskForm(prefix="ask"),
        "note_form": bound.get("note") or NoteForm(prefix="note"),
        "assign_form": bound.get("assign")
        or AssignForm(prefix="assign", operators=list(queries.operators())),
        "merge_form": bound.get("merge") or MergeForm(prefix="merge"),
        "canned": canned,
    }


def _page(request, ticket, bound=None, status=200):
    context = {
        "ticket": ticket,
        "messages_all": queries.messages(ticket),
        "documents": queries.documents(ticket),
        "duplicates": queries.duplicates(ticket),
        "moves": MOVES.get(ticket.status, frozenset()),
        **_forms(request, ticket, bound),
    }
    return render(request, "helpdesk/ticket_detail.html", context, status=status)


def _ticket_or_404(request, number):
    ticket = queries.ticket(request.user, number)
    if ticket is None:
        raise Http404
    return ticket


@require(Capability.HANDLE_HELPDESK)
@require_GET
def ticket_detail(request, number: str):
    return _page(request, _ticket_or_404(request, number))


DONE = {
    "claim": gettext_lazy("Tiket diambil."),
    "assign": gettext_lazy("Tiket ditugaskan."),
    "answer": gettext_lazy("Jawaban terkirim ke pemohon."),
    "ask": gettext_lazy("Permintaan terkirim; jam layanan berhenti sampai pemohon membalas."),
    "note": gettext_lazy("Catatan disimpan."),
    "close": gettext_lazy("Tiket ditutup."),
    "merge": gettext_lazy("Tiket digabung."),
}


@require(Capability.HANDLE_HELPDESK)
@require_POST
def ticket_act(request, number: str):
    ticket = _ticket_or_404(request, number)
    move = request.POST.get("move", "")
    if move not in DONE:
        flash.error(request, _("Langkah tidak dikenal."))
        return redirect("helpdesk:ticket_detail", number=ticket.number)
    actor, url = request.user, status_url(request)
    bound: dict = {}
    try:
        if move == "claim":
            actions.do_claim_ticket(ticket, actor=actor)
        elif move == "close":
            actions.do_close_ticket(ticket, actor=actor)
        elif move == "answer":
            form = bound["answer"] = AnswerForm(
                request.POST, prefix="answer", canned=queries.canned_answers(ticket, actor)
            )
            if form.is_valid():
                actions.do_answer_ticket(ticket, body=form.cleaned_data["body"], actor=actor, status_url=url)
        elif move == "ask":
            form = bound["ask"] = AskForm(request.POST, prefix="ask")
            if form.is_valid():
                actions.do_ask_applicant(ticket, body=form.cleaned_data["body"], actor=actor, status_url=url)
        elif move == "note":
            form = bound["note"] = NoteForm(request.POST, prefix="note")
            if form.is_valid():
                actions.do_add_ticket_note(ticket, body=form.cleaned_data["body"], actor=actor)
        elif move == "assign":
            form = bound["assign"] = AssignForm(
                request.POST, prefix="assign", operators=list(queries.operators())
            )
            if form.is_valid():
                actions.do_assign_ticket(ticket, form.operators[form.cleaned_data["operator"]], actor=actor)
        elif move == "merge":
            form = bound["merge"] = MergeForm(request.POST, prefix="merge")
            if form.is_valid():
                target = queries.ticket(actor, form.cleaned_data["target"])
                if target is None:
                    form.add_error("target", _("Tiket tujuan tidak ditemukan."))
                else:
                    actions.do_merge_ticket(ticket, target, actor=actor)
    except TicketError as error:
        flash.error(request, str(error))
        return _page(request, queries.ticket(actor, number), status=409)
    if bound and any(f.errors for f in bound.values()):
        return _page(request, ticket, bound, status=400)
    flash.success(request, DONE[move])
    return redirect("helpdesk:ticket_detail", number=ticket.number)


@require(Capability.HANDLE_HELPDESK)
@require_GET
def ticket_document(request, number: str, document: int):
    ticket = _ticket_or_404(request, number)
    found = get_document(document, owner_models=[Ticket])
    if found is None or found.object_id != ticket.pk:
        raise Http404
    do_record_download(found, actor=request.user)
    return document_response(found)


@require(Capability.HANDLE_HELPDESK)
@require_http_methods(["GET", "POST"])
def faq_from_answer(request, number: str, message: int):
    """An answer turned into a FAQ entry: the question and the answer prefilled, then edited."""
    from helpdesk.faq.views import entry_form_page

    ticket = _ticket_or_404(request, number)
    answer = ticket.messages.filter(pk=message, kind="jawaban").first()
    if answer is None:
        raise Http404
    return entry_form_page(
        request, None, initial={"question": ticket.question, "answer": answer.body}, source=ticket
    )
