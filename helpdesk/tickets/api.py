"""REST endpoint of a helpdesk ticket's status (mounted by api/ under /api/v1/helpdesk):
number + e-mail → the state and the officers' answers, as the public status page shows
them, and nothing else of the applicant (no name, e-mail, phone, question or form data).

A POST with a JSON body, not a GET: the e-mail stays out of URLs and access logs. Misses
are counted per token on the one database throttle, like the status page counts them per
address, so a client cannot walk numbers; a wrong number and a wrong e-mail look the same.
"""

from __future__ import annotations

import datetime as dt

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from helpdesk.models import TicketMessage
from helpdesk.tickets import queries
from helpdesk.tickets.rules import normalise_number

router = Router(tags=["helpdesk"])

# What the applicant may read of the officers' side: answers and requests to them.
_OFFICER_KINDS = (TicketMessage.Kind.ANSWER, TicketMessage.Kind.REQUEST)


class StatusIn(Schema):
    nomor: str = Field(min_length=1, max_length=40)
    email: str = Field(min_length=3, max_length=254)


class AnswerOut(Schema):
    jenis: str
    jenis_label: str
    waktu: dt.datetime
    isi: str


class StatusOut(Schema):
    nomor: str
    status: str
    status_label: str
    diterima: dt.datetime
    dijawab: dt.datetime | None
    ditutup: dt.datetime | None
    jawaban: list[AnswerOut]


def _client_key(request) -> str:
    # The token's own account: one per token, so one client's misses never block another.
    return f"api-client-{request.auth.pk}"


@router.post("/tiket/status", response=StatusOut, summary="Status dan jawaban tiket (nomor + e-mail)")
def ticket_status(request, payload: StatusIn):
    key = _client_key(request)
    if queries.is_blocked(key):
        raise HttpError(
            429, _("Terlalu banyak pencarian tiket yang gagal dengan token ini. Coba lagi dalam 10 menit.")
        )
    ticket = queries.lookup(normalise_number(payload.nomor), payload.email)
    if ticket is None:
        queries.record_failure(key)
        raise Http404
    answers = [m for m in queries.public_messages(ticket) if m.kind in _OFFICER_KINDS]
    return {
        "nomor": ticket.number,
        "status": ticket.status,
        "status_label": ticket.get_status_display(),
        "diterima": ticket.received_at,
        "dijawab": ticket.answered_at,
        "ditutup": ticket.closed_at,
        "jawaban": [
            {"jenis": m.kind, "jenis_label": m.get_kind_display(), "waktu": m.created_at, "isi": m.body}
            for m in answers
        ],
    }
