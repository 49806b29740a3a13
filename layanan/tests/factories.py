"""Test builders for services. Requests are built through the app's own actions."""

from __future__ import annotations

from layanan.chain import DEFAULT_STEPS, DEFAULT_TRANSITIONS, ENTRY_STEP
from layanan.models import Component, Requirement, Service, StandardComponent, Step, Transition


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
    steps = {
        spec.code: Step.objects.create(
            service=service,
            order=i,
            code=spec.code,
            name=spec.name,
            role=spec.role,
            escalate_to=spec.escalate_to,
            target_minutes=spec.target_minutes,
            is_entry=spec.code == ENTRY_STEP,
        )
        for i, spec in enumerate(DEFAULT_STEPS, 1)
    }
    Transition.objects.bulk_create(
        Transition(
            service=service,
            from_step=steps[t.from_step],
            action=t.action,
            to_step=steps[t.to_step] if t.to_step else None,
            label=t.label,
            note_required=t.note_required,
            bulk=t.bulk,
        )
        for t in DEFAULT_TRANSITIONS
    )
    return service
