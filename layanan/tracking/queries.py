"""The public tracker: where a request is, for anyone holding its number and the applicant's NIP.

Like a parcel tracker, it shows the status, the current step, since when, the due time and
every step passed with its dates, and nothing personal: no name, no documents, no notes, no
official's name. The lookup matches the number and the NIP in one query, so a wrong number
and a wrong NIP look the same (no oracle telling which half was wrong), and it always costs
two queries (the request, then its trail).

Guessing is slowed by a failure counter per client address (``core.clients``), the same
database throttle as failed logins (``accounts.throttle.actions``): after ``FAILURE_LIMIT`` misses
within ``FAILURE_WINDOW`` the tracker refuses to look up anything from that address until
enough of them have left the window. Checking costs one query, counting a miss one more.

A finished request may carry follow-ups that apps above layanan offer on this page (the
satisfaction survey of feedback): layanan cannot import them, so they register a callable
with :func:`register_follow_up` and the tracker asks each one, for finished requests only
(one query more each).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from django.utils.translation import gettext as _

from accounts.throttle import actions as throttle
from layanan.models import Action, Request, RequestStep

FAILURE_LIMIT = 5
FAILURE_WINDOW = dt.timedelta(minutes=10)
FAILURES = throttle.Limit("layanan-lacak", FAILURE_LIMIT, FAILURE_WINDOW)


@dataclass(frozen=True)
class Stop:
    """One stay of a request: at a step, or with the applicant (``with_applicant``)."""

    name: str
    started_at: dt.datetime
    ended_at: dt.datetime | None
    outcome: str  # the action that ended the stay, as its label ("" while open)
    with_applicant: bool
    current: bool


@dataclass(frozen=True)
class FollowUp:
    """Something the applicant may do next about a finished request: a link, or (with no
    ``url``) a note that it was done already."""

    key: str  # names the follow-up in the page (data-testid="tracker-<key>")
    text: str
    url: str = ""


_FOLLOW_UPS: dict[str, Callable[[Request], FollowUp | None]] = {}


def register_follow_up(key: str, offer: Callable[[Request], FollowUp | None]) -> None:
    """``offer(request)`` is asked for every finished request the tracker shows; registering
    the same key again replaces the callable (an app's ready() may run twice in tests)."""
    _FOLLOW_UPS[key] = offer


@dataclass(frozen=True)
class Tracked:
    number: str
    service_name: str
    status: str
    status_label: str
    place: str  # the current step's name, "with the applicant", or "" when finished
    since: dt.datetime | None
    due_at: dt.datetime | None
    submitted_at: dt.datetime | None
    finished_at: dt.datetime | None
    stops: tuple[Stop, ...]
    follow_ups: tuple[FollowUp, ...] = ()

    @property
    def open(self) -> bool:
        return self.status in (Request.Status.IN_PROCESS, Request.Status.RETURNED)


def normalise_nip(nip: str) -> str:
    # People paste the printed grouping "19850517 201003 1 001".
    return "".join(nip.split())


def summarise(request: Request, trail: Iterable[RequestStep]) -> Tracked:
    """The trail of ``request`` as stops, oldest first; ``trail`` rows need their step joined.

    Pure apart from attribute reads: the applicant's own timeline can reuse it.
    """
    labels = dict(Action.choices)
    stops = tuple(
        Stop(
            name=row.step.name if row.step_id else _("Dikembalikan ke pemohon untuk dilengkapi"),
            started_at=row.started_at,
            ended_at=row.ended_at,
            outcome=str(labels.get(row.action, "")) if row.action else "",
            with_applicant=row.step_id is None,
            current=row.ended_at is None,
        )
        for row in trail
    )
    current = next((stop for stop in reversed(stops) if stop.current), None)
    return Tracked(
        number=request.number,
        service_name=request.service.name,
        status=request.status,
        status_label=str(request.get_status_display()),
        place=current.name if current else "",
        since=current.started_at if current else None,
        # While returned the clock is stopped: the due time moves on at resubmission.
        due_at=request.due_at if request.status == Request.Status.IN_PROCESS else None,
        submitted_at=request.submitted_at,
        finished_at=request.finished_at,
        stops=stops,
    )


def track(number: str, nip: str) -> Tracked | None:
    """The request ``number`` if its applicant's NIP is ``nip``; None otherwise (drafts too)."""
    number, nip = number.strip().upper(), normalise_nip(nip)
    if not number or not nip:
        return None
    request = (
        Request.objects.select_related("service")
        .exclude(status=Request.Status.DRAFT)
        .filter(number=number, pegawai__nip=nip)
        .only(
            "number",
            "status",
            "submitted_at",
            "due_at",
            "finished_at",
            "service__name",
        )
        .first()
    )
    if request is None:
        return None
    trail = RequestStep.objects.filter(request=request).select_related("step").order_by("started_at", "id")
    found = summarise(request, trail)
    if request.status != Request.Status.DONE:
        return found
    follow_ups = (offer(request) for offer in _FOLLOW_UPS.values())
    return replace(found, follow_ups=tuple(f for f in follow_ups if f is not None))


# --- Failure counter ----------------------------------------------------------------------


def is_blocked(client: str) -> bool:
    return throttle.tallies(FAILURES.on(throttle.address_key(client)))[0].blocked


def record_failure(client: str) -> None:
    """Count one miss for ``client`` (atomic: concurrent misses are all counted)."""
    throttle.hit(FAILURES.on(throttle.address_key(client)))
