"""The monthly helpdesk report: page (table + chart), XLSX and the chart's JSON, all from the
same ``monthly_report`` for ``?bulan=YYYY-MM`` (default: this month)."""

from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from accounts.roles import Capability
from core.inputs import MonthForm
from core.permissions import require
from core.spreadsheets import xlsx_response
from helpdesk.sla.queries import chart_data, monthly_report, report_xlsx


def _report(request):
    form = MonthForm(request.GET)
    return form, monthly_report(form.month())


@require(Capability.VIEW_HELPDESK_REPORT)
@require_GET
def report(request):
    form, result = _report(request)
    month = result.month.strftime("%Y-%m")
    if form.is_valid() and not form.cleaned_data["bulan"]:
        form = MonthForm({"bulan": month})
    return render(request, "helpdesk/report.html", {"form": form, "report": result, "month": month})


@require(Capability.VIEW_HELPDESK_REPORT)
@require_GET
def report_export(request):
    _form, result = _report(request)
    return xlsx_response(report_xlsx(result), f"laporan-helpdesk-{result.month:%Y-%m}.xlsx")


@require(Capability.VIEW_HELPDESK_REPORT)
@require_GET
def report_chart(request):
    _form, result = _report(request)
    return JsonResponse(chart_data(result))
