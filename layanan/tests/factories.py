"""Test builders for services. Requests are built through the app's own actions."""

from __future__ import annotations

from layanan.catalogue.actions import create_default_chain
from layanan.catalogue.files import DEFAULT_STEPS
from layanan.models import Component, Requirement, Service, StandardComponent


def make_service(
    slug: str = "izin-belajar",
    name: str = "Izin Belajar",
    *,
    duration: int = 3,
    unit: str = Service.DurationUnit.WORKING_DAYS,
    eligibility: str = "",
    requirements: tuple[str, ...] = ("Surat permohonan", "Fotokopi SK pangkat terakhir"),
) -> Service:
    """A service with every standard component, the given requirements and the default chain."""
    service = Service.objects.create(
        slug=slug, name=name, duration=duration, duration_unit=unit, eligibility=eligibility
    )
    StandardComponent.objects.bulk_create(
        StandardComponent(service=service, component=c, text=f"{c.label} {name}") for c in Component
    )
    Requirement.objects.bulk_create(
        Requirement(service=service, order=i, name=text) for i, text in enumerate(requirements, 1)
    )
    create_default_chain(service, {spec.code: spec.target_minutes for spec in DEFAULT_STEPS})
    return service
