"""Figures per OPD and instansi from the stored scores, scoped by org.units.queries.opds_for_user."""

from __future__ import annotations

from collections import Counter

from django.core.cache import cache
from django.db.models import Avg, Count, Max, Q, QuerySet

from ipasn.models import Kategori, Score
from ipasn.scores.queries import scores_in_scope
from ipasn.scores.rules import PLAN_CODES, profile_from_inputs
from org.models import Opd
from org.units.queries import opds_for_user
from regulations.ipasn import assess

KATEGORI_ORDER = [k.value for k in Kategori]


def _distribution(scores: QuerySet[Score]) -> dict:
    counts = {f"n_{k}": Count("pk", filter=Q(kategori=k)) for k in KATEGORI_ORDER}
    return {"average": Avg("total"), "employees": Count("pk"), **counts}


def _shaped(row: dict) -> dict:
    row["distribution"] = [(k, Kategori(k).label, row.pop(f"n_{k}")) for k in KATEGORI_ORDER]
    return row


def summary(user, year: int, opd: Opd | None = None) -> dict:
    """Average and distribution by kategori of the scope (or one OPD of it): one query."""
    scores = scores_in_scope(user).filter(year=year)
    if opd is not None:
        scores = scores.filter(opd=opd)
    return _shaped(scores.aggregate(**_distribution(scores)))


def opd_ranking(user, year: int) -> list[dict]:
    """The OPDs of the scope, best average first, each with its distribution: two queries."""
    rows = {
        row["opd"]: _shaped(row)
        for row in scores_in_scope(user)
        .filter(year=year)
        .values("opd")
        .annotate(**_distribution(Score.objects))
    }
    ranked = []
    for opd in opds_for_user(user).order_by("name"):
        if opd.pk in rows:
            ranked.append({**rows[opd.pk], "opd": opd})
    ranked.sort(key=lambda r: -(r["average"] or 0))
    return ranked


def trend(user, opd: Opd | None = None) -> list[tuple[int, float, int]]:
    """(year, average, employees) oldest first."""
    scores = scores_in_scope(user)
    if opd is not None:
        scores = scores.filter(opd=opd)
    return [
        (r["year"], r["average"], r["employees"])
        for r in scores.values("year").annotate(average=Avg("total"), employees=Count("pk")).order_by("year")
    ]


def opd_scores(user, year: int, opd: Opd, *, q: str = "", kategori: str = "") -> QuerySet[Score]:
    """The drill-down list: the OPD's employees, lowest total first (they need the help)."""
    scores = scores_in_scope(user).filter(year=year, opd=opd).select_related("pegawai")
    q = q.strip()
    if q:
        scores = scores.filter(Q(pegawai__nama__icontains=q) | Q(pegawai__nip__contains=q.replace(" ", "")))
    if kategori in KATEGORI_ORDER:
        scores = scores.filter(kategori=kategori)
    return scores.order_by("total", "pegawai__nama", "pk")


def training_plan(user, year: int, opd: Opd) -> list[dict]:
    """Which action, taken by how many of the OPD's employees, lifts its average most.

    Every employee's suggestions from their stored inputs; per action: the employees it
    applies to, the points they would gain together, and that sum over the OPD's headcount
    (the rise of the OPD average if all of them took it). Best lift first.

    Assessing a large OPD takes a good part of a second, so the plan is cached under the
    OPD's latest score time and headcount: any rewritten or removed score changes the key.
    """
    scores = scores_in_scope(user).filter(year=year, opd=opd)
    stamp = scores.aggregate(latest=Max("computed_at"), n=Count("pk"))
    if not stamp["n"]:
        return []
    key = f"ipasn-plan:{year}:{opd.pk}:{stamp['latest'].isoformat()}:{stamp['n']}"
    plan = cache.get(key)
    if plan is None:
        plan = _plan(scores.values_list("inputs", flat=True))
        cache.set(key, plan, PLAN_CACHE_SECONDS)
    return plan


PLAN_CACHE_SECONDS = 24 * 3600


def _plan(all_inputs) -> list[dict]:
    people, gains, headcount = Counter(), Counter(), 0
    for data in all_inputs:
        headcount += 1
        for suggestion in assess(profile_from_inputs(data)).suggestions:
            people[suggestion.code] += 1
            gains[suggestion.code] += suggestion.gain
    plan = [
        {"code": code, "employees": people[code], "gain": gains[code], "lift": gains[code] / headcount}
        for code in PLAN_CODES
        if people[code]
    ]
    plan.sort(key=lambda r: -r["lift"])
    return plan


def report_rows(scores: QuerySet[Score], year: int, opd: Opd | None = None) -> QuerySet:
    """The official report's rows: nip, nama, opd, the four dimensions, total, kategori.
    ``scores``: the caller's scope (``scores_in_scope(user)``, or every score for a command)."""
    scores = scores.filter(year=year)
    if opd is not None:
        scores = scores.filter(opd=opd)
    return scores.order_by("opd__name", "pegawai__nama", "pegawai__nip").values_list(
        "pegawai__nip",
        "pegawai__nama",
        "opd__name",
        "kualifikasi",
        "kompetensi",
        "kinerja",
        "disiplin",
        "total",
        "kategori",
    )
