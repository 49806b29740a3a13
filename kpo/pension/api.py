"""REST endpoint of the PPO list (mounted by api/ under /api/v1/kpo): everyone reaching the BUP
in a window, through the screen's scoped query, so an OPD-restricted token sees its OPD only."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from ninja import Query, Router, Schema

from kpo.pension.queries import ppo_for_user
from kpo.pension.rules import MAX_WINDOW_MONTHS, window_problem

router = Router(tags=["kpo"])


class PpoOut(Schema):
    nip: str
    nama: str
    opd_id: int | None
    jabatan: str
    tanggal_lahir: dt.date
    bup: int
    tanggal_bup: dt.date
    tmt_pensiun: dt.date
    kurang: list[str]


class PpoFilter(Schema):
    dari: dt.date
    sampai: dt.date
    opd: int | None = None


@router.get(
    "/ppo",
    response=list[PpoOut],
    summary="Daftar pensiun (BUP) dalam rentang tanggal",
    description=f"Rentang paling panjang {MAX_WINDOW_MONTHS} bulan.",
)
def ppo_list(request, filters: Query[PpoFilter]):
    problem = window_problem(filters.dari, filters.sampai)
    if problem:
        raise ValidationError(problem)
    rows = ppo_for_user(request.auth, filters.dari, filters.sampai, opd=filters.opd)
    return [
        {
            "nip": r.record.nip,
            "nama": r.record.nama,
            "opd_id": r.record.opd_id,
            "jabatan": r.record.jabatan,
            "tanggal_lahir": r.record.tanggal_lahir,
            "bup": r.pension.bup,
            "tanggal_bup": r.pension.bup_date,
            "tmt_pensiun": r.pension.tmt,
            "kurang": r.missing,
        }
        for r in rows
    ]
