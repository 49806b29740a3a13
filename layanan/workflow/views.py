"""The officials' inboxes: the list of their step's requests, one transition, a bulk one.

A request outside the user's reach (unknown number, a draft) is a 404; a move the table
does not give the user (another role's step, another step's or service's transition, a
forged id) is a 403; a form made for an older state of the request (replayed, or someone
acted first) is a 409 page. Input the official can fix (a missing note or agenda number)
comes back as a message. In every refused case nothing changes.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from accounts.roles import Capability
from core.inputs import clean_text
from core.paging import paginate
from core.permissions import require
from layanan.models import Request, Transition
from layanan.products.files import ProductError
from layanan.requests.queries import get_request_for_user
from layanan.workflow.actions import do_bulk_transition, do_resubmit_request, do_transition
from layanan.workflow.forms import InboxFilterForm
from layanan.workflow.queries import bulk_transitions_for, get_processable_request, inbox_for_user
from layanan.workflow.rules import InvalidTransition
from people.records.queries import may_act_for


def _back(request, default: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default


def _int(value) -> int | None:
    value = (value or "").strip()
    return int(value) if value.isdigit() else None


def _conflict(request, message: str, back: str):
    return render(request, "layanan/inbox_conflict.html", {"message": message, "back": back}, status=409)


def _posted_transition(request) -> Transition:
    """The transition the form names; a missing or unknown id is a forged form (403)."""
    transition_id = _int(request.POST.get("transition"))
    transition = Transition.objects.filter(pk=transition_id).first() if transition_id else None
    if transition is None:
        raise PermissionDenied
    return transition


def _refused(request, refused: InvalidTransition | ProductError, back: str):
    """The answer to a refused move: 403 for a forged one, 409 for a stale form, otherwise
    the reason as a message on the page it came from. Nothing has changed in any case."""
    if isinstance(refused, InvalidTransition):
        if refused.forbidden:
            raise PermissionDenied(refused.message) from None
        if refused.stale:
            return _conflict(request, refused.message, back)
        messages.error(request, refused.message)
    else:
        messages.error(request, str(refused))
    return redirect(back)


@require(Capability.PROCESS_REQUESTS)
@require_GET
def inbox(request):
    form = InboxFilterForm(request.GET, user=request.user)
    now = timezone.now()
    page = paginate(request, inbox_for_user(request.user, form.filters(), now=now))
    rows = list(page["page_obj"].object_list)
    for row in rows:
        row.late = row.overdue or (row.due_at is not None and row.due_at < now)
        row.step_late = row.step_due is not None and row.step_due < now
    page["page_obj"].object_list = rows
    buttons = bulk_transitions_for(request.user, {row.step_id for row in rows}) if rows else []
    return render(
        request,
        "layanan/inbox.html",
        {"form": form, "bulk_buttons": buttons, "now": now, **page},
    )


@require(Capability.PROCESS_REQUESTS)
@require_POST
def inbox_act(request, number: str):
    target = get_processable_request(request.user, number)
    if target is None:
        raise Http404
    transition, version = _posted_transition(request), _int(request.POST.get("version"))
    back = _back(request, reverse("layanan:request_detail", args=[target.number]))
    if version is None:
        return _conflict(request, _("Formulir tidak lengkap; muat ulang halaman permohonan."), back)
    try:
        done = do_transition(
            target,
            transition,
            actor=request.user,
            note=clean_text(request.POST.get("note"), max_length=2000),
            version=version,
            agenda_number=clean_text(request.POST.get("agenda_number"), max_length=50),
        )
    except (InvalidTransition, ProductError) as refused:
        return _refused(request, refused, back)
    messages.success(request, _done_message(done, transition))
    return redirect("layanan:inbox")


def _done_message(done: Request, transition: Transition) -> str:
    values = {"number": done.number, "label": transition.label}
    if done.status == Request.Status.IN_PROCESS:
        return _("Permohonan %(number)s: %(label)s — kini di tahap %(step)s.") % {
            **values,
            "step": done.step.name,
        }
    return _("Permohonan %(number)s: %(label)s — status %(status)s.") % {
        **values,
        "status": done.get_status_display(),
    }


@require(Capability.PROCESS_REQUESTS)
@require_POST
def inbox_bulk(request):
    back = _back(request, reverse("layanan:inbox"))
    transition = _posted_transition(request)
    # Each checkbox carries "number:version", the state the official saw.
    seen: dict[str, int | None] = {}
    for value in request.POST.getlist("pilih"):
        number, _sep, version = value.partition(":")
        seen[number.strip()] = _int(version)
    if not seen:
        messages.error(request, _("Pilih sedikitnya satu permohonan."))
        return redirect(back)
    found = {r.number: r for r in inbox_for_user(request.user).filter(number__in=list(seen))}
    gone = sorted(set(seen) - set(found))
    if gone or any(v is None for v in seen.values()):
        return _conflict(
            request,
            _(
                "Tidak ada permohonan yang diproses: %(numbers)s tidak lagi ada di kotak masuk Anda "
                "(mungkin sudah diproses orang lain). Muat ulang kotak masuk."
            )
            % {"numbers": ", ".join(gone or sorted(seen))},
            back,
        )
    try:
        done = do_bulk_transition(
            list(found.values()),
            transition,
            actor=request.user,
            note=clean_text(request.POST.get("note"), max_length=2000),
            versions={r.pk: seen[n] for n, r in found.items()},
        )
    except (InvalidTransition, ProductError) as refused:
        return _refused(request, refused, back)
    messages.success(
        request,
        ngettext(
            "%(count)d permohonan: %(label)s.",
            "%(count)d permohonan: %(label)s.",
            len(done),
        )
        % {"count": len(done), "label": transition.label},
    )
    return redirect(back)


@require_POST
def resubmit(request, number: str):
    """The applicant (or their Operator OPD) sends a returned request back to the officials;
    the form sits in layanan/_actions.html on the request page."""
    request_obj = get_request_for_user(request.user, number)
    if not may_act_for(request.user, request_obj.pegawai):
        raise PermissionDenied
    back = reverse("layanan:request_detail", args=[request_obj.number])
    version = _int(request.POST.get("version"))
    if version is None:
        return _conflict(request, _("Formulir tidak lengkap; muat ulang halaman permohonan."), back)
    try:
        done = do_resubmit_request(request_obj, actor=request.user, version=version)
    except InvalidTransition as refused:
        return _refused(request, refused, back)
    messages.success(
        request,
        _("Permohonan %(number)s diajukan kembali ke tahap %(step)s.")
        % {"number": done.number, "step": done.step.name},
    )
    return redirect(back)
