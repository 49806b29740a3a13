from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from accounts.permissions import require
from accounts.roles import Capability
from core.paging import paginate
from org.queries import get_opd_for_user

from .queries import jf_type_counts, opd_officials, opd_ranking
from .scoring import FLAGS, WEIGHTS, YEARS_IN_RANK_LIMIT

FLAG_LABELS = {
    "lama_dalam_pangkat": _("Lebih dari 4 tahun dalam pangkat"),
    "ak_tertinggal": _("Angka kredit tertinggal"),
    "tidak_sesuai_peta": _("Tidak sesuai peta jabatan"),
    "tugas_tambahan": _("Tugas tambahan di luar jabatan"),
}


def _flag_columns():
    return [(flag, FLAG_LABELS[flag], round(WEIGHTS[flag] * 100)) for flag in FLAGS]


@require_GET
@require(Capability.VIEW_JAFUNG)
def ranking(request):
    rows = opd_ranking(request.user, timezone.localdate())
    return render(
        request,
        "jafung/ranking.html",
        {"rows": rows, "flags": _flag_columns(), "limit": YEARS_IN_RANK_LIMIT},
    )


@require_GET
@require(Capability.VIEW_JAFUNG)
def opd_detail(request, pk: int):
    opd = get_opd_for_user(request.user, pk)
    flag = request.GET.get("flag", "")
    flag = flag if flag in FLAGS else ""
    rows = opd_officials(opd, timezone.localdate(), flag=flag)
    return render(
        request,
        "jafung/opd.html",
        {
            "opd": opd,
            "flag": flag,
            "flag_label": FLAG_LABELS.get(flag, ""),
            "flags": _flag_columns(),
            "labels": FLAG_LABELS,
            **paginate(request, rows, per_page=50),
        },
    )


@require_GET
@require(Capability.VIEW_JAFUNG)
def jf_types(request):
    return render(request, "jafung/types.html", {"types": jf_type_counts(request.user)})
