"""The reconciliation worklist: what SIASN says differently, and the decision on each row.

Scoped like the employee data (siasn.reconciliation.queries): a difference outside the
user's scope is a 404, a user without the import capability gets 403.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.roles import Capability
from core.paging import paginate
from core.permissions import require
from people.corrections.actions import CORRECTABLE
from people.models import Pegawai
from siasn.reconciliation.actions import (
    do_accept_siasn_value,
    do_keep_pelita_value,
    do_open_siasn_correction,
    progress_of,
)
from siasn.reconciliation.forms import CorrectionForm, WorklistFilter
from siasn.reconciliation.queries import (
    field_label,
    get_difference_for_user,
    list_differences_for_user,
    pulls_for_user,
    value_text,
)

PAGE_SIZE = 50


def _rows(page):
    correctable = set(CORRECTABLE[Pegawai])
    return [
        {
            "diff": diff,
            "label": field_label(diff),
            "pelita": value_text(diff, "pelita_value"),
            "siasn": value_text(diff, "siasn_value"),
            "correctable": diff.field in correctable,
        }
        for diff in page
    ]


@require(Capability.IMPORT_PEGAWAI)
@require_GET
def worklist(request):
    form = WorklistFilter(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    status = data.get("status", "terbuka") if request.GET else "terbuka"
    rows = list_differences_for_user(request.user, status=status or "", search=(data.get("q") or "").strip())
    context = paginate(request, rows, per_page=PAGE_SIZE)
    context["rows"] = _rows(context["page_obj"])
    pulls = list(pulls_for_user(request.user)[:5])
    context["pulls"] = [(pull, *progress_of(pull)) for pull in pulls]
    context["form"] = form
    return render(request, "siasn/worklist.html", context)


def _decide(request, pk: int, action, done_message: str):
    difference = get_difference_for_user(request.user, pk)
    try:
        action(difference, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, done_message)
    return redirect("siasn:worklist")


@require(Capability.IMPORT_PEGAWAI)
@require_POST
def accept(request, pk: int):
    return _decide(
        request, pk, do_accept_siasn_value, _("Nilai SIASN diterima dan disimpan di data pegawai.")
    )


@require(Capability.IMPORT_PEGAWAI)
@require_POST
def keep(request, pk: int):
    return _decide(request, pk, do_keep_pelita_value, _("Nilai Pelita dipertahankan."))


@require(Capability.IMPORT_PEGAWAI)
@require_http_methods(["GET", "POST"])
def correct(request, pk: int):
    difference = get_difference_for_user(request.user, pk)
    form = CorrectionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            do_open_siasn_correction(
                difference,
                reason=form.cleaned_data["reason"],
                scan=form.cleaned_data["scan"],
                actor=request.user,
            )
        except ValidationError as exc:
            for name, errors in getattr(exc, "message_dict", {None: exc.messages}).items():
                form.add_error(name if name in form.fields else None, errors)
        else:
            messages.success(request, _("Usulan perbaikan diajukan untuk diverifikasi."))
            return redirect("siasn:worklist")
    context = {
        "form": form,
        "diff": difference,
        "label": field_label(difference),
        "pelita": value_text(difference, "pelita_value"),
        "siasn": value_text(difference, "siasn_value"),
    }
    return render(request, "siasn/correct.html", context)
