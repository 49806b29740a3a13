"""Where the national values differ from ours, and the input that explains each gap."""

from __future__ import annotations

from django.db.models import F, Q, QuerySet
from django.urls import reverse

from ipasn.models import NationalScore, Score
from ipasn.scores.queries import explanation, scores_in_scope

DIMENSIONS = ("kualifikasi", "kompetensi", "kinerja", "disiplin")
TOLERANCE = 0.005  # both sides print two decimals at most


def differing(user, year: int, opd=None) -> QuerySet[Score]:
    """Our scores of ``year`` in the scope whose national value differs in any dimension."""
    national = NationalScore.objects.filter(year=year)
    scores = scores_in_scope(user).filter(year=year, pegawai__in=national.values("pegawai"))
    if opd is not None:
        scores = scores.filter(opd=opd)
    from django.db.models import OuterRef, Subquery

    for name in (*DIMENSIONS, "total"):
        scores = scores.annotate(
            **{f"national_{name}": Subquery(national.filter(pegawai=OuterRef("pegawai")).values(name)[:1])}
        )
    gap = Q()
    for name in (*DIMENSIONS, "total"):
        gap |= Q(**{f"{name}__gt": F(f"national_{name}") + TOLERANCE}) | Q(
            **{f"{name}__lt": F(f"national_{name}") - TOLERANCE}
        )
    return scores.filter(gap).select_related("pegawai", "opd").order_by("opd__name", "pegawai__nama", "pk")


def imported_count(user, year: int) -> int:
    return NationalScore.objects.filter(
        year=year, pegawai__opd__in=scores_in_scope(user).values("opd")
    ).count()


def explained(scores) -> list[dict]:
    """Per differing score (a page of them): each dimension that differs, both values, and
    our reasons and rows for it: the input to check before the national figure is published."""
    rows = []
    for score in scores:
        detail = explanation(score, rows_url=reverse("people:pegawai_detail", args=[score.pegawai_id]))
        by_code = {d["code"]: d for d in detail["dimensions"]}
        gaps = []
        for name in DIMENSIONS:
            ours, theirs = getattr(score, name), getattr(score, f"national_{name}")
            if abs(ours - theirs) > TOLERANCE:
                gaps.append({"dimension": by_code[name], "ours": ours, "theirs": theirs})
        rows.append({"score": score, "gaps": gaps})
    return rows
