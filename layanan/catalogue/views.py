"""The catalogue's screens. Public: anyone, without logging in, reads the list of services and
each service's full Standar Pelayanan (all 14 components), on a phone or on paper. Admin
(Capability.MANAGE_SERVICES): a service's own fields, its 14 components, its requirement
checklist, its disposition chain as a table, and its history."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.roles import Capability
from core.inputs import edit_form
from core.models import Document
from core.paging import paginate
from core.permissions import require
from layanan.catalogue import actions as actions
from layanan.catalogue.files import duration_budget_minutes, duration_text
from layanan.catalogue.forms import ComponentForm, RequirementForm, ServiceForm, StepForm, TransitionForm
from layanan.catalogue.queries import (
    admin_services,
    components_in_order,
    get_component,
    get_public_service,
    get_requirement,
    get_service,
    get_step,
    get_transition,
    history_of,
    public_services,
    requirements_of,
    steps_of,
    template_of,
    transitions_of,
)
from layanan.models import Component

FILE_KIND_LABELS = {kind.value: kind.label for kind in Document.Kind}

# How the history screen names the events and fields the catalogue writes.
EVENT_LABELS = {
    "layanan.service_seeded": gettext_lazy("Layanan dimuat dari katalog bawaan"),
    "layanan.service_completed": gettext_lazy("Bagian layanan yang hilang dilengkapi"),
    "layanan.service_updated": gettext_lazy("Data layanan diubah"),
    "layanan.component_updated": gettext_lazy("Komponen diubah"),
    "layanan.requirement_added": gettext_lazy("Persyaratan ditambahkan"),
    "layanan.requirement_updated": gettext_lazy("Persyaratan diubah"),
    "layanan.requirement_removed": gettext_lazy("Persyaratan dihapus"),
    "layanan.step_updated": gettext_lazy("Tahap diubah"),
    "layanan.transition_added": gettext_lazy("Transisi ditambahkan"),
    "layanan.transition_removed": gettext_lazy("Transisi dihapus"),
    "templat_produk.dibuat": gettext_lazy("Templat produk dibuat"),
    "templat_produk.diubah": gettext_lazy("Templat produk diubah"),
}


def _form_error(form, exc: Exception) -> None:
    """Put a refusal of the action on the form, so the page says why and nothing changed."""
    if isinstance(exc, ValidationError) and hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages if isinstance(exc, ValidationError) else str(exc))


def _product_template_url(service) -> str | None:
    """The products part's template editor, when installed."""
    try:
        return reverse("layanan:product_template_edit", kwargs={"slug": service.slug})
    except NoReverseMatch:
        return None


@require(Capability.MANAGE_SERVICES)
@require_GET
def service_admin_list(request):
    services = admin_services()
    page = paginate(request, services)
    page["rows"] = [(s, duration_text(s.duration, s.duration_unit)) for s in page["page_obj"]]
    return render(request, "layanan/admin_list.html", page)


