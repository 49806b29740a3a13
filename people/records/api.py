"""REST endpoints of employee master data (mounted by api/ under /api/v1/pegawai).

``request.auth`` is the client's account as api/ built it: its capabilities come from the
token's scopes and OPD restriction, so every read goes through the same scoped queries as
the screens (an OPD-restricted token reads like an Operator OPD of that OPD).
"""

from __future__ import annotations

import base64
import datetime as dt
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import BigIntegerField
from django.db.models.functions import Cast
from django.http import Http404, HttpResponse
from ninja import Query, Router, Schema
from ninja.orm import create_schema

from core.models import AuditLog
from people.models import (
    Pegawai,
    RiwayatAngkaKredit,
    RiwayatDiklat,
    RiwayatGolongan,
    RiwayatHukdis,
    RiwayatJabatan,
    RiwayatPendidikan,
    RiwayatSkp,
)
from people.records.queries import list_pegawai_for_user, pegawai_for_user

router = Router(tags=["pegawai"])

HISTORIES = {
    "golongan": (RiwayatGolongan, ("-tmt", "-pk")),
    "jabatan": (RiwayatJabatan, ("-tmt", "-pk")),
    "pendidikan": (RiwayatPendidikan, ("-tahun_lulus", "-pk")),
    "diklat": (RiwayatDiklat, ("-tahun", "-pk")),
    "skp": (RiwayatSkp, ("-tahun",)),
    "hukdis": (RiwayatHukdis, ("-tmt", "-pk")),
    "angka-kredit": (RiwayatAngkaKredit, ("-tahun", "-pk")),
}
HISTORY_SCHEMAS = {
    kind: create_schema(model, name=f"Riwayat{kind.title().replace('-', '')}", exclude=["pegawai"])
    for kind, (model, _order) in HISTORIES.items()
}


class OpdRef(Schema):
    id: int
    nama: str


class PegawaiOut(Schema):
    id: int
    nip: str
    nama: str
    nama_lengkap: str
    gelar_depan: str
    gelar_belakang: str
    tanggal_lahir: dt.date
    jenis_kelamin: str
    jenis_pegawai: str
    status: str
    opd: OpdRef
    golongan: str | None
    tmt_golongan: dt.date | None
    jenis_jabatan: str
    jabatan: str
    jenjang: str
    eselon: str
    tmt_jabatan: dt.date | None
    pendidikan: str
    tmt_cpns: dt.date | None
    tmt_pns: dt.date | None


class PegawaiPage(Schema):
    items: list[PegawaiOut]
    next_cursor: str | None


class PegawaiFilter(Schema):
    q: str = ""
    opd: int | None = None
    golongan: str = ""
    jenis_jabatan: str = ""
    status: str = ""
    updated_since: dt.datetime | None = None
    cursor: str = ""
    limit: int = 100


# The columns a row is built from, read with values(): a sync reads every employee page by
# page, and model instances and schema validation per row would cost more than the query.
_COLUMNS = [name for name in PegawaiOut.model_fields if name not in {"opd", "golongan", "nama_lengkap"}]


_DATES = ("tanggal_lahir", "tmt_golongan", "tmt_jabatan", "tmt_cpns", "tmt_pns")


def out(row: dict) -> dict:
    values = {name: row[name] for name in _COLUMNS}
    for name in _DATES:
        day = values[name]
        if day is not None:
            values[name] = day.isoformat()
    front, back = row["gelar_depan"], row["gelar_belakang"]
    values["nama_lengkap"] = f"{front + ' ' if front else ''}{row['nama']}{', ' + back if back else ''}"
    values["opd"] = {"id": row["opd_id"], "nama": row["opd__name"]}
    values["golongan"] = row["golongan__code"]
    return values


def _values(rows):
    return rows.values(*_COLUMNS, "opd_id", "opd__name", "golongan__code")


def as_json(body, status: int = 200) -> HttpResponse:
    """The body serialised directly (dates as ISO 8601): it has the declared schema's shape
    by construction, and validating thousands of rows again would double the cost."""
    return HttpResponse(
        json.dumps(body, cls=DjangoJSONEncoder, separators=(",", ":")),
        status=status,
        content_type="application/json",
    )


def read_cursor(cursor: str) -> int:
    """The id after which a page starts; an unreadable cursor is a 404 (it names no page)."""
    if not cursor:
        return 0
    try:
        return int(base64.urlsafe_b64decode(cursor.encode() + b"==").decode())
    except (ValueError, UnicodeDecodeError):
        raise Http404 from None


def write_cursor(last_id: int) -> str:
    return base64.urlsafe_b64encode(str(last_id).encode()).decode().rstrip("=")


def changed_since(model_label: str, since: dt.datetime):
    """Ids of the objects of ``model_label`` with an audit row at or after ``since``."""
    return (
        AuditLog.objects.filter(object_type=model_label, at__gte=since)
        .exclude(object_id="")
        .annotate(oid=Cast("object_id", BigIntegerField()))
        .values("oid")
    )


def cursor_page(rows, cursor: str, limit: int):
    """(items, next cursor) of a keyset page ordered by id: constant cost at any depth."""
    limit = max(1, min(limit, 1000))
    page = list(_values(rows.filter(pk__gt=read_cursor(cursor)).order_by("pk"))[: limit + 1])
    more = len(page) > limit
    page = page[:limit]
    return page, (write_cursor(page[-1]["id"]) if more else None)


@router.get("", response=PegawaiPage, summary="Daftar pegawai (kursor, filter, perubahan sejak)")
def list_pegawai(request, filters: Query[PegawaiFilter]):
    rows = list_pegawai_for_user(
        request.auth,
        q=filters.q,
        opd=filters.opd,
        jenis_jabatan=filters.jenis_jabatan,
        status=filters.status,
    )
    if filters.golongan:
        rows = rows.filter(golongan__code=filters.golongan)
    if filters.updated_since:
        rows = rows.filter(pk__in=changed_since("people.pegawai", filters.updated_since))
    page, next_cursor = cursor_page(rows, filters.cursor, filters.limit)
    return as_json({"items": [out(p) for p in page], "next_cursor": next_cursor})


def _pegawai(request, nip: str) -> Pegawai:
    found = pegawai_for_user(request.auth).filter(nip=nip).first()
    if found is None:
        raise Http404
    return found


@router.get("/{nip}", response=PegawaiOut, summary="Data utama satu pegawai")
def get_pegawai(request, nip: str):
    found = _values(pegawai_for_user(request.auth).filter(nip=nip)).first()
    if found is None:
        raise Http404
    return out(found)


def _history_view(model, order):
    def history(request, nip: str):
        return list(model.objects.filter(pegawai=_pegawai(request, nip)).order_by(*order))

    return history


for _kind, (_model, _order) in HISTORIES.items():
    router.get(
        f"/{{nip}}/riwayat/{_kind}",
        response=list[HISTORY_SCHEMAS[_kind]],
        summary=f"Riwayat {_kind} satu pegawai",
        operation_id=f"riwayat_{_kind.replace('-', '_')}",
        url_name=f"riwayat_{_kind.replace('-', '_')}",
    )(_history_view(_model, _order))
