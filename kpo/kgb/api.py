"""REST endpoint of the KGB list (mounted by api/ under /api/v1/kpo): who reaches the next gaji
pokok step in a month, through the screen's scoped query."""

from __future__ import annotations

import datetime as dt

from ninja import Query, Router, Schema
from pydantic import Field

from kpo.kgb.queries import kgb_for_user

router = Router(tags=["kpo"])


class KgbOut(Schema):
    nip: str
    nama: str
    opd_id: int | None
    golongan: str
    mkg_baru: int | None
    gaji_lama: int | None
    gaji_baru: int | None
    tmt_kgb: dt.date | None
    memenuhi_syarat: bool
    alasan: list[str]


class KgbFilter(Schema):
    bulan: str = Field(pattern=r"^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])$", description="YYYY-MM")
    opd: int | None = None


@router.get("/kgb", response=list[KgbOut], summary="Daftar kenaikan gaji berkala satu bulan")
def kgb_list(request, filters: Query[KgbFilter]):
    year, month = (int(x) for x in filters.bulan.split("-"))
    rows = kgb_for_user(request.auth, year, month, opd=filters.opd)
    return [
        {
            "nip": r.record.nip,
            "nama": r.record.nama,
            "opd_id": r.record.opd_id,
            "golongan": r.result.golongan.code,
            "mkg_baru": r.result.mkg_baru,
            "gaji_lama": r.result.gaji_lama,
            "gaji_baru": r.result.gaji_baru,
            "tmt_kgb": r.result.tmt,
            "memenuhi_syarat": r.result.eligible,
            "alasan": [x.message for x in r.result.verdict.reasons],
        }
        for r in rows
    ]
