"""Reading the service catalogue: the public pages (active services only) and the Admin's
screens (every service). Capability checks stay in the views; nothing here is scoped by
OPD because the catalogue is the same for everyone."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from core.models import AuditLog
from layanan.catalogue.actions import SERVICE_OBJECT
from layanan.models import (
    Component,
    ProductTemplate,
    Requirement,
    Service,
    StandardComponent,
    Step,
    Transition,
)


def public_services() -> QuerySet[Service]:
    """The services open to the public, in catalogue order (one query)."""
    return Service.objects.filter(active=True).order_by("order", "name")


def get_public_service(slug: str) -> Service:
    """An active service with everything its public page shows, in a fixed number of queries
    (service + template, components, requirements, steps). Inactive or unknown: 404."""
    return get_object_or_404(
        Service.objects.filter(active=True)
        .select_related("product_template", "previous_stage")
        .prefetch_related(
            Prefetch("components", queryset=StandardComponent.objects.all()),
            Prefetch("requirements", queryset=Requirement.objects.order_by("order", "id")),
            Prefetch("steps", queryset=Step.objects.order_by("order")),
        ),
        slug=slug,
    )


def components_in_order(service: Service) -> list[tuple[str, str, str]]:
    """(code, label, text) of all 14 components in published order; a missing one has empty text."""
    texts = {c.component: c.text for c in service.components.all()}
    return [(c.value, c.label, texts.get(c.value, "")) for c in Component]


def admin_services() -> QuerySet[Service]:
    """Every service, active or not, with the size of its checklist and its request count."""
    return Service.objects.annotate(
        requirement_count=Count("requirements", distinct=True),
        request_count=Count("requests", distinct=True),
    ).order_by("order", "name")


def get_service(pk: int) -> Service:
    return get_object_or_404(Service.objects.select_related("previous_stage"), pk=pk)


def get_component(service: Service, code: str) -> StandardComponent:
    if code not in Component.values:
        from django.http import Http404

        raise Http404
    return get_object_or_404(
        StandardComponent.objects.select_related("service"), service=service, component=code
    )


def get_requirement(pk: int) -> Requirement:
    return get_object_or_404(Requirement.objects.select_related("service"), pk=pk)


def get_step(pk: int) -> Step:
    return get_object_or_404(Step.objects.select_related("service"), pk=pk)


def get_transition(pk: int) -> Transition:
    return get_object_or_404(Transition.objects.select_related("service", "from_step", "to_step"), pk=pk)


def requirements_of(service: Service) -> QuerySet[Requirement]:
    return service.requirements.order_by("order", "id")


def steps_of(service: Service) -> QuerySet[Step]:
    return service.steps.order_by("order")


def transitions_of(service: Service) -> QuerySet[Transition]:
    """The chain as a table: from step → action → to step, in step order."""
    return service.transitions.select_related("from_step", "to_step").order_by(
        "from_step__order", "action", "id"
    )


def template_of(service: Service) -> ProductTemplate | None:
    return ProductTemplate.objects.filter(service=service).first()


def history_of(service: Service) -> QuerySet[AuditLog]:
    """Every change of the service and its parts (see layanan.catalogue.actions: they all point at
    the service), plus the product template's own rows (layanan.products.actions)."""
    template_id = ProductTemplate.objects.filter(service=service).values_list("pk", flat=True).first()
    condition = Q(object_type=SERVICE_OBJECT, object_id=str(service.pk))
    if template_id is not None:
        condition |= Q(object_type="layanan.producttemplate", object_id=str(template_id))
    return AuditLog.objects.filter(condition).order_by("-at", "-id")
