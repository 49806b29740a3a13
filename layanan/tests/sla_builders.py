"""Requests at chosen moments for the SLA tests.

``submitted_request`` writes what submission leaves behind (status in process at the entry
step, ``submitted_at``, ``due_at`` from ``layanan.sla.rules.request_due`` and the first stay with
its target), so a test can place a request anywhere in the past. ``stay`` appends a finished
stay to the trail; ``finish`` ends a request. The moves themselves go through the workflow's
actions where a test is about them (test_sla_clock's end-to-end case).
"""

from __future__ import annotations

import itertools
from datetime import datetime

from layanan.models import Action, Request, RequestStep, Service, Step
from layanan.sla.rules import request_due, resume_due, step_due
from org.calendar.queries import office_calendar_for

_numbers = itertools.count(1)


def submitted_request(
    service: Service, pegawai, *, at: datetime, created_by, step: Step | None = None
) -> Request:
    calendar = office_calendar_for(pegawai.opd.instansi)
    entry = Step.objects.get(service=service, is_entry=True)
    request = Request.objects.create(
        number=f"UJ-{at:%y%m}-{next(_numbers):05d}",
        service=service,
        pegawai=pegawai,
        opd=pegawai.opd,
        created_by=created_by,
        status=Request.Status.IN_PROCESS,
        step=step or entry,
        created_at=at,
        submitted_at=at,
        due_at=request_due(service, at, calendar),
    )
    RequestStep.objects.create(
        request=request, step=step or entry, started_at=at, due_at=step_due(step or entry, at, calendar)
    )
    return request


def move(request: Request, *, at: datetime, to: Step | None, action: str = Action.FORWARD) -> RequestStep:
    """Close the open stay at ``at`` with ``action`` and open the next one (``to`` None: with
    the applicant, the request returned)."""
    calendar = office_calendar_for(request.opd.instansi)
    RequestStep.objects.filter(request=request, ended_at__isnull=True).update(ended_at=at, action=action)
    request.status = Request.Status.IN_PROCESS if to else Request.Status.RETURNED
    request.step = to
    request.save(update_fields=["status", "step"])
    return RequestStep.objects.create(
        request=request, step=to, started_at=at, due_at=step_due(to, at, calendar) if to else None
    )


def finish(request: Request, *, at: datetime, action: str = Action.COMPLETE) -> Request:
    RequestStep.objects.filter(request=request, ended_at__isnull=True).update(ended_at=at, action=action)
    request.status = Request.Status.DONE if action == Action.COMPLETE else Request.Status.REJECTED
    request.step = None
    request.finished_at = at
    request.save(update_fields=["status", "step", "finished_at"])
    return request


def resume(request: Request, *, at: datetime, to: Step) -> RequestStep:
    """The applicant resubmits at ``at``: the deadline moves on by the office time paused
    (as ``do_resubmit_request`` does), and the request goes back to ``to``."""
    calendar = office_calendar_for(request.opd.instansi)
    paused = RequestStep.objects.get(request=request, ended_at__isnull=True, step__isnull=True)
    request.due_at = resume_due(request.due_at, paused.started_at, at, calendar)
    request.save(update_fields=["due_at"])
    return move(request, at=at, to=to, action="")
