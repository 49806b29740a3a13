"""REST endpoints of employee master data (mounted by api/ under /api/v1/pegawai).

``request.auth`` is the client's account as api/ built it: its capabilities come from the
token's scopes and OPD restriction, so every read goes through the same scoped queries as
the screens (an OPD-restricted token reads like an Operator OPD of that OPD).
"""

from __future__ import annotations

import base64
import datetime as dt
import json

from django.db import connections
from django.http import Http404, HttpResponse
from ninja import Query, Router, Schema
from ninja.orm import create_schema

from core.auditlog.queries import changed_since
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
# Dates become ISO 8601 inside the C encoder (a method of date, no Python call per value).
_ENCODE = json.JSONEncoder(separators=(",", ":"), default=dt.date.isoformat).encode


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


_FRONT, _NAMA, _BACK = (_COLUMNS.index(name) for name in ("gelar_depan", "nama", "gelar_belakang"))
_OPD = len(_COLUMNS)  # then opd__name, golongan__code: the order of _values()


def _rows_out(rows) -> list[dict]:
    """A page as the schema's objects, from the tuples of the page's query: built by zip and
    dict in C, the dates left to the encoder; a sync builds 10,000 of them."""
    items = []
    for row in rows:
        item = dict(zip(_COLUMNS, row, strict=False))
        front, back = row[_FRONT], row[_BACK]
        item["nama_lengkap"] = f"{front + ' ' if front else ''}{row[_NAMA]}{', ' + back if back else ''}"
        item["opd"] = {"id": row[_OPD], "nama": row[_OPD + 1]}
        item["golongan"] = row[_OPD + 2]
        items.append(item)
    return items


def as_json(body, status: int = 200) -> HttpResponse:
    """The body serialised directly (dates as ISO 8601): it has the declared schema's shape
    by construction, and validating thousands of rows again would double the cost."""
    return HttpResponse(_ENCODE(body), status=status, content_type="application/json")


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


def cursor_page(rows, cursor: str, limit: int):
    """(items, next cursor) of a keyset page ordered by id: constant cost at any depth.

    The scoped query's own SQL, run on a plain cursor: the rows come back as the driver
    reads them (dates included), without the ORM's per-value converters, which cost a
    sync of the whole instansi more than the query itself."""
    limit = max(1, min(limit, 1000))
    query = _values(rows.filter(pk__gt=read_cursor(cursor)).order_by("pk"))[: limit + 1]
    sql, params = query.query.sql_with_params()
    with connections[query.db].cursor() as db:
        db.execute(sql, params)
        page = db.fetchall()
    more = len(page) > limit
    page = page[:limit]
    return _rows_out(page), (write_cursor(page[-1][0]) if more else None)


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
    return as_json({"items": page, "next_cursor": next_cursor})


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
