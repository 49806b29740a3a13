"""Correction screens: propose (with a scan), "Usulan saya", the verifier queue and decisions.

Who may see what is people.corrections.actions / people.corrections.queries; anything outside the
user's scope is a 404, a wrong role a 403.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.roles import Capability
from core.inputs import clean_text
from core.paging import paginate
from core.permissions import require
from people.corrections.actions import (
    do_approve_correction,
    do_propose_correction,
    do_reject_correction,
    may_decide,
    resolve_target,
    targets_of,
)
from people.corrections.forms import ProposeCorrectionForm, QueueFilterForm, RejectForm
from people.corrections.queries import for_display, get_correction_for_user, mine, queue_for_user
from people.records.queries import get_own_or_readable_pegawai


def _add_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for name, errors in exc.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


@require_http_methods(["GET", "POST"])
def correction_propose(request, pk: int):
    pegawai = get_own_or_readable_pegawai(request.user, pk)
    form = ProposeCorrectionForm(request.POST or None, request.FILES or None, targets=targets_of(pegawai))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            row, field = resolve_target(pegawai, data["field"])
            do_propose_correction(
                pegawai,
                field=field,
                new_value=data["new_value"],
                reason=data["reason"],
                scan=data["scan"],
                actor=request.user,
                row=row,
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Usulan perbaikan dikirim dan menunggu verifikasi."))
            return redirect("people:correction_mine")
    own = pegawai.user_id == request.user.pk
    back = reverse("people:data_saya") if own else reverse("people:pegawai_detail", args=[pegawai.pk])
    return render(request, "people/correction_form.html", {"pegawai": pegawai, "form": form, "back": back})


@require_GET
def correction_mine(request):
    page = paginate(request, mine(request.user))
    page["page_obj"].object_list = for_display(page["page_obj"].object_list)
    return render(request, "people/correction_mine.html", page)


@require_GET
def correction_detail(request, pk: int):
    correction = for_display([get_correction_for_user(request.user, pk)])[0]
    return render(
        request,
        "people/correction_detail.html",
        {
            "correction": correction,
            "can_decide": may_decide(request.user, correction) and correction.status == "diajukan",
        },
    )


@require(Capability.VERIFY_CORRECTIONS)
@require_GET
def correction_queue(request):
    form = QueueFilterForm(request.GET)
    status = form.cleaned_data["status"] if form.is_valid() else ""
    page = paginate(request, queue_for_user(request.user, status=status))
    page["page_obj"].object_list = for_display(page["page_obj"].object_list)
    return render(
        request, "people/correction_queue.html", {"form": form, "reject_form": RejectForm(), **page}
    )


def _decision(request, pk: int, decide) -> object:
    correction = queue_for_user(request.user).filter(pk=pk).first()
    if correction is None:
        raise Http404
    try:
        decide(correction)
    except PermissionDenied:
        messages.error(request, _("Anda tidak dapat memutuskan usulan yang Anda ajukan sendiri."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("people:correction_queue")


@require(Capability.VERIFY_CORRECTIONS)
@require_POST
def correction_approve(request, pk: int):
    def approve(correction):
        do_approve_correction(correction, actor=request.user)
        messages.success(request, _("Perbaikan disetujui dan diterapkan."))

    return _decision(request, pk, approve)


@require(Capability.VERIFY_CORRECTIONS)
@require_POST
def correction_reject(request, pk: int):
    def reject(correction):
        do_reject_correction(
            correction, reason=clean_text(request.POST.get("reason"), max_length=2000), actor=request.user
        )
        messages.success(request, _("Usulan perbaikan ditolak."))

    return _decision(request, pk, reject)
