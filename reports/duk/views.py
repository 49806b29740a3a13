"""The DUK page (numbered, paginated, one OPD or all) and its XLSX, for whoever may see
employees: BKD staff see the whole instansi, an Operator OPD their OPD."""

from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from accounts.roles import Capability
from core.paging import paginate
from core.permissions import require
from core.spreadsheets import xlsx_response
from people.models import TingkatPendidikan
from reports.duk.files import duk_xlsx
from reports.duk.forms import OpdFilterForm
from reports.duk.queries import duk_rows

PENDIDIKAN_LABELS = dict(TingkatPendidikan.choices)


def _rows(request):
    form = OpdFilterForm(request.GET or None, user=request.user)
    opd = form.cleaned_data["opd"] if form.is_valid() else None
    today = timezone.localdate()
    return form, opd, today, duk_rows(request.user, opd=opd, today=today)


@require_GET
@require(Capability.VIEW_PEGAWAI)
def duk_page(request):
    form, opd, today, rows = _rows(request)
    return render(
        request,
        "reports/duk.html",
        {
            "form": form,
            "opd": opd,
            "today": today,
            "total": len(rows),
            "pendidikan_labels": PENDIDIKAN_LABELS,
            **paginate(request, rows),
        },
    )


@require_GET
@require(Capability.VIEW_PEGAWAI)
def duk_export(request):
    _form, opd, today, rows = _rows(request)
    name = f"duk-{opd.code if opd else 'instansi'}-{today:%Y%m%d}.xlsx"
    return xlsx_response(duk_xlsx(rows), name)