@require(Capability.MANAGE_SERVICES)
@require_http_methods(["GET", "POST"])
def service_admin_edit(request, pk: int):
    service = get_service(pk)
    form = edit_form(ServiceForm, service, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            saved = actions.do_update_service(
                service, changes={f: form.cleaned_data[f] for f in actions.SERVICE_FIELDS}, actor=request.user
            )
        except ValidationError as exc:
            _form_error(form, exc)
        else:
            messages.success(
                request, _("Perubahan layanan disimpan.") if saved else _("Tidak ada perubahan.")
            )
            return redirect("layanan:service_admin_edit", pk=service.pk)
    steps = list(steps_of(service))
    total = sum(step.target_minutes or 0 for step in steps)
    return render(
        request,
        "layanan/admin_service.html",
        {
            "service": service,
            "form": form,
            "components": components_in_order(service),
            "requirements": [
                (r, FILE_KIND_LABELS.get(r.from_file_kind, r.from_file_kind))
                for r in requirements_of(service)
            ],
            "steps": [(step, minutes_text(step.target_minutes)) for step in steps],
            "transitions": transitions_of(service),
            "template": template_of(service),
            "duration": duration_text(service.duration, service.duration_unit),
            "targets_exceed": total > duration_budget_minutes(service.duration, service.duration_unit),
            "product_template_url": _product_template_url(service),
        },
    )


@require(Capability.MANAGE_SERVICES)
@require_http_methods(["GET", "POST"])
def component_edit(request, pk: int, component: str):
    service = get_service(pk)
    row = get_component(service, component)
    form = ComponentForm(request.POST or None, initial={"text": row.text})
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_update_component(row, text=form.cleaned_data["text"], actor=request.user)
        except actions.CatalogueError as exc:
            _form_error(form, exc)
        else:
            messages.success(request, _("Komponen %(name)s disimpan.") % {"name": Component(component).label})
            return redirect("layanan:service_admin_edit", pk=service.pk)
    return render(
        request,
        "layanan/admin_form.html",
        {
            "form": form,
            "service": service,
            "title": _("Ubah komponen: %(name)s") % {"name": Component(component).label},
        },
    )


@require(Capability.MANAGE_SERVICES)
@require_http_methods(["GET", "POST"])
def requirement_add(request, pk: int):
    service = get_service(pk)
    form = RequirementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_add_requirement(service, actor=request.user, **form.cleaned_data)
        except (actions.CatalogueError, ValidationError) as exc:
            _form_error(form, exc)
        else:
            messages.success(request, _("Persyaratan ditambahkan."))
            return redirect("layanan:service_admin_edit", pk=service.pk)
    return render(
        request,
        "layanan/admin_form.html",
        {"form": form, "service": service, "title": _("Tambah persyaratan")},
    )


@require(Capability.MANAGE_SERVICES)
@require_http_methods(["GET", "POST"])
def requirement_edit(request, pk: int):
    requirement = get_requirement(pk)
    service = requirement.service
    form = edit_form(RequirementForm, requirement, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_update_requirement(requirement, changes=dict(form.cleaned_data), actor=request.user)
        except (actions.CatalogueError, ValidationError) as exc:
            _form_error(form, exc)
        else:
            messages.success(request, _("Persyaratan disimpan."))
            return redirect("layanan:service_admin_edit", pk=service.pk)
    return render(
        request,
        "layanan/admin_form.html",
        {"form": form, "service": service, "title": _("Ubah persyaratan")},
    )


@require(Capability.MANAGE_SERVICES)
@require_POST
def requirement_delete(request, pk: int):
    requirement = get_requirement(pk)
    service = requirement.service
    try:
        actions.do_remove_requirement(requirement, actor=request.user)
    except actions.CatalogueError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Persyaratan dihapus."))
    return redirect("layanan:service_admin_edit", pk=service.pk)


@require(Capability.MANAGE_SERVICES)
@require_http_methods(["GET", "POST"])
def step_edit(request, pk: int):
    step = get_step(pk)
    service = step.service
    form = edit_form(StepForm, step, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_update_step(step, changes=dict(form.cleaned_data), actor=request.user)
        except ValidationError as exc:
            _form_error(form, exc)
        else:
            messages.success(request, _("Tahap disimpan."))
            return redirect("layanan:service_admin_edit", pk=service.pk)
    return render(
        request,
        "layanan/admin_form.html",
        {"form": form, "service": service, "title": _("Ubah tahap: %(name)s") % {"name": step.name}},
    )


@require(Capability.MANAGE_SERVICES)
@require_http_methods(["GET", "POST"])
def transition_add(request, pk: int):
    service = get_service(pk)
    form = TransitionForm(request.POST or None, service=service)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_add_transition(service, actor=request.user, **form.cleaned_data)
        except (actions.CatalogueError, ValidationError) as exc:
            _form_error(form, exc)
        else:
            messages.success(request, _("Transisi ditambahkan."))
            return redirect("layanan:service_admin_edit", pk=service.pk)
    return render(
        request, "layanan/admin_form.html", {"form": form, "service": service, "title": _("Tambah transisi")}
    )


@require(Capability.MANAGE_SERVICES)
@require_POST
def transition_delete(request, pk: int):
    transition = get_transition(pk)
    service = transition.service
    try:
        actions.do_remove_transition(transition, actor=request.user)
    except actions.CatalogueError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Transisi dihapus."))
    return redirect("layanan:service_admin_edit", pk=service.pk)


@require(Capability.MANAGE_SERVICES)
@require_GET
def service_history(request, pk: int):
    service = get_service(pk)
    page = paginate(request, history_of(service))
    labels = {c.value: c.label for c in Component}
    page["rows"] = [
        (
            entry,
            EVENT_LABELS.get(entry.event, entry.event),
            [
                (labels.get(key, key), entry.before.get(key), entry.after.get(key))
                for key in dict.fromkeys([*entry.before, *entry.after])
                if key != "id"
            ],
        )
        for entry in page["page_obj"]
    ]
    return render(request, "layanan/admin_history.html", {"service": service, **page})


def request_url(service) -> str:
    """The request form of ``service``."""
    return reverse("layanan:request_create", kwargs={"slug": service.slug})


def minutes_text(minutes: int | None) -> str:
    """'30 menit', '1 jam 30 menit', '± 31 hari kerja' (6-hour office days)."""
    if not minutes:
        return ""
    if minutes >= 360:
        return _("± %(n)d hari kerja") % {"n": round(minutes / 360)}
    hours, rest = divmod(minutes, 60)
    parts = ([_("%(n)d jam") % {"n": hours}] if hours else []) + (
        [_("%(n)d menit") % {"n": rest}] if rest else []
    )
    return " ".join(parts)


@login_not_required
@require_GET
def public_list(request):
    services = [
        (service, duration_text(service.duration, service.duration_unit)) for service in public_services()
    ]
    return render(request, "layanan/public_list.html", {"services": services})


@login_not_required
@require_GET
def public_detail(request, slug: str):
    service = get_public_service(slug)
    steps = [(step, minutes_text(step.target_minutes)) for step in service.steps.all()]
    template = getattr(service, "product_template", None)
    return render(
        request,
        "layanan/public_detail.html",
        {
            "service": service,
            "components": components_in_order(service),
            "requirements": service.requirements.all(),
            "steps": steps,
            "duration": duration_text(service.duration, service.duration_unit),
            "product_title": template.title if template else "",
            "request_url": request_url(service),
            "PERSYARATAN": Component.PERSYARATAN.value,
            "PROSEDUR": Component.PROSEDUR.value,
            "JANGKA_WAKTU": Component.JANGKA_WAKTU.value,
            "PRODUK": Component.PRODUK.value,
        },
    )
