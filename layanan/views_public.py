"""The public catalogue: anyone, without logging in, reads the list of services and each
service's full Standar Pelayanan (all 14 components), on a phone or on paper."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from layanan.catalogue import duration_text
from layanan.models import Component
from layanan.queries_catalogue import components_in_order, get_public_service, public_services


def request_url(service) -> str | None:
    """The request form of ``service``. That page belongs to the requests part of the app;
    while it is not installed the public page simply shows no button."""
    try:
        return reverse("layanan:request_create", kwargs={"slug": service.slug})
    except NoReverseMatch:
        return None


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
