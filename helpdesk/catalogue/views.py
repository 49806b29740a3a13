"""Editing the helpdesk's data: problem types (Admin) and canned answers (operators)."""

from __future__ import annotations

from django.contrib import messages as flash
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts.roles import Capability
from core.permissions import require
from helpdesk.catalogue.actions import (
    do_create_canned_answer,
    do_update_canned_answer,
    do_update_problem_type,
)
from helpdesk.catalogue.forms import CannedAnswerForm, ProblemTypeForm
from helpdesk.models import CannedAnswer, ProblemType


@require(Capability.MANAGE_SERVICES)
@require_GET
def type_list(request):
    types = ProblemType.objects.select_related("team").order_by("order", "name")
    return render(request, "helpdesk/type_list.html", {"types": types})


@require(Capability.MANAGE_SERVICES)
@require_http_methods(["GET", "POST"])
def type_edit(request, pk: int):
    problem_type = ProblemType.objects.filter(pk=pk).first()
    if problem_type is None:
        raise Http404
    # The form cleans into a copy: the action compares the stored row with the new values.
    form = ProblemTypeForm(request.POST or None, instance=ProblemType.objects.get(pk=pk))
    if request.method == "POST" and form.is_valid():
        do_update_problem_type(
            problem_type, {n: form.cleaned_data[n] for n in ProblemTypeForm.Meta.fields}, actor=request.user
        )
        flash.success(request, _("Jenis permasalahan disimpan."))
        return redirect("helpdesk:type_list")
    return render(request, "helpdesk/simple_form.html", {"form": form, "title": problem_type.name})


@require(Capability.HANDLE_HELPDESK)
@require_GET
def canned_list(request):
    answers = CannedAnswer.objects.select_related("problem_type").order_by("title")
    return render(request, "helpdesk/canned_list.html", {"answers": answers})


@require(Capability.HANDLE_HELPDESK)
@require_http_methods(["GET", "POST"])
def canned_edit(request, pk: int | None = None):
    answer = CannedAnswer.objects.filter(pk=pk).first() if pk is not None else None
    if pk is not None and answer is None:
        raise Http404
    form = CannedAnswerForm(
        request.POST or None, instance=CannedAnswer.objects.get(pk=pk) if answer else None
    )
    if request.method == "POST" and form.is_valid():
        values = {n: form.cleaned_data[n] for n in CannedAnswerForm.Meta.fields}
        if answer is None:
            do_create_canned_answer(actor=request.user, **values)
        else:
            do_update_canned_answer(answer, values, actor=request.user)
        flash.success(request, _("Jawaban siap pakai disimpan."))
        return redirect("helpdesk:canned_list")
    title = answer.title if answer else _("Jawaban siap pakai baru")
    return render(request, "helpdesk/simple_form.html", {"form": form, "title": title})
