"""Writing the service catalogue: seeding it from its content files (``layanan/content/``, read
by ``layanan.catalogue.files``) and the Admin's edits of a service, its 14 components, its
requirement checklist and its disposition chain.

History: every row these actions write to the audit log points at the *service*
(object_type ``layanan.service``, object_id = the service's id), whatever part of it
changed; ``object_repr`` names the part ("Izin Belajar · Persyaratan: Jadwal kuliah") and
before/after hold the changed fields (for a component, keyed by the component's code). So a
service's whole history is one indexed query (core.AuditLog's object index), and the rows of
a removed requirement or transition stay findable after the row itself is gone.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from core.audit import changed, record, snapshot
from layanan.catalogue.files import (
    DEFAULT_STEPS,
    DEFAULT_TRANSITIONS,
    ENTRY_STEP,
    FILE_KINDS,
    SERVICES,
    ServiceSpec,
    step_targets,
)
from layanan.models import (
    Action,
    Component,
    ProductTemplate,
    RequestDocument,
    Requirement,
    Service,
    StandardComponent,
    Step,
    Transition,
)

SERVICE_OBJECT = "layanan.service"

SERVICE_FIELDS = ("name", "summary", "order", "active", "eligibility", "duration", "duration_unit")
REQUIREMENT_FIELDS = ("order", "name", "note", "required", "from_file_kind", "max_kb")
STEP_FIELDS = ("name", "role", "escalate_to", "target_minutes")
TRANSITION_FIELDS = ("from_step", "action", "to_step", "label", "note_required", "bulk")


class CatalogueError(Exception):
    """An edit the catalogue refuses; the message says why, in Indonesian."""


# --- Audit helpers ----------------------------------------------------------------------------


def _record(service: Service, *, actor, event: str, part: str = "", before=None, after=None) -> None:
    label = f"{service.name} · {part}" if part else service.name
    record(
        actor=actor,
        event=event,
        object_type=SERVICE_OBJECT,
        object_id=service.pk,
        object_repr=label,
        before=before,
        after=after,
    )


def _apply(obj, changes: dict, allowed: tuple[str, ...], *, service, actor, event: str, part: str) -> bool:
    """Set ``changes`` on ``obj``, validate, save and audit under the service; False if nothing changed."""
    unknown = set(changes) - set(allowed)
    if unknown:
        raise ValueError(f"fields not editable here: {sorted(unknown)}")
    fields = list(changes)
    before = snapshot(obj, fields)
    for name, value in changes.items():
        setattr(obj, name, value)
    old, new = changed(before, snapshot(obj, fields))
    if not new:
        return False
    try:
        obj.full_clean()
    except ValidationError:
        for name, value in before.items():  # leave the caller's object as it was
            setattr(obj, obj._meta.get_field(name).attname, value)
        raise
    obj.save(update_fields=list(new))
    _record(service, actor=actor, event=event, part=part, before=old, after=new)
    return True


# --- Seeding ----------------------------------------------------------------------------------


def create_default_chain(service: Service, targets: dict[str, int]) -> tuple[int, int]:
    """Give ``service`` the standard disposition chain (layanan.catalogue.files) with these step
    targets; returns (steps, transitions). Not audited on its own: callers are actions."""
    steps = {
        spec.code: Step.objects.create(
            service=service,
            order=i,
            code=spec.code,
            name=spec.name,
            role=spec.role,
            escalate_to=spec.escalate_to,
            target_minutes=targets[spec.code],
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
    return len(steps), len(DEFAULT_TRANSITIONS)


def _create_template(service: Service, spec: ServiceSpec) -> None:
    ProductTemplate.objects.create(
        service=service,
        title=spec.product.title,
        number_format=spec.product.number_format,
        body=spec.product.body,
        official_name=spec.product.official_name,
        official_nip=spec.product.official_nip,
        official_title=spec.product.official_title,
    )


def _create_service(spec: ServiceSpec, previous: Service | None, counts: dict, *, actor) -> Service:
    service = Service(
        slug=spec.slug,
        name=spec.name,
        summary=spec.summary,
        order=spec.order,
        eligibility=spec.eligibility,
        duration=spec.duration,
        duration_unit=spec.unit,
        previous_stage=previous,
    )
    service.full_clean()
    service.save()
    StandardComponent.objects.bulk_create(
        StandardComponent(service=service, component=c, text=spec.components[c]) for c in Component
    )
    Requirement.objects.bulk_create(
        Requirement(
            service=service,
            order=i,
            name=r.name,
            note=r.note,
            required=r.required,
            from_file_kind=r.from_file_kind,
        )
        for i, r in enumerate(spec.requirements, 1)
    )
    steps, transitions = create_default_chain(service, step_targets(spec.duration, spec.unit))
    _create_template(service, spec)
    added = {
        "komponen": len(Component),
        "persyaratan": len(spec.requirements),
        "tahap": steps,
        "transisi": transitions,
        "templat": 1,
    }
    for key, value in {"layanan": 1, **added}.items():
        counts[key] += value
    after = {**snapshot(service, ("slug", *SERVICE_FIELDS, "previous_stage")), **added}
    _record(service, actor=actor, event="layanan.service_seeded", after=after)
    return service


def _complete_service(service: Service, spec: ServiceSpec, previous: Service | None, counts: dict, *, actor):
    """Add what a service made elsewhere lacks (components, chain, template, stage link);
    never touch what exists, so an Admin's edits survive a reseed."""
    added: dict = {}
    have = set(service.components.values_list("component", flat=True))
    missing = [c for c in Component if c not in have]
    if missing:
        StandardComponent.objects.bulk_create(
            StandardComponent(service=service, component=c, text=spec.components[c]) for c in missing
        )
        added["komponen"] = [str(c) for c in missing]
        counts["komponen"] += len(missing)
    if not service.steps.exists():
        steps, transitions = create_default_chain(
            service, step_targets(service.duration, service.duration_unit)
        )
        added["tahap"], added["transisi"] = steps, transitions
        counts["tahap"] += steps
        counts["transisi"] += transitions
    if not ProductTemplate.objects.filter(service=service).exists():
        _create_template(service, spec)
        added["templat"] = spec.product.title
        counts["templat"] += 1
    if previous is not None and service.previous_stage_id is None:
        service.previous_stage = previous
        service.save(update_fields=["previous_stage"])
        added["previous_stage"] = previous.pk
    if added:
        _record(service, actor=actor, event="layanan.service_completed", after=added)


