"""REST endpoints of the KP list (mounted by api/ under /api/v1/kpo): the candidates of a KP
period (six a year from 2024) with their verdict, through the screen's scoped query."""

from __future__ import annotations

import datetime as dt

from ninja import Query, Router, Schema

from kpo.periods.queries import list_candidates

router = Router(tags=["kpo"])


class CandidateOut(Schema):
    nip: str
    nama: str
    opd_id: int | None
    golongan: str
    golongan_baru: str
    jenis: str
    memenuhi_syarat: bool
    alasan: list[str]


class CandidateFilter(Schema):
    periode: dt.date
    opd: int | None = None


@router.get("/kp", response=list[CandidateOut], summary="Daftar kenaikan pangkat satu periode")
def kp_list(request, filters: Query[CandidateFilter]):
    rows = list_candidates(request.auth, filters.periode, opd=filters.opd)
    return [
        {
            "nip": c.nip,
            "nama": c.nama,
            "opd_id": c.opd_id,
            "golongan": c.golongan,
            "golongan_baru": c.golongan_baru,
            "jenis": c.jenis,
            "memenuhi_syarat": c.eligible,
            "alasan": [str(r.get("message", "")) for r in c.reasons],
        }
        for c in rows
    ]
