"""The organisation screens: OPDs and their unit tree, instansi and their office hours."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts.roles import Capability
from core.inputs import edit_form, search_term
from core.paging import paginate
from core.permissions import require, user_can
from org.units import actions
from org.units.forms import InstansiForm, OpdForm, UnitForm, office_day_forms
from org.units.queries import (
    get_instansi_for_user,
    get_opd_for_user,
    get_unit_for_user,
    list_instansi_for_user,
    list_opds_for_user,
    office_hours_of,
    units_of,
)
from regulations.sla import OfficeDay

OPD_CHANGE_FIELDS = ("instansi", "code", "name", "short_name", "is_active")


@require(Capability.VIEW_ORG)
@require_GET
def opd_list(request):
    search = search_term(request)
    opds = list_opds_for_user(request.user, search=search)
    return render(
        request,
        "org/opd_list.html",
        {
            "search": search,
            "can_manage": user_can(request.user, Capability.MANAGE_ORG),
            **paginate(request, opds),
        },
    )


@require(Capability.VIEW_ORG)
@require_GET
def opd_detail(request, pk: int):
    opd = get_opd_for_user(request.user, pk)
    return render(
        request,
        "org/opd_detail.html",
        {"opd": opd, "units": units_of(opd), "can_manage": user_can(request.user, Capability.MANAGE_ORG)},
    )


@require(Capability.MANAGE_ORG)
@require_http_methods(["GET", "POST"])
def opd_create(request):
    form = OpdForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        opd = actions.do_create_opd(actor=request.user, **form.cleaned_data)
        messages.success(request, _("OPD %(name)s ditambahkan.") % {"name": opd})
        return redirect("org:opd_detail", pk=opd.pk)
    return render(request, "org/form.html", {"form": form, "title": _("Tambah OPD")})


@require(Capability.MANAGE_ORG)
@require_http_methods(["GET", "POST"])
def opd_edit(request, pk: int):
    opd = get_opd_for_user(request.user, pk)
    form = edit_form(OpdForm, opd, request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.do_update_opd(
            opd, changes={f: form.cleaned_data[f] for f in OPD_CHANGE_FIELDS}, actor=request.user
        )
        messages.success(request, _("Perubahan OPD disimpan."))
        return redirect("org:opd_detail", pk=opd.pk)
    return render(request, "org/form.html", {"form": form, "title": _("Ubah OPD"), "back": opd})


@require(Capability.MANAGE_ORG)
@require_http_methods(["GET", "POST"])
def unit_create(request, opd_pk: int):
    opd = get_opd_for_user(request.user, opd_pk)
    form = UnitForm(request.POST or None, opd=opd)
    if request.method == "POST" and form.is_valid():
        actions.do_create_unit(actor=request.user, opd=opd, **form.cleaned_data)
        messages.success(request, _("Unit kerja ditambahkan."))
        return redirect("org:opd_detail", pk=opd.pk)
    return render(request, "org/form.html", {"form": form, "title": _("Tambah unit kerja"), "back": opd})


@require(Capability.MANAGE_ORG)
@require_http_methods(["GET", "POST"])
def unit_edit(request, pk: int):
    unit = get_unit_for_user(request.user, pk)
    form = edit_form(UnitForm, unit, request.POST or None, opd=unit.opd)
    if request.method == "POST" and form.is_valid():
        actions.do_update_unit(unit, changes=dict(form.cleaned_data), actor=request.user)
        messages.success(request, _("Unit kerja disimpan."))
        return redirect("org:opd_detail", pk=unit.opd_id)
    return render(request, "org/form.html", {"form": form, "title": _("Ubah unit kerja"), "back": unit.opd})


@require(Capability.MANAGE_ORG)
@require_GET
def instansi_list(request):
    return render(request, "org/instansi_list.html", {"instansi_list": list_instansi_for_user(request.user)})


@require(Capability.MANAGE_ORG)
@require_GET
def instansi_detail(request, pk: int):
    instansi = get_instansi_for_user(request.user, pk)
    return render(
        request, "org/instansi_detail.html", {"instansi": instansi, "hours": office_hours_of(instansi)}
    )


@require(Capability.MANAGE_ORG)
@require_http_methods(["GET", "POST"])
def instansi_edit(request, pk: int):
    instansi = get_instansi_for_user(request.user, pk)
    form = edit_form(InstansiForm, instansi, request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.do_update_instansi(instansi, changes=dict(form.cleaned_data), actor=request.user)
        messages.success(request, _("Perubahan instansi disimpan."))
        return redirect("org:instansi_detail", pk=instansi.pk)
    return render(request, "org/form.html", {"form": form, "title": _("Ubah instansi"), "back": instansi})


@require(Capability.MANAGE_ORG)
@require_http_methods(["GET", "POST"])
def office_hours_edit(request, pk: int):
    instansi = get_instansi_for_user(request.user, pk)
    rows = office_day_forms(instansi, request.POST or None)
    if request.method == "POST" and all(row[2].is_valid() for row in rows):
        week = {}
        for weekday, _label, form in rows:
            data = form.cleaned_data
            week[weekday] = (
                OfficeDay(data["opens"], data["closes"], data["break_start"], data["break_end"])
                if data["is_open"]
                else None
            )
        actions.do_set_office_week(instansi, week, actor=request.user)
        messages.success(request, _("Jam kerja disimpan."))
        return redirect("org:instansi_detail", pk=instansi.pk)
    return render(request, "org/office_hours_form.html", {"instansi": instansi, "rows": rows})
