"""The PPO list: who reaches the BUP in a window, with BUP, TMT pensiun and what is missing."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.roles import Capability
from core.inputs import parse_id, search_term
from core.paging import paginate
from core.permissions import require, user_can
from core.spreadsheets import csv_response, csv_writer, xlsx_bytes, xlsx_response
from kpo.pension import files
from kpo.pension.actions import do_create_pension_requests
from kpo.pension.queries import ppo_for_user
from kpo.pension.rules import EARLIEST, LATEST, MAX_WINDOW_MONTHS
from org.units.queries import opds_for_user
from regulations.ranks import add_months


def _date(value: str, default: date) -> date:
    """The ISO date typed, or ``default`` when it is not one or lies outside 1900–2200."""
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return default
    return day if EARLIEST <= day <= LATEST else default


def window(data) -> tuple[date, date, str]:
    """(from, to, a message when the asked window was corrected) from GET or POST data."""
    today = timezone.localdate()
    start = _date(data.get("dari", ""), today)
    end = _date(data.get("sampai", ""), add_months(start, 12))
    if end < start:
        return start, add_months(start, 12), _("Tanggal akhir sebelum tanggal awal; ditampilkan 12 bulan.")
    if end > add_months(start, MAX_WINDOW_MONTHS):
        return start, add_months(start, MAX_WINDOW_MONTHS), _("Rentang paling panjang 60 bulan.")
    return start, end, ""


def _filters(request) -> dict:
    return {"opd": parse_id(request.GET.get("opd")), "search": search_term(request)}


@require_GET
@require(Capability.VIEW_PEGAWAI)
def ppo_list(request):
    start, end, note = window(request.GET)
    filters = _filters(request)
    rows = ppo_for_user(request.user, start, end, **filters)
    return render(
        request,
        "kpo/ppo_list.html",
        {
            "start": start,
            "end": end,
            "note": note,
            "filters": filters,
            "total": len(rows),
            "can_request": user_can(request.user, Capability.SUBMIT_ON_BEHALF),
            "opd_choices": opds_for_user(request.user).order_by("name"),
            **paginate(request, rows),
        },
    )


@require_GET
@require(Capability.VIEW_PEGAWAI)
def ppo_export(request):
    start, end, _note = window(request.GET)
    rows = ppo_for_user(request.user, start, end, **_filters(request))
    name = f"daftar-ppo-{start.isoformat()}-{end.isoformat()}"
    if request.GET.get("format") == "csv":
        response = csv_response(f"{name}.csv")
        writer = csv_writer(response)
        writer.writerow(files.COLUMNS)
        writer.writerows(files.rows(rows))
        return response
    return xlsx_response(xlsx_bytes(_("Daftar PPO"), files.COLUMNS, files.rows(rows)), f"{name}.xlsx")


@require_POST
@require(Capability.SUBMIT_ON_BEHALF)
def ppo_requests(request):
    start, end, _note = window(request.POST)
    rows = ppo_for_user(request.user, start, end, opd=parse_id(request.POST.get("opd")))
    counts = do_create_pension_requests([r.record.pk for r in rows], actor=request.user, window=(start, end))
    messages.success(
        request,
        _(
            "%(created)s permohonan pensiun draf dibuat; %(skipped)s dilewati karena sudah ada permohonan "
            "yang berjalan; %(refused)s ditolak."
        )
        % counts,
    )
    return redirect(f"{reverse('kpo:ppo_list')}?dari={start.isoformat()}&sampai={end.isoformat()}")
