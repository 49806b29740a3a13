"""The score page of one employee ("IP-ASN Saya" and the staff view) and the training record."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts.roles import Capability
from core.documents import DocumentRejected
from core.permissions import require
from ipasn.scores.actions import do_record_training
from ipasn.scores.forms import TrainingForm, year_param
from ipasn.scores.queries import (
    explanation,
    get_pegawai_for_user,
    latest_year,
    score_of,
    years_of,
)
from ipasn.scores.rules import action_label
from people.records.queries import own_pegawai


def _add_errors(form, exc: ValidationError) -> None:
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    for name, errors in exc.message_dict.items():
        form.add_error(name if name in form.fields else None, errors)


def _year(request) -> int:
    return year_param(request.GET.get("tahun", "")) or latest_year() or timezone.localdate().year


def _page(request, pegawai, *, own: bool):
    year = _year(request)
    score = score_of(pegawai, year)
    rows_url = reverse("people:data_saya") if own else reverse("people:pegawai_detail", args=[pegawai.pk])
    context = {"pegawai": pegawai, "own": own, "year": year, "trend": years_of(pegawai)}
    if score is not None:
        explained = explanation(score, rows_url=rows_url)
        explained["actions"] = [(action_label(s), s.gain) for s in explained["suggestions"]]
        context.update(explained)
    return render(request, "ipasn/score.html", context)


@require_GET
def mine(request):
    return _page(request, own_pegawai(request.user), own=True)


@require_GET
@require(Capability.VIEW_PEGAWAI)
def pegawai_score(request, pk: int):
    return _page(request, get_pegawai_for_user(request.user, pk), own=False)


@require_http_methods(["GET", "POST"])
def record_training(request):
    pegawai = own_pegawai(request.user)
    form = TrainingForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            do_record_training(
                pegawai,
                jenis=data["jenis"],
                nama=data["nama"],
                penyelenggara=data["penyelenggara"],
                tahun=data["tahun"],
                jam=data["jam"],
                certificate=data["sertifikat"],
                actor=request.user,
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        except DocumentRejected as exc:
            form.add_error("sertifikat", str(exc))
        else:
            messages.success(request, _("Pelatihan tercatat; skor IP-ASN Anda sudah dihitung ulang."))
            return redirect("ipasn:mine")
    return render(request, "ipasn/training_form.html", {"form": form, "pegawai": pegawai})
