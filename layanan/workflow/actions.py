"""Moving requests along the disposition chain: one transition, a bulk transition, and the
applicant's resubmission after a return.

Every call locks the request row (SELECT … FOR UPDATE), checks the move against the
service's transition table (``layanan.workflow.rules``, pure) and the version the form carried,
closes the open stay of the trail (``RequestStep``) and opens the next one, bumps
``Request.version`` and writes one audit row per request. Refusals are
:class:`~layanan.workflow.rules.InvalidTransition` with a code (see docs/layanan-workflow.md) and
change nothing: every check runs before the first write, inside one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import record
from core.notifications.actions import do_notify
from layanan.models import Action, Request, RequestStep, Step, Transition
from layanan.requests.actions import missing_requirements, role_holders
from layanan.sla.rules import resume_due, step_due
from layanan.workflow.rules import InvalidTransition, Table, check_transition, table_of
from org.calendar.queries import office_calendar_for
from people.records.queries import may_act_for

EVENTS = {
    Action.FORWARD: "permohonan.diteruskan",
    Action.RETURN: "permohonan.dikembalikan",
    Action.COMPLETE: "permohonan.diselesaikan",
    Action.REJECT: "permohonan.ditolak",
}
RESUBMIT_EVENT = "permohonan.diajukan_ulang"


class BulkTransitionRefused(InvalidTransition):
    """A bulk move refused for at least one request: nothing was moved. ``failures`` lists
    (request number, reason) for each refused request."""

    def __init__(self, failures: list[tuple[str, InvalidTransition]]):
        self.failures = failures
        detail = "; ".join(f"{number}: {error.message}" for number, error in failures)
        super().__init__(
            "bulk_refused",
            _("Tidak ada permohonan yang diproses, karena: %(detail)s") % {"detail": detail},
        )
        # The code of the batch is its worst refusal: a forged id in a bulk form is as
        # forbidden as in a single one; a request that moved meanwhile makes the form stale.
        codes = [error.code for _number, error in failures]
        self.code = next(
            (c for c in codes if c in self.FORBIDDEN), next((c for c in codes if c in self.STALE), codes[0])
        )


# --- Helpers ------------------------------------------------------------------------------


def request_url(request: Request) -> str:
    """The request's page (layanan/urls.py), linked from notifications."""
    return reverse("layanan:request_detail", args=[request.number])


def table_for_service(service_id: int) -> Table:
    """The transition table of one service (two queries)."""
    steps = Step.objects.filter(service_id=service_id).order_by("order")
    transitions = Transition.objects.filter(service_id=service_id).order_by("from_step__order", "pk")
    return table_of(steps, transitions)


def _locked(request: Request) -> Request:
    return (
        Request.objects.select_for_update(of=("self",))
        .select_related("service", "step", "opd__instansi", "pegawai__user", "created_by")
        .get(pk=request.pk)
    )


def applicants_of(request: Request) -> list:
    """Who hears about a return or an outcome: the employee (if they have an account) and
    whoever opened the request (their Operator OPD, when on their behalf)."""
    users = [request.created_by, getattr(request.pegawai, "user", None)]
    return [u for u in users if u is not None and u.is_active]


def holders_of(role: str) -> list:
    return list(role_holders(role))


def _snapshot(request: Request) -> dict:
    return {
        "status": request.status,
        "step": request.step.code if request.step_id else None,
        "version": request.version,
    }


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


def _check_version(request: Request, version: int | None) -> None:
    if version is not None and int(version) != request.version:
        raise InvalidTransition(
            "stale",
            _(
                "Permohonan %(number)s sudah berubah sejak halaman ini dibuka (mungkin sudah "
                "diproses orang lain). Muat ulang halaman dan periksa lagi."
            )
            % {"number": request.number},
        )


@dataclass
class _Context:
    """What a batch of transitions shares: each service's table and each instansi's calendar."""

    tables: dict = field(default_factory=dict)
    calendars: dict = field(default_factory=dict)

    def table(self, service_id: int) -> Table:
        if service_id not in self.tables:
            self.tables[service_id] = table_for_service(service_id)
        return self.tables[service_id]

    def calendar(self, instansi):
        if instansi.pk not in self.calendars:
            self.calendars[instansi.pk] = office_calendar_for(instansi)
        return self.calendars[instansi.pk]


