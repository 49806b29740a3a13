"""REST endpoints of service requests (mounted by api/ under /api/v1/permohonan): status and
timeline through the screens' scoped queries, and a draft opened on behalf of an employee
(the write router, mounted behind the write scope) through the same action as the screen."""

from __future__ import annotations

import base64
import datetime as dt

from django.http import Http404
from ninja import Query, Router, Schema

from core.auditlog.queries import changed_since
from layanan.requests.actions import RequestError, do_create_request
from layanan.requests.queries import (
    active_service,
    find_pegawai_for_applicant,
    get_request_for_user,
    list_requests_for_user,
    request_trail,
)

router = Router(tags=["permohonan"])
write_router = Router(tags=["permohonan"])


class StepOut(Schema):
    tahap: str
    mulai: dt.datetime
    selesai: dt.datetime | None
    tindakan: str
    catatan: str


class RequestOut(Schema):
    nomor: str
    layanan: str
    nip: str
    opd_id: int
    status: str
    status_label: str
    tahap: str | None
    dibuat: dt.datetime
    diajukan: dt.datetime | None
    batas_waktu: dt.datetime | None
    selesai: dt.datetime | None
    terlambat: bool


class RequestDetail(RequestOut):
    linimasa: list[StepOut]


class RequestPage(Schema):
    items: list[RequestOut]
    next_cursor: str | None


class RequestFilter(Schema):
    status: str = ""
    updated_since: dt.datetime | None = None
    cursor: str = ""
    limit: int = 100


class RequestIn(Schema):
    layanan: str
    nip: str


class RequestRefused(Schema):
    kode: str
    pesan: str


def _out(r) -> dict:
    return {
        "nomor": r.number,
        "layanan": r.service.slug,
        "nip": r.pegawai.nip,
        "opd_id": r.opd_id,
        "status": r.status,
        "status_label": str(r.get_status_display()),
        "tahap": r.step.name if r.step_id else None,
        "dibuat": r.created_at,
        "diajukan": r.submitted_at,
        "batas_waktu": r.due_at,
        "selesai": r.finished_at,
        "terlambat": r.overdue,
    }


def _cursor(cursor: str) -> int:
    if not cursor:
        return 0
    try:
        return int(base64.urlsafe_b64decode(cursor.encode() + b"==").decode())
    except (ValueError, UnicodeDecodeError):
        raise Http404 from None


@router.get("", response=RequestPage, summary="Daftar permohonan (kursor, perubahan sejak)")
def list_requests(request, filters: Query[RequestFilter]):
    rows = list_requests_for_user(request.auth, status=filters.status)
    if filters.updated_since:
        rows = rows.filter(pk__in=changed_since("layanan.request", filters.updated_since))
    limit = max(1, min(filters.limit, 1000))
    page = list(rows.filter(pk__gt=_cursor(filters.cursor)).order_by("pk")[: limit + 1])
    more, page = len(page) > limit, page[:limit]
    next_cursor = base64.urlsafe_b64encode(str(page[-1].pk).encode()).decode().rstrip("=") if more else None
    return {"items": [_out(r) for r in page], "next_cursor": next_cursor}


@router.get("/{nomor}", response=RequestDetail, summary="Status dan linimasa satu permohonan")
def get_request(request, nomor: str):
    found = get_request_for_user(request.auth, nomor)
    trail = [
        {
            "tahap": step.step.name if step.step_id else "",
            "mulai": step.started_at,
            "selesai": step.ended_at,
            "tindakan": step.action,
            "catatan": step.note,
        }
        for step in request_trail(found)
    ]
    return {**_out(found), "linimasa": trail}


@write_router.post(
    "", response={201: RequestOut, 409: RequestRefused}, summary="Buat draf permohonan atas nama pegawai"
)
def create_request(request, data: RequestIn):
    service = active_service(data.layanan)
    pegawai = find_pegawai_for_applicant(request.auth, data.nip)
    if pegawai is None:
        raise Http404
    try:
        created = do_create_request(service, pegawai, actor=request.auth)
    except RequestError as exc:
        return 409, {"kode": "permohonan_ditolak", "pesan": str(exc)}
    created = get_request_for_user(request.auth, created.number)
    return 201, _out(created)
