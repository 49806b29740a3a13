"""A monthly report's three screens: the page (table and chart), its XLSX and the chart's JSON.

The SLA report, the helpdesk report and the complaint register are each a report of one month
chosen with ``?bulan=YYYY-MM`` (default: this month). They differ only in what they count, so
each app gives its builder, template, workbook and chart here and gets the three views back.
A malformed month is explained next to the field and the current month is shown instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from core.inputs import MonthForm
from core.permissions import require
from core.spreadsheets import xlsx_response


@dataclass(frozen=True)
class MonthlyReport:
    capability: str
    build: Callable  # (request, first day of the month) -> report with a ``month`` date
    template: str
    xlsx: Callable  # report -> XLSX bytes
    chart: Callable  # report -> the chart's JSON-able dict
    filename: str  # e.g. "laporan-sla"; the month is appended

    def _report(self, request):
        form = MonthForm(request.GET)
        return form, self.build(request, form.month())

    def views(self):
        """(page, export, chart) views, each behind the capability and GET only."""

        def page(request):
            form, report = self._report(request)
            month = report.month.strftime("%Y-%m")
            if form.is_valid() and not form.cleaned_data["bulan"]:
                form = MonthForm({"bulan": month})  # show which month the page is about
            return render(request, self.template, {"form": form, "report": report, "month": month})

        def export(request):
            _form, report = self._report(request)
            return xlsx_response(self.xlsx(report), f"{self.filename}-{report.month:%Y-%m}.xlsx")

        def chart(request):
            _form, report = self._report(request)
            return JsonResponse(self.chart(report))

        guard = require(self.capability)
        return tuple(guard(require_GET(view)) for view in (page, export, chart))
