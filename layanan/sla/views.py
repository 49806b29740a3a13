"""The SLA compliance report: the page (table + chart), its XLSX and the chart's JSON.

All three read the same ``layanan.sla.queries.sla_report`` for the month chosen with ``?bulan=YYYY-MM``
(default: the current month); a malformed month is explained next to the field and the
current month is shown instead.
"""

from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from accounts.roles import Capability
from core.inputs import MonthForm
from core.permissions import require
from core.spreadsheets import xlsx_response
from layanan.sla.queries import sla_chart_data, sla_report, sla_xlsx


def _report(request):
    form = MonthForm(request.GET)
    return form, sla_report(form.month())


@require(Capability.VIEW_SLA_REPORT)
@require_GET
def sla_report_view(request):
    form, report = _report(request)
    month = report.month.strftime("%Y-%m")
    if form.is_valid() and not form.cleaned_data["bulan"]:
        form = MonthForm({"bulan": month})  # show which month the page is about
    return render(request, "layanan/sla_report.html", {"form": form, "report": report, "month": month})


@require(Capability.VIEW_SLA_REPORT)
@require_GET
def sla_export(request):
    _form, report = _report(request)
    return xlsx_response(sla_xlsx(report), f"laporan-sla-{report.month:%Y-%m}.xlsx")


@require(Capability.VIEW_SLA_REPORT)
@require_GET
def sla_chart_data_view(request):
    _form, report = _report(request)
    return JsonResponse(sla_chart_data(report))
