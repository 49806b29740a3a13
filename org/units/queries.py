"""Every read of the organisation, scoped to what the user may see.

BKD staff (capability view_all_opds) see every OPD; an Operator OPD sees only their own;
anyone else sees none. Callers that ask for one object outside the scope get 404.
"""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from accounts.roles import Capability
from core.permissions import user_can
from org.models import Instansi, OfficeHours, Opd, UnitKerja


def opds_for_user(user) -> QuerySet[Opd]:
    opds = Opd.objects.select_related("instansi")
    if user_can(user, Capability.VIEW_ALL_OPDS):
        return opds
    if user_can(user, Capability.VIEW_ORG) and user.opd_id:
        return opds.filter(pk=user.opd_id)
    return opds.none()


def list_opds_for_user(user, *, search: str = "") -> QuerySet[Opd]:
    opds = opds_for_user(user).annotate(
        unit_count=Count("units", distinct=True), user_count=Count("users", distinct=True)
    )
    if search:
        opds = opds.filter(
            Q(name__icontains=search) | Q(short_name__icontains=search) | Q(code__icontains=search)
        )
    return opds.order_by("name")


def get_opd_for_user(user, pk: int) -> Opd:
    return get_object_or_404(opds_for_user(user), pk=pk)


def units_of(opd: Opd) -> list[tuple[UnitKerja, int]]:
    """The OPD's units in tree order, each with its depth (one query, tree built in Python)."""
    units = list(UnitKerja.objects.filter(opd=opd).order_by("name"))
    children: dict[int | None, list[UnitKerja]] = {}
    for unit in units:
        children.setdefault(unit.parent_id, []).append(unit)
    ordered: list[tuple[UnitKerja, int]] = []

    def walk(parent_id, depth):
        for unit in children.get(parent_id, []):
            ordered.append((unit, depth))
            walk(unit.pk, depth + 1)

    walk(None, 0)
    return ordered


def get_unit_for_user(user, pk: int) -> UnitKerja:
    return get_object_or_404(
        UnitKerja.objects.select_related("opd").filter(opd__in=opds_for_user(user)), pk=pk
    )


def list_instansi_for_user(user) -> QuerySet[Instansi]:
    if user_can(user, Capability.VIEW_ALL_OPDS):
        return Instansi.objects.annotate(opd_count=Count("opds"))
    return Instansi.objects.none()


def get_instansi_for_user(user, pk: int) -> Instansi:
    return get_object_or_404(list_instansi_for_user(user), pk=pk)


def office_hours_of(instansi: Instansi) -> list[OfficeHours]:
    return list(OfficeHours.objects.filter(instansi=instansi).order_by("weekday"))
