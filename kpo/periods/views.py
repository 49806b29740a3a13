"""The KP list of a period: who is due, eligible or not and why, per OPD; exports."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.http import HttpResponse
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
from kpo.models import JenisKp
from kpo.periods import files
from kpo.periods.actions import do_create_kp_requests
from kpo.periods.queries import candidates_for_user, list_candidates, per_opd, summary
from kpo.periods.tasks import refresh_kp_candidates
from org.units.queries import opds_for_user
from regulations.promotion import is_kp_period, kp_periods, next_kp_period


def period_choices(today: date) -> list[date]:
    """The periods one can open: the past year's and the next year's."""
    return [p for y in (today.year - 1, today.year, today.year + 1) for p in kp_periods(y)]


def chosen_period(request) -> date:
    today = timezone.localdate()
    try:
        value = date.fromisoformat(request.GET.get("period", ""))
    except ValueError:
        value = None
    # Periods far outside the years a KP list can concern are answered with the next one.
    if value is None or not 1950 <= value.year <= 2100 or not is_kp_period(value):
        return next_kp_period(today)
    return value


def _filters(request) -> dict:
    jenis = request.GET.get("jenis", "")
    eligible = request.GET.get("eligible", "")
    return {
        "opd": parse_id(request.GET.get("opd")),
        "eligible": eligible if eligible in {"ya", "tidak"} else "",
        "jenis": jenis if jenis in JenisKp.values else "",
        "search": search_term(request),
    }


@require_GET
@require(Capability.VIEW_PEGAWAI)
def kp_list(request):
    period = chosen_period(request)
    filters = _filters(request)
    rows = list_candidates(request.user, period, **filters)
    scoped = candidates_for_user(request.user, period)
    opds = per_opd(scoped)
    return render(
        request,
        "kpo/kp_list.html",
        {
            "period": period,
            "periods": period_choices(timezone.localdate()),
            "filters": filters,
            "jenis_choices": JenisKp.choices,
            "summary": summary(scoped, period),
            "opds": opds,
            "opd_max": max((o["due"] for o in opds), default=0),
            "opd_choices": opds_for_user(request.user).order_by("name"),
            "can_refresh": user_can(request.user, Capability.VIEW_ALL_OPDS),
            "can_request": user_can(request.user, Capability.SUBMIT_ON_BEHALF),
            **paginate(request, rows),
        },
    )


@require_GET
@require(Capability.VIEW_PEGAWAI)
def kp_export(request):
    period = chosen_period(request)
    rows = list_candidates(request.user, period, **_filters(request))
    name = f"daftar-kp-{period.isoformat()}"
    if request.GET.get("format") == "pdf":
        count = rows.count()
        if count > files.PDF_MAX_ROWS:
            messages.error(
                request,
                _("PDF paling banyak %(max)s baris (daftar ini %(n)s); saring per OPD atau unduh XLSX.")
                % {"max": files.PDF_MAX_ROWS, "n": count},
            )
            return redirect(f"{reverse('kpo:kp_list')}?{request.GET.urlencode()}")
        filters = _filters(request)
        context = {
            "period": period,
            "rows": rows,
            "opd": opds_for_user(request.user).filter(pk=filters["opd"]).first() if filters["opd"] else None,
            "computed_at": summary(candidates_for_user(request.user, period), period).computed_at,
        }
        response = HttpResponse(files.nominative_pdf(context), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
        return response
    if request.GET.get("format") == "csv":
        response = csv_response(f"{name}.csv")
        writer = csv_writer(response)
        writer.writerow(files.COLUMNS)
        writer.writerows(files.rows(rows))
        return response
    return xlsx_response(xlsx_bytes(_("Daftar KP"), files.COLUMNS, files.rows(rows)), f"{name}.xlsx")


def _created_message(request, counts: dict) -> None:
    messages.success(
        request,
        _(
            "%(created)s permohonan draf dibuat; %(skipped)s dilewati karena sudah ada permohonan yang "
            "berjalan; %(refused)s ditolak. Lengkapi berkasnya lalu ajukan dari daftar permohonan."
        )
        % counts,
    )


@require_POST
@require(Capability.SUBMIT_ON_BEHALF)
def kp_requests(request):
    try:
        period = date.fromisoformat(request.POST.get("period", ""))
    except ValueError:
        period = None
    if period is None or not 1950 <= period.year <= 2100 or not is_kp_period(period):
        messages.error(request, _("Periode KP tidak valid."))
        return redirect("kpo:kp_list")
    rows = list_candidates(request.user, period, opd=parse_id(request.POST.get("opd")), eligible="ya")
    _created_message(request, do_create_kp_requests(period, rows, actor=request.user))
    return redirect(f"{reverse('kpo:kp_list')}?period={period.isoformat()}&eligible=ya")


@require_POST
@require(Capability.VIEW_ALL_OPDS)
def kp_refresh(request):
    try:
        period = date.fromisoformat(request.POST.get("period", ""))
    except ValueError:
        period = None
    if period is None or not 1950 <= period.year <= 2100 or not is_kp_period(period):
        messages.error(request, _("Periode KP tidak valid."))
        return redirect("kpo:kp_list")
    refresh_kp_candidates.enqueue(period.isoformat(), None)
    messages.success(request, _("Penghitungan daftar KP dijadwalkan; muat ulang halaman sebentar lagi."))
    return redirect(f"{reverse('kpo:kp_list')}?period={period.isoformat()}")