@transaction.atomic
def do_seed_catalogue(*, actor) -> dict[str, int]:
    """Create the services of ``layanan.catalogue.files`` that are missing (with their 14
    components, requirements, chain and product template) and fill in missing parts of
    existing ones. Idempotent: a second run creates and changes nothing. ``actor`` None is
    the system (seed_demo). Returns how many rows of each kind were created."""
    counts = dict.fromkeys(("layanan", "komponen", "persyaratan", "tahap", "transisi", "templat"), 0)
    existing = {s.slug: s for s in Service.objects.filter(slug__in=[spec.slug for spec in SERVICES])}
    for spec in SERVICES:  # stage 1 comes before stage 2 in SERVICES
        previous = existing.get(spec.previous_stage) if spec.previous_stage else None
        service = existing.get(spec.slug)
        if service is None:
            existing[spec.slug] = _create_service(spec, previous, counts, actor=actor)
        else:
            _complete_service(service, spec, previous, counts, actor=actor)
    return counts


# --- Admin edits --------------------------------------------------------------------------------


@transaction.atomic
def do_update_service(service: Service, *, changes: dict, actor) -> bool:
    """Edit the service's own fields (name, summary, order, active, eligibility, duration, unit)."""
    return _apply(
        service,
        changes,
        SERVICE_FIELDS,
        service=service,
        actor=actor,
        event="layanan.service_updated",
        part="",
    )


@transaction.atomic
def do_update_component(component: StandardComponent, *, text: str, actor) -> bool:
    """Replace the published text of one of the 14 components."""
    text = text.strip()
    if not text:
        raise CatalogueError(_("Isi komponen tidak boleh kosong: standar pelayanan memuat 14 komponen."))
    service = component.service
    if component.text == text:
        return False
    before, after = {component.component: component.text}, {component.component: text}
    component.text = text
    component.save(update_fields=["text"])
    _record(
        service,
        actor=actor,
        event="layanan.component_updated",
        part=_("Komponen: %(name)s") % {"name": component.get_component_display()},
        before=before,
        after=after,
    )
    return True


def _check_file_kind(kind: str) -> None:
    if kind and kind not in FILE_KINDS:
        raise CatalogueError(_("Jenis dokumen arsip tidak dikenal: %(kind)s.") % {"kind": kind})


@transaction.atomic
def do_add_requirement(
    service: Service,
    *,
    name: str,
    note: str = "",
    required: bool = True,
    from_file_kind: str = "",
    max_kb: int | None = None,
    order: int | None = None,
    actor,
) -> Requirement:
    """Add a document to the service's checklist (at the end unless ``order`` is given)."""
    _check_file_kind(from_file_kind)
    if order is None:
        order = (service.requirements.aggregate(last=Max("order"))["last"] or 0) + 1
    requirement = Requirement(
        service=service,
        order=order,
        name=name.strip(),
        note=note.strip(),
        required=required,
        from_file_kind=from_file_kind,
        max_kb=max_kb,
    )
    requirement.full_clean()
    requirement.save()
    _record(
        service,
        actor=actor,
        event="layanan.requirement_added",
        part=_("Persyaratan: %(name)s") % {"name": requirement.name},
        after={"id": requirement.pk, **snapshot(requirement, REQUIREMENT_FIELDS)},
    )
    return requirement


