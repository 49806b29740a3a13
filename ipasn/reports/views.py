"""Per OPD and instansi: ranking, distribution, trend, drill-down, training plan, the report."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accounts.roles import Capability
from core.charts import chart_spec, series
from core.inputs import search_term
from core.paging import paginate
from core.permissions import require
from core.spreadsheets import xlsx_response
from ipasn.models import Kategori
from ipasn.reports import queries
from ipasn.reports.files import file_rows, report_pdf, report_xlsx
from ipasn.scores.forms import id_param, year_param
from ipasn.scores.queries import latest_year, scores_in_scope
from ipasn.scores.rules import plan_label
from org.units.queries import get_opd_for_user, opds_for_user


def _year(request) -> int:
    return year_param(request.GET.get("tahun", "")) or latest_year() or timezone.localdate().year


# One colour per kategori, from very high (green) to very low (red), in the order of Kategori.
KATEGORI_COLOURS = ("#1e8449", "#52be80", "#f4d03f", "#e67e22", "#c0392b")


def _chart(distribution) -> dict:
    return chart_spec(
        labels=[label for _code, label, _n in distribution],
        data=[
            series(
                _("Pegawai"), [n for *_x, n in distribution], colours=KATEGORI_COLOURS[: len(distribution)]
            )
        ],
        legend=False,
    )


@require_GET
@require(Capability.VIEW_PEGAWAI)
def ranking(request):
    year = _year(request)
    total = queries.summary(request.user, year)
    return render(
        request,
        "ipasn/ranking.html",
        {
            "year": year,
            "summary": total,
            "chart": _chart(total["distribution"]),
            "rows": queries.opd_ranking(request.user, year),
            "trend": queries.trend(request.user),
        },
    )


@require_GET
@require(Capability.VIEW_PEGAWAI)
def opd_detail(request, pk: int):
    opd = get_opd_for_user(request.user, pk)
    year = _year(request)
    q = search_term(request)
    kategori = request.GET.get("kategori", "")
    total = queries.summary(request.user, year, opd)
    plan = [
        {**row, "label": plan_label(row["code"])} for row in queries.training_plan(request.user, year, opd)
    ]
    return render(
        request,
        "ipasn/opd.html",
        {
            "opd": opd,
            "year": year,
            "q": q,
            "kategori": kategori,
            "kategori_choices": Kategori.choices,
            "summary": total,
            "chart": _chart(total["distribution"]),
            "trend": queries.trend(request.user, opd),
            "plan": plan,
            **paginate(request, queries.opd_scores(request.user, year, opd, q=q, kategori=kategori)),
        },
    )


def _report_scope(request):
    """(year, OPD or None) of a report request; an OPD outside the scope is a 404."""
    opd_id = id_param(request.GET.get("opd", ""))
    opd = get_opd_for_user(request.user, opd_id) if opd_id else None
    if opd is None and opds_for_user(request.user).count() == 1:
        opd = opds_for_user(request.user).first()  # an Operator OPD's report is their OPD's
    return _year(request), opd


@require_GET
@require(Capability.VIEW_PEGAWAI)
def report_xlsx_view(request):
    year, opd = _report_scope(request)
    rows = queries.report_rows(scores_in_scope(request.user), year, opd)
    suffix = f"-{opd.code}" if opd else ""
    return xlsx_response(report_xlsx(rows, year), f"laporan-ipasn-{year}{suffix}.xlsx")


@require_GET
@require(Capability.VIEW_PEGAWAI)
def report_pdf_view(request):
    year, opd = _report_scope(request)
    context = {
        "year": year,
        "opd": opd,
        "summary": queries.summary(request.user, year, opd),
        "printed_on": timezone.localdate(),
    }
    if opd is None:
        context["ranking"] = queries.opd_ranking(request.user, year)
    else:
        context["rows"] = list(file_rows(queries.report_rows(scores_in_scope(request.user), year, opd)))
    response = HttpResponse(report_pdf(context), content_type="application/pdf")
    suffix = f"-{opd.code}" if opd else ""
    response["Content-Disposition"] = f'attachment; filename="laporan-ipasn-{year}{suffix}.pdf"'
    return response
