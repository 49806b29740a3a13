"""The employee statistics page (a chart and a table per dimension) and its XLSX, scoped
like the employee list: BKD staff see the instansi or one OPD, an Operator OPD theirs."""

from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from accounts.roles import Capability
from core.permissions import require
from core.spreadsheets import xlsx_response
from reports.duk.forms import OpdFilterForm
from reports.statistics.files import statistics_xlsx
from reports.statistics.queries import statistics


def _dimensions(request):
    form = OpdFilterForm(request.GET or None, user=request.user)
    opd = form.cleaned_data["opd"] if form.is_valid() else None
    return form, opd, statistics(request.user, opd=opd, today=timezone.localdate())


@require_GET
@require(Capability.VIEW_PEGAWAI)
def statistics_page(request):
    form, opd, dimensions = _dimensions(request)
    return render(request, "reports/statistics.html", {"form": form, "opd": opd, "dimensions": dimensions})


@require_GET
@require(Capability.VIEW_PEGAWAI)
def statistics_export(request):
    _form, opd, dimensions = _dimensions(request)
    return xlsx_response(statistics_xlsx(dimensions), f"statistik-{opd.code if opd else 'instansi'}.xlsx")
