"""The holiday calendar: the year list for everyone, adding, renaming and cancelling for managers."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.holidays import actions
from core.holidays.forms import HolidayAddForm, HolidayRenameForm
from core.holidays.queries import get_holiday, list_holidays
from core.inputs import edit_form
from core.permissions import MANAGE_CALENDAR, require, user_can


@require_GET
def holiday_list(request):
    today = timezone.localdate()
    try:
        year = int(request.GET.get("year", today.year))
    except ValueError:
        year = today.year
    year = min(max(year, 1990), 2100)
    show_cancelled = request.GET.get("dibatalkan") == "1"
    return render(
        request,
        "core/holiday_list.html",
        {
            "year": year,
            "years": range(today.year - 1, today.year + 3),
            "holidays": list_holidays(year=year, include_cancelled=show_cancelled),
            "show_cancelled": show_cancelled,
            "can_manage": user_can(request.user, MANAGE_CALENDAR),
        },
    )


@require(MANAGE_CALENDAR)
@require_http_methods(["GET", "POST"])
def holiday_add(request):
    form = HolidayAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            holiday = actions.do_add_holiday(actor=request.user, **form.cleaned_data)
        except actions.HolidayExists as exc:
            form.add_error("date", str(exc))
        else:
            messages.success(request, _("Hari libur %(name)s ditambahkan.") % {"name": holiday.name})
            return redirect(f"{_holiday_list_url()}?year={holiday.date.year}")
    return render(request, "core/holiday_form.html", {"form": form, "title": _("Tambah hari libur lokal")})


@require(MANAGE_CALENDAR)
@require_http_methods(["GET", "POST"])
def holiday_edit(request, pk: int):
    holiday = get_holiday(pk)
    form = edit_form(HolidayRenameForm, holiday, request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.do_rename_holiday(holiday, name=form.cleaned_data["name"], actor=request.user)
        messages.success(request, _("Nama hari libur disimpan."))
        return redirect(f"{_holiday_list_url()}?year={holiday.date.year}")
    return render(
        request, "core/holiday_form.html", {"form": form, "holiday": holiday, "title": _("Ubah hari libur")}
    )


@require(MANAGE_CALENDAR)
@require_POST
def holiday_cancel(request, pk: int):
    holiday = get_holiday(pk)
    actions.do_cancel_holiday(holiday, actor=request.user)
    messages.success(request, _("%(date)s kini hari kerja.") % {"date": holiday.date.isoformat()})
    return redirect(f"{_holiday_list_url()}?year={holiday.date.year}")


def _holiday_list_url() -> str:
    return reverse("core:holiday_list")