def _transition(
    request: Request,
    transition: Transition,
    *,
    actor,
    note: str,
    version: int | None,
    agenda_number: str | None,
    context: _Context,
    bulk: bool = False,
) -> Request:
    """One move; the caller holds the transaction. Every check comes before the first write."""
    note = (note or "").strip()
    if transition.service_id != request.service_id:
        raise InvalidTransition("other_service", _("Tindakan ini milik alur layanan lain."))
    _check_version(request, version)
    if request.status != Request.Status.IN_PROCESS:
        raise InvalidTransition(
            "not_in_process",
            _("Permohonan %(number)s tidak sedang diproses (status: %(status)s).")
            % {"number": request.number, "status": request.get_status_display()},
        )
    table = context.table(request.service_id)
    checked = check_transition(
        table,
        request.step.code,
        transition.pk,
        actor.roles,
        note=note,
        agenda_number=agenda_number,
        bulk=bulk,
    )
    registering = checked.from_step == table.entry and checked.action == Action.FORWARD

    if transition.action == Action.COMPLETE:
        # First, so a product that cannot be issued (no template) leaves nothing half-done.
        from layanan.products.files import issue_product

        issue_product(request, actor=actor)

    now = timezone.now()
    before = _snapshot(request)
    RequestStep.objects.filter(request=request, ended_at__isnull=True).update(
        ended_at=now, action=transition.action, note=note, acted_by=actor
    )
    if transition.action == Action.FORWARD:
        to_step = Step.objects.get(pk=transition.to_step_id, service_id=request.service_id)
        calendar = context.calendar(request.opd.instansi)
        RequestStep.objects.create(
            request=request, step=to_step, started_at=now, due_at=step_due(to_step, now, calendar)
        )
        request.step = to_step
        if registering and agenda_number:
            request.agenda_number = agenda_number.strip()
    elif transition.action == Action.RETURN:
        # With the applicant: no step, and the SLA clock paused until they resubmit.
        RequestStep.objects.create(request=request, step=None, started_at=now)
        request.status = Request.Status.RETURNED
        request.step = None
    else:  # COMPLETE, REJECT: the request ends here
        request.status = (
            Request.Status.DONE if transition.action == Action.COMPLETE else Request.Status.REJECTED
        )
        request.step = None
        request.finished_at = now
    request.version += 1
    request.save(update_fields=["status", "step", "agenda_number", "finished_at", "version"])

    after = {**_snapshot(request), "action": transition.action, "transition": transition.label}
    if note:
        after["note"] = note
    if registering:
        after["agenda_number"] = request.agenda_number
    record(actor=actor, event=EVENTS[transition.action], obj=request, before=before, after=after)
    _notify_outcome(request, transition.action, note, actor=actor)
    return request


def _notify_outcome(request: Request, action: str, note: str, *, actor) -> None:
    values = {"number": request.number, "service": request.service.name}
    if action == Action.RETURN:
        title = _("Permohonan %(number)s dikembalikan untuk diperbaiki") % values
        body = _(
            "Permohonan %(service)s Anda dikembalikan dengan alasan: %(reason)s\n"
            "Perbaiki berkasnya lalu ajukan kembali."
        ) % {**values, "reason": note}
        event = "layanan.returned"
    elif action == Action.COMPLETE:
        title = _("Permohonan %(number)s selesai") % values
        body = _("Permohonan %(service)s Anda selesai; produknya dapat diunduh.") % values
        event = "layanan.completed"
    elif action == Action.REJECT:
        title = _("Permohonan %(number)s ditolak") % values
        body = _("Permohonan %(service)s Anda ditolak dengan alasan: %(reason)s") % {**values, "reason": note}
        event = "layanan.rejected"
    else:
        return
    do_notify(
        applicants_of(request), title=title, body=body, url=request_url(request), actor=actor, event=event
    )


# --- Actions ------------------------------------------------------------------------------


@transaction.atomic
def do_transition(
    request: Request,
    transition: Transition,
    *,
    actor,
    note: str = "",
    version: int | None,
    agenda_number: str = "",
) -> Request:
    """Take ``transition`` for ``request`` as ``actor``; ``version`` is the one the form was
    made for (a replayed or stale form is refused). Returns the request as it now is."""
    return _transition(
        _locked(request),
        transition,
        actor=actor,
        note=note,
        version=version,
        agenda_number=agenda_number or "",
        context=_Context(),
    )


def _equivalent(transition: Transition, service_id: int, cache: dict) -> Transition | None:
    """The transition of service ``service_id`` making the same move as ``transition`` (same
    from-step code, action and to-step code): every service has its own Step rows, and an
    official initials the requests of all services on their desk at once."""
    if service_id == transition.service_id:
        return transition
    if service_id not in cache:
        to_code = transition.to_step.code if transition.to_step_id else None
        cache[service_id] = Transition.objects.filter(
            service_id=service_id,
            from_step__code=transition.from_step.code,
            action=transition.action,
            to_step__code=to_code,
        ).first()
    return cache[service_id]


