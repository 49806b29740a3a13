"""Reading the KP list, scoped: BKD staff see every OPD, an Operator OPD only theirs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Max, Q, QuerySet

from kpo.models import KpCandidate, KpList
from org.units.queries import opds_for_user


def candidates_for_user(user, period: date) -> QuerySet[KpCandidate]:
    return KpCandidate.objects.filter(period=period, opd__in=opds_for_user(user).values("pk"))


def list_candidates(
    user, period: date, *, opd: int | None = None, eligible: str = "", jenis: str = "", search: str = ""
) -> QuerySet[KpCandidate]:
    rows = candidates_for_user(user, period).select_related("opd")
    if opd:
        rows = rows.filter(opd_id=opd)
    if eligible in {"ya", "tidak"}:
        rows = rows.filter(eligible=eligible == "ya")
    if jenis:
        rows = rows.filter(jenis=jenis)
    if search:
        rows = rows.filter(Q(nama__icontains=search) | Q(nip__startswith=search.replace(" ", "")))
    return rows.order_by("opd__name", "nama", "pk")


@dataclass(frozen=True)
class Summary:
    due: int
    eligible: int
    stale: int
    computed_at: object  # the last computation of the whole period, None when never computed
    newest_at: object  # the latest row written since (an employee's data changed)


def summary(rows: QuerySet[KpCandidate], period: date) -> Summary:
    agg = rows.aggregate(
        due=Count("pk"),
        eligible=Count("pk", filter=Q(eligible=True)),
        stale=Count("pk", filter=Q(stale=True)),
        newest=Max("computed_at"),
    )
    full = KpList.objects.filter(period=period).values_list("computed_at", flat=True).first()
    return Summary(agg["due"], agg["eligible"], agg["stale"], full, agg["newest"])


def per_opd(rows: QuerySet[KpCandidate]) -> list[dict]:
    """Due and eligible per OPD (for the chart and the OPD filter)."""
    return list(
        rows.order_by()
        .values("opd_id", "opd__name")
        .annotate(due=Count("pk"), eligible=Count("pk", filter=Q(eligible=True)))
        .order_by("opd__name")
    )
