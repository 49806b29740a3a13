"""Public screens: the helpdesk menu, a ticket form per problem type, the page with the new
ticket's number, and the status page (with the applicant's reply)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from accounts.throttle import actions as throttle
from core.clients import client_address
from helpdesk.tickets import queries, rules
from helpdesk.tickets.actions import TicketError, do_reply_ticket, do_submit_ticket
from helpdesk.tickets.forms import ReplyForm, StatusForm, TicketForm, submission_counters

SENT_KEY = "helpdesk_sent"
NOT_FOUND = gettext_lazy("Tiket tidak ditemukan. Periksa kembali nomor tiket dan alamat e-mail.")


def status_url(request) -> str:
    return request.build_absolute_uri(reverse("helpdesk:status"))


@login_not_required
@require_GET
def index(request):
    return render(request, "helpdesk/index.html", {"types": queries.menu(request.user)})


@login_not_required
@require_http_methods(["GET", "POST"])
def ticket_create(request, code: str):
    problem_type = queries.problem_type(code, request.user)
    if problem_type is None:
        raise Http404
    address = client_address(request)
    if request.method == "POST":
        form = TicketForm(
            request.POST, request.FILES, problem_type=problem_type, user=request.user, address=address
        )
        if form.is_valid():
            try:
                ticket = do_submit_ticket(
                    problem_type=problem_type,
                    name=form.cleaned_data["name"],
                    email=form.cleaned_data["email"],
                    phone=form.cleaned_data["phone"],
                    question=form.cleaned_data["question"],
                    details=form.details(),
                    scans=form.scans(),
                    actor=request.user,
                    status_url=status_url(request),
                )
            except (TicketError, ValueError) as error:
                form.add_error(None, str(error))
            else:
                throttle.hit(*submission_counters(address))
                request.session[SENT_KEY] = {"number": ticket.number, "email": ticket.email}
                return redirect("helpdesk:ticket_sent")
        elif "captcha" in form.errors:
            # A script that ignores the captcha still meets the per-address limit.
            throttle.hit(submission_counters(address)[0])
    else:
        form = TicketForm(problem_type=problem_type, user=request.user, address=address)
    return render(request, "helpdesk/ticket_form.html", {"form": form, "problem_type": problem_type})


@login_not_required
@require_GET
def ticket_sent(request):
    # Without a ticket sent in this session the page says so and links to the menu.
    sent = request.session.get(SENT_KEY)
    return render(request, "helpdesk/ticket_sent.html", {"sent": sent})


def _lookup(request, form) -> tuple[object | None, str]:
    """The ticket of a valid form, or a refusal; misses are counted per client address."""
    address = client_address(request)
    if queries.is_blocked(address):
        return None, _("Terlalu banyak pencarian yang gagal dari alamat ini. Coba lagi dalam 10 menit.")
    ticket = queries.lookup(form.cleaned_data["number"], form.cleaned_data["email"])
    if ticket is None:
        queries.record_failure(address)
        return None, NOT_FOUND
    return ticket, ""


def _result(ticket, user) -> dict:
    may_reply = rules.applicant_may_reply(ticket, timezone.now(), settings.PELITA_HELPDESK_REOPEN_DAYS)
    reply = None
    if may_reply:
        reply = ReplyForm(
            initial={"number": ticket.number, "email": ticket.email}, anonymous=not user.is_authenticated
        )
    return {"ticket": ticket, "messages_public": queries.public_messages(ticket), "reply_form": reply}


@login_not_required
@require_http_methods(["GET", "POST"])
def status(request):
    context: dict = {"form": StatusForm(), "refusal": ""}
    if request.method == "POST" and "body" in request.POST:
        reply = ReplyForm(request.POST, anonymous=not request.user.is_authenticated)
        if reply.is_valid():
            ticket, refusal = _lookup(request, reply)
            context["refusal"] = refusal
            if ticket is not None:
                try:
                    ticket = do_reply_ticket(ticket, body=reply.cleaned_data["body"], actor=request.user)
                except TicketError as error:
                    context["refusal"] = str(error)
                else:
                    context["replied"] = True
                context.update(_result(ticket, request.user))
                context["form"] = StatusForm(initial={"number": ticket.number, "email": ticket.email})
        else:
            # Show the ticket again with the reply's errors, if number and e-mail still match.
            lookup = StatusForm(request.POST)
            ticket, context["refusal"] = _lookup(request, lookup) if lookup.is_valid() else (None, NOT_FOUND)
            if ticket is not None:
                context.update(_result(ticket, request.user))
                context["reply_form"] = reply
    elif request.method == "POST":
        form = StatusForm(request.POST)
        context["form"] = form
        if form.is_valid():
            ticket, context["refusal"] = _lookup(request, form)
            if ticket is not None:
                context.update(_result(ticket, request.user))
    return render(request, "helpdesk/status.html", context)
