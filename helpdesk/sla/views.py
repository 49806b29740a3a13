"""The monthly helpdesk report: page (table + chart), XLSX and the chart's JSON, all from the
same ``monthly_report`` for ``?bulan=YYYY-MM`` (default: this month)."""

from __future__ import annotations

import re
from datetime import date

from django import forms
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from accounts.roles import Capability
from core.permissions import require
from core.spreadsheets import xlsx_response
from helpdesk.sla.queries import chart_data, monthly_report, report_xlsx

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


class MonthForm(forms.Form):
    bulan = forms.CharField(
        label=_("Bulan"),
        required=False,
        max_length=7,
        widget=forms.TextInput(attrs={"type": "month", "placeholder": "2026-11"}),
        help_text=_("Format TTTT-BB, mis. 2026-11."),
    )

    def clean_bulan(self) -> date | None:
        value = self.cleaned_data["bulan"].strip()
        if not value:
            return None
        match = _MONTH.match(value)
        if not match or not (1 <= int(match[2]) <= 12) or not (2000 <= int(match[1]) <= 2100):
            raise forms.ValidationError(_("Bulan tidak dikenali: tulis TTTT-BB, mis. 2026-11."))
        return date(int(match[1]), int(match[2]), 1)

    def month(self) -> date:
        chosen = self.cleaned_data.get("bulan") if self.is_valid() else None
        return chosen or timezone.localdate().replace(day=1)


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
