"""REST endpoints of IP-ASN scores (mounted by api/ under /api/v1/ipasn): the stored scores
per employee and year, through the screens' scoped query (ipasn.scores.queries)."""

from __future__ import annotations

import base64

from django.http import Http404
from ninja import Query, Router, Schema

from ipasn.scores.queries import latest_year, scores_in_scope

router = Router(tags=["ipasn"])


class ScoreOut(Schema):
    nip: str
    tahun: int
    opd_id: int
    kualifikasi: float
    kompetensi: float
    kinerja: float
    disiplin: float
    total: float
    kategori: str


class ScorePage(Schema):
    items: list[ScoreOut]
    next_cursor: str | None


class ScoreFilter(Schema):
    tahun: int | None = None
    opd: int | None = None
    cursor: str = ""
    limit: int = 100


def _after(cursor: str) -> int:
    if not cursor:
        return 0
    try:
        return int(base64.urlsafe_b64decode(cursor.encode() + b"==").decode())
    except (ValueError, UnicodeDecodeError):
        raise Http404 from None


@router.get("", response=ScorePage, summary="Nilai IP-ASN per pegawai (tahun terakhir bila tidak disebut)")
def list_scores(request, filters: Query[ScoreFilter]):
    year = filters.tahun or latest_year()
    rows = scores_in_scope(request.auth).filter(year=year or 0)
    if filters.opd:
        rows = rows.filter(opd_id=filters.opd)
    limit = max(1, min(filters.limit, 1000))
    columns = (
        "pk",
        "pegawai__nip",
        "year",
        "opd_id",
        "kualifikasi",
        "kompetensi",
        "kinerja",
        "disiplin",
        "total",
        "kategori",
    )
    page = list(rows.filter(pk__gt=_after(filters.cursor)).order_by("pk").values(*columns)[: limit + 1])
    more, page = len(page) > limit, page[:limit]
    items = [
        {**{k: row[k] for k in columns[3:]}, "nip": row["pegawai__nip"], "tahun": row["year"]} for row in page
    ]
    cursor = base64.urlsafe_b64encode(str(page[-1]["pk"]).encode()).decode().rstrip("=") if more else None
    return {"items": items, "next_cursor": cursor}
