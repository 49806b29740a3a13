"""The KGB list of a month: who is due, the new gaji pokok, eligible or not."""

from __future__ import annotations

from datetime import date

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accounts.roles import Capability
from core.inputs import parse_id, search_term
from core.paging import paginate
from core.permissions import require
from core.spreadsheets import csv_response, csv_writer, xlsx_bytes, xlsx_response
from kpo.kgb import files
from kpo.kgb.queries import kgb_for_user
from org.units.queries import opds_for_user


def month_of(request) -> tuple[int, int]:
    today = timezone.localdate()
    value = request.GET.get("bulan", "")
    try:
        year, month = (int(x) for x in value.split("-"))
        if 1900 <= year <= 2200 and 1 <= month <= 12:
            return year, month
    except ValueError:
        pass
    return today.year, today.month


def _filters(request) -> dict:
    return {"opd": parse_id(request.GET.get("opd")), "search": search_term(request)}


@require_GET
@require(Capability.VIEW_PEGAWAI)
def kgb_list(request):
    year, month = month_of(request)
    filters = _filters(request)
    rows = kgb_for_user(request.user, year, month, **filters)
    return render(
        request,
        "kpo/kgb_list.html",
        {
            "month": f"{year:04d}-{month:02d}",
            "first_day": date(year, month, 1),
            "filters": filters,
            "total": len(rows),
            "eligible": sum(1 for r in rows if r.result.eligible),
            "opd_choices": opds_for_user(request.user).order_by("name"),
            **paginate(request, rows),
        },
    )


@require_GET
@require(Capability.VIEW_PEGAWAI)
def kgb_export(request):
    year, month = month_of(request)
    rows = kgb_for_user(request.user, year, month, **_filters(request))
    name = f"daftar-kgb-{year:04d}-{month:02d}"
    if request.GET.get("format") == "csv":
        response = csv_response(f"{name}.csv")
        writer = csv_writer(response)
        writer.writerow(files.COLUMNS)
        writer.writerows(files.rows(rows))
        return response
    return xlsx_response(xlsx_bytes(_("Daftar KGB"), files.COLUMNS, files.rows(rows)), f"{name}.xlsx")
