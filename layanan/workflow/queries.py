"""Reads of the officials' inboxes, scoped to the steps whose role the user holds.

An official's inbox is every request in process at a step held by one of their roles
(Admin sees only the steps of the roles they also hold). The OPD rule is the usual one
(``org.units.queries.opds_for_user``): chain officials are BKD staff and see every OPD.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import F, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from accounts.roles import Capability
from core.permissions import user_can
from layanan.models import Request, RequestStep, Service, Transition
from layanan.workflow.rules import Table, allowed_transitions, table_of
from org.units.queries import opds_for_user


@dataclass(frozen=True)
class InboxFilters:
    service: int | None = None
    opd: int | None = None
    overdue: bool = False
    q: str = ""


def _scoped(user, requests: QuerySet[Request]) -> QuerySet[Request]:
    if not user_can(user, Capability.PROCESS_REQUESTS):
        return requests.none()
    if not user_can(user, Capability.VIEW_ALL_OPDS):
        requests = requests.filter(opd__in=opds_for_user(user))
    return requests


def processable_requests(user) -> QuerySet[Request]:
    """Requests an official may address by number (submitted ones: drafts are the applicant's
    alone, so a number of a draft or of nothing is a 404)."""
    return _scoped(user, Request.objects.exclude(status=Request.Status.DRAFT))


def get_processable_request(user, number: str) -> Request | None:
    return processable_requests(user).select_related("service", "step").filter(number=number).first()


def inbox_for_user(user, filters: InboxFilters | None = None, *, now=None) -> QuerySet[Request]:
    """The user's inbox, oldest due first, with what a row shows joined or annotated in
    (one query for any number of rows; the open stay's start and target come as subqueries)."""
    filters = filters or InboxFilters()
    now = now or timezone.now()
    open_stay = RequestStep.objects.filter(request=OuterRef("pk"), ended_at__isnull=True)
    requests = (
        _scoped(user, Request.objects.all())
        .filter(status=Request.Status.IN_PROCESS, step__role__in=sorted(user.roles))
        .select_related("service", "step", "opd", "pegawai")
        .annotate(
            step_since=Subquery(open_stay.values("started_at")[:1]),
            step_due=Subquery(open_stay.values("due_at")[:1]),
        )
    )
    if filters.service:
        requests = requests.filter(service_id=filters.service)
    if filters.opd:
        requests = requests.filter(opd_id=filters.opd)
    if filters.overdue:
        requests = requests.filter(Q(overdue=True) | Q(due_at__lt=now))
    q = (filters.q or "").strip()
    if q:
        digits = q.replace(" ", "")
        match = Q(number__iexact=q) | Q(pegawai__nama__icontains=q)
        if digits.isdigit():
            match |= Q(pegawai__nip__contains=digits)
        requests = requests.filter(match)
    # request_inbox_idx (status, step, due_at) serves this order.
    return requests.order_by(F("due_at").asc(nulls_last=True), "pk")


def inbox_services(user) -> QuerySet[Service]:
    """Services with a step held by one of the user's roles (the inbox's service filter)."""
    if not user_can(user, Capability.PROCESS_REQUESTS):
        return Service.objects.none()
    return Service.objects.filter(steps__role__in=sorted(user.roles)).distinct().order_by("order", "name")


def bulk_transitions_for(user, step_ids) -> list[Transition]:
    """One bulk transition per distinct move (from-step code, action, to-step code) out of
    ``step_ids`` that the user holds: the inbox shows one button for each (one query). The
    action applies each service's own equivalent transition."""
    rows = (
        Transition.objects.filter(
            bulk=True, from_step_id__in=list(step_ids), from_step__role__in=sorted(user.roles)
        )
        .select_related("from_step", "to_step")
        .order_by("from_step__order", "pk")
    )
    seen, buttons = set(), []
    for row in rows:
        key = (row.from_step.code, row.action, row.to_step.code if row.to_step_id else None)
        if key not in seen:
            seen.add(key)
            buttons.append(row)
    return buttons


def transitions_for(user, request: Request) -> tuple[Table, list[Transition]]:
    """The transitions ``user`` may take for ``request`` now (none unless it is in process
    at a step they hold), as model rows in table order, and the service's table (two queries
    when there is something to show, none otherwise)."""
    if request.status != Request.Status.IN_PROCESS or not request.step_id:
        return Table((), ()), []
    if not user.is_authenticated or request.step.role not in user.roles:
        return Table((), ()), []
    steps = list(request.service.steps.all())
    rows = list(
        Transition.objects.filter(service_id=request.service_id)
        .select_related("to_step")
        .order_by("from_step__order", "pk")
    )
    table = table_of(steps, rows)
    allowed = {t.id for t in allowed_transitions(table, request.step.code, user.roles)}
    return table, [row for row in rows if row.pk in allowed]
