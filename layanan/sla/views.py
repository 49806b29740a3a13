"""The SLA compliance report: the page (table + chart), its XLSX and the chart's JSON.

All three read the same ``layanan.sla.queries.sla_report`` for the month chosen with ``?bulan=YYYY-MM``
(default: the current month); a malformed month is explained next to the field and the
current month is shown instead.
"""

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
from layanan.sla.queries import sla_chart_data, sla_report, sla_xlsx

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


class MonthForm(forms.Form):
    bulan = forms.CharField(
        label=_("Bulan"),
        required=False,
        widget=forms.TextInput(attrs={"type": "month", "pattern": r"\d{4}-\d{2}", "placeholder": "2026-11"}),
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
        """The chosen month, or the current one when none (or a malformed one) was given."""
        chosen = self.cleaned_data.get("bulan") if self.is_valid() else None
        return chosen or timezone.localdate().replace(day=1)


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