@transaction.atomic
def do_bulk_transition(
    requests: Iterable[Request],
    transition: Transition,
    *,
    actor,
    note: str = "",
    versions: Mapping[int, int] | None = None,
) -> list[Request]:
    """Take one bulk ``transition`` (initialling, disposing…) for every request, all or nothing.

    Requests of other services take their own service's equivalent transition (see
    :func:`_equivalent`). ``versions`` maps request id → the version the inbox showed
    (default: the version of the given instances), so a request that moved meanwhile refuses
    the batch. When any request is refused, :class:`BulkTransitionRefused` lists each refusal
    and nothing moves; every moved request gets its own audit row.
    """
    requests = list(requests)
    if not requests:
        raise InvalidTransition("empty", _("Pilih sedikitnya satu permohonan."))
    if versions is None:
        versions = {r.pk: r.version for r in requests}
    context, equivalents = _Context(), {}
    done, failures = [], []
    for request in sorted(requests, key=lambda r: r.pk):  # one lock order: no deadlock between batches
        locked = _locked(request)
        try:
            own = _equivalent(transition, locked.service_id, equivalents)
            if own is None:
                raise InvalidTransition(
                    "other_service", _("Tindakan ini tidak ada pada alur layanan tersebut.")
                )
            with transaction.atomic():
                done.append(
                    _transition(
                        locked,
                        own,
                        actor=actor,
                        note=note,
                        version=versions.get(request.pk),
                        agenda_number=None,
                        context=context,
                        bulk=True,
                    )
                )
        except InvalidTransition as error:
            failures.append((locked.number, error))
    if failures:
        raise BulkTransitionRefused(failures)
    return done


def returning_step(request: Request) -> Step | None:
    """The step whose official returned the request (it goes back there)."""
    stay = (
        RequestStep.objects.filter(request=request, action=Action.RETURN, step__isnull=False)
        .select_related("step")
        .order_by("-ended_at", "-pk")
        .first()
    )
    return stay.step if stay else None


@transaction.atomic
def do_resubmit_request(request: Request, *, actor, version: int | None = None) -> Request:
    """The applicant sends a returned request back, with its documents fixed: it goes to the
    step that returned it, and the deadline moves on by the office time it spent returned."""
    request = _locked(request)
    if not may_act_for(actor, request.pegawai):
        raise InvalidTransition(
            "not_applicant", _("Hanya pemohon yang dapat mengajukan kembali permohonan ini.")
        )
    _check_version(request, version)
    if request.status != Request.Status.RETURNED:
        raise InvalidTransition(
            "not_returned",
            _("Permohonan %(number)s tidak sedang dikembalikan kepada pemohon.") % {"number": request.number},
        )
    missing = missing_requirements(request)
    if missing:
        raise InvalidTransition(
            "documents_missing",
            _("Lengkapi dulu berkas wajib: %(names)s.") % {"names": ", ".join(r.name for r in missing)},
        )
    step = returning_step(request) or Step.objects.get(service_id=request.service_id, is_entry=True)
    now = timezone.now()
    calendar = office_calendar_for(request.opd.instansi)
    before = {**_snapshot(request), "due_at": _iso(request.due_at)}
    stay = RequestStep.objects.filter(request=request, ended_at__isnull=True).first()
    paused_at = stay.started_at if stay else now
    if stay is not None:
        RequestStep.objects.filter(pk=stay.pk).update(ended_at=now, acted_by=actor)
    if request.due_at is not None:
        request.due_at = resume_due(request.due_at, paused_at, now, calendar)
    RequestStep.objects.create(
        request=request, step=step, started_at=now, due_at=step_due(step, now, calendar)
    )
    request.status = Request.Status.IN_PROCESS
    request.step = step
    request.version += 1
    request.save(update_fields=["status", "step", "due_at", "version"])
    record(
        actor=actor,
        event=RESUBMIT_EVENT,
        obj=request,
        before=before,
        after={**_snapshot(request), "due_at": _iso(request.due_at)},
    )
    do_notify(
        holders_of(step.role),
        title=_("Permohonan %(number)s diajukan kembali") % {"number": request.number},
        body=_("Pemohon sudah memperbaiki permohonan %(service)s; permohonan kembali ke tahap %(step)s.")
        % {"service": request.service.name, "step": step.name},
        url=reverse("layanan:inbox"),
        actor=actor,
        event="layanan.resubmitted",
    )
    return request