@transaction.atomic
def do_update_requirement(requirement: Requirement, *, changes: dict, actor) -> bool:
    _check_file_kind(changes.get("from_file_kind", ""))
    return _apply(
        requirement,
        changes,
        REQUIREMENT_FIELDS,
        service=requirement.service,
        actor=actor,
        event="layanan.requirement_updated",
        part=_("Persyaratan: %(name)s") % {"name": requirement.name},
    )


@transaction.atomic
def do_remove_requirement(requirement: Requirement, *, actor) -> None:
    """Remove a document from the checklist, unless a request already holds a file for it
    (that file must keep saying which requirement it answered)."""
    used = RequestDocument.objects.filter(requirement=requirement).values("request").distinct().count()
    if used:
        raise CatalogueError(
            _(
                "Persyaratan ini tidak dapat dihapus karena sudah dipakai oleh %(count)d permohonan. "
                "Ubah menjadi tidak wajib bila tidak diperlukan lagi."
            )
            % {"count": used}
        )
    before = {"id": requirement.pk, **snapshot(requirement, REQUIREMENT_FIELDS)}
    service = requirement.service
    requirement.delete()
    _record(
        service,
        actor=actor,
        event="layanan.requirement_removed",
        part=_("Persyaratan: %(name)s") % {"name": before["name"]},
        before=before,
    )


@transaction.atomic
def do_update_step(step: Step, *, changes: dict, actor) -> bool:
    """Rename a step, change the role whose inbox holds it, its escalation role or its target."""
    return _apply(
        step,
        changes,
        STEP_FIELDS,
        service=step.service,
        actor=actor,
        event="layanan.step_updated",
        part=_("Tahap: %(name)s") % {"name": step.name},
    )


def _transition_part(transition: Transition) -> str:
    target = f" → {transition.to_step.name}" if transition.to_step_id else ""
    return _("Transisi: %(from)s — %(action)s%(to)s") % {
        "from": transition.from_step.name,
        "action": transition.get_action_display(),
        "to": target,
    }


@transaction.atomic
def do_add_transition(
    service: Service,
    *,
    from_step: Step,
    action: str,
    to_step: Step | None = None,
    label: str = "",
    note_required: bool = False,
    bulk: bool = False,
    actor,
) -> Transition:
    """Allow a move out of ``from_step``. Only FORWARD has a target, a step of the same
    service other than the one it leaves."""
    if action not in Action.values:
        raise CatalogueError(_("Tindakan tidak dikenal."))
    if from_step.service_id != service.pk:
        raise CatalogueError(_("Tahap asal bukan tahap layanan ini."))
    if action == Action.FORWARD:
        if to_step is None:
            raise CatalogueError(_("Tindakan 'Teruskan' memerlukan tahap tujuan."))
        if to_step.service_id != service.pk:
            raise CatalogueError(_("Tahap tujuan harus tahap layanan yang sama."))
        if to_step.pk == from_step.pk:
            raise CatalogueError(_("Tahap tujuan harus berbeda dari tahap asal."))
    elif to_step is not None:
        raise CatalogueError(_("Hanya tindakan 'Teruskan' yang punya tahap tujuan."))
    # The unique constraint cannot see duplicates whose to_step is NULL (NULLs differ in SQL).
    if Transition.objects.filter(from_step=from_step, action=action, to_step=to_step).exists():
        raise CatalogueError(_("Transisi ini sudah ada."))
    transition = Transition(
        service=service,
        from_step=from_step,
        action=action,
        to_step=to_step,
        label=label.strip() or str(Action(action).label),
        note_required=note_required,
        bulk=bulk,
    )
    transition.full_clean()
    transition.save()
    _record(
        service,
        actor=actor,
        event="layanan.transition_added",
        part=_transition_part(transition),
        after={"id": transition.pk, **snapshot(transition, TRANSITION_FIELDS)},
    )
    return transition


@transaction.atomic
def do_remove_transition(transition: Transition, *, actor) -> None:
    """Remove an allowed move; the last 'complete' of a service stays, or nothing could finish."""
    service = transition.service
    if (
        transition.action == Action.COMPLETE
        and not Transition.objects.filter(service=service, action=Action.COMPLETE)
        .exclude(pk=transition.pk)
        .exists()
    ):
        raise CatalogueError(
            _("Transisi 'Selesaikan' terakhir tidak dapat dihapus: permohonan tidak akan pernah selesai.")
        )
    part = _transition_part(transition)
    before = {"id": transition.pk, **snapshot(transition, TRANSITION_FIELDS)}
    transition.delete()
    _record(service, actor=actor, event="layanan.transition_removed", part=part, before=before)
