from __future__ import annotations

from django.conf import settings
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from accounts.roles import Capability
from core.paging import paginate
from core.permissions import require
from jafung.queries import current_survey, jf_type_counts, opd_officials, opd_ranking
from jafung.rules import FLAGS, WEIGHTS, YEARS_IN_RANK_LIMIT
from org.units.queries import get_opd_for_user

FLAG_LABELS = {
    "lama_dalam_pangkat": _("Lebih dari 4 tahun dalam pangkat"),
    "ak_tertinggal": _("Angka kredit tertinggal"),
    "tidak_sesuai_peta": _("Tidak sesuai peta jabatan"),
    "tugas_tambahan": _("Tugas tambahan di luar jabatan"),
}


def _flag_columns():
    return [(flag, FLAG_LABELS[flag], round(WEIGHTS[flag] * 100)) for flag in FLAGS]


def _survey_context(survey) -> dict:
    """What the pages say about the survey read, so an empty survey column is never unexplained."""
    configured = settings.PELITA_JAFUNG_CAMPAIGN
    return {"survey": survey, "survey_configured": configured}


@require_GET
@require(Capability.VIEW_JAFUNG)
def ranking(request):
    survey = current_survey()
    rows = opd_ranking(request.user, timezone.localdate(), survey)
    return render(
        request,
        "jafung/ranking.html",
        {"rows": rows, "flags": _flag_columns(), "limit": YEARS_IN_RANK_LIMIT, **_survey_context(survey)},
    )


@require_GET
@require(Capability.VIEW_JAFUNG)
def opd_detail(request, pk: int):
    opd = get_opd_for_user(request.user, pk)
    flag = request.GET.get("flag", "")
    flag = flag if flag in FLAGS else ""
    survey = current_survey()
    rows = opd_officials(opd, timezone.localdate(), flag=flag, survey=survey)
    return render(
        request,
        "jafung/opd.html",
        {
            "opd": opd,
            "flag": flag,
            "flag_label": FLAG_LABELS.get(flag, ""),
            "flags": _flag_columns(),
            "labels": FLAG_LABELS,
            **_survey_context(survey),
            **paginate(request, rows, per_page=50),
        },
    )


@require_GET
@require(Capability.VIEW_JAFUNG)
def jf_types(request):
    return render(request, "jafung/types.html", {"types": jf_type_counts(request.user)})
