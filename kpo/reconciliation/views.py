"""The reconciliation worklist: per due employee, the data to put right before the period."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.roles import Capability
from core.inputs import parse_id
from core.paging import paginate
from core.permissions import require, user_can
from kpo.pension.views import window as pension_window
from kpo.periods.views import chosen_period, period_choices
from kpo.reconciliation.actions import (
    do_send_pension_reconciliation_reminders,
    do_send_reconciliation_reminders,
)
from kpo.reconciliation.queries import pension_worklist_for_user, progress, worklist_for_user
from kpo.reconciliation.rules import window, window_before
from org.units.queries import opds_for_user
from regulations.promotion import is_kp_period


@require_GET
@require(Capability.VIEW_PEGAWAI)
def reconciliation(request):
    period = chosen_period(request)
    opd = parse_id(request.GET.get("opd"))
    only_open = request.GET.get("semua") != "1"
    everything = worklist_for_user(request.user, period)
    rows = [w for w in everything if (not opd or w.record.opd_id == opd) and (w.open or not only_open)]
    opens, closes = window(period)
    today = timezone.localdate()
    return render(
        request,
        "kpo/reconciliation.html",
        {
            "period": period,
            "periods": period_choices(today),
            "opens": opens,
            "closes": closes,
            "state": "belum" if today < opens else ("buka" if today <= closes else "tutup"),
            "progress": progress(everything),
            "opd": opd,
            "only_open": only_open,
            "opd_choices": opds_for_user(request.user).order_by("name"),
            "can_remind": user_can(request.user, Capability.VIEW_ALL_OPDS),
            "can_siasn": user_can(request.user, Capability.IMPORT_PEGAWAI),
            **paginate(request, rows),
        },
    )


@require_GET
@require(Capability.VIEW_PEGAWAI)
def pension_reconciliation(request):
    """The PPO worklist: everyone reaching the BUP in the window, with the pension items."""
    start, end, note = pension_window(request.GET)
    opd = parse_id(request.GET.get("opd"))
    only_open = request.GET.get("semua") != "1"
    everything = pension_worklist_for_user(request.user, start, end)
    rows = [w for w in everything if (not opd or w.record.opd_id == opd) and (w.open or not only_open)]
    return render(
        request,
        "kpo/pension_reconciliation.html",
        {
            "start": start,
            "end": end,
            "note": note,
            "closes": window_before(start),
            "progress": progress(everything),
            "opd": opd,
            "only_open": only_open,
            "opd_choices": opds_for_user(request.user).order_by("name"),
            "can_remind": user_can(request.user, Capability.VIEW_ALL_OPDS),
            "can_siasn": user_can(request.user, Capability.IMPORT_PEGAWAI),
            **paginate(request, rows),
        },
    )


@require_POST
@require(Capability.VIEW_ALL_OPDS)
def pension_reconciliation_remind(request):
    start, end, _note = pension_window(request.POST)
    count = do_send_pension_reconciliation_reminders(start, end, actor=request.user)
    messages.success(
        request,
        _("Pengingat dikirim ke Operator OPD di %(n)s OPD yang masih punya data terbuka.") % {"n": count},
    )
    return redirect(
        f"{reverse('kpo:pension_reconciliation')}?dari={start.isoformat()}&sampai={end.isoformat()}"
    )


@require_POST
@require(Capability.VIEW_ALL_OPDS)
def reconciliation_remind(request):
    try:
        period = date.fromisoformat(request.POST.get("period", ""))
    except ValueError:
        period = None
    if period is None or not 1950 <= period.year <= 2100 or not is_kp_period(period):
        messages.error(request, _("Periode KP tidak valid."))
        return redirect("kpo:reconciliation")
    count = do_send_reconciliation_reminders(period, actor=request.user)
    messages.success(
        request,
        _("Pengingat dikirim ke Operator OPD di %(n)s OPD yang masih punya data terbuka.") % {"n": count},
    )
    return redirect(f"{reverse('kpo:reconciliation')}?period={period.isoformat()}")
