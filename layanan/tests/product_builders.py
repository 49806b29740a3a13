"""Builders for the product, verification and tracker tests.

A request enters the chain the way submission leaves it (in process at the entry step, one
open stay); from there it moves only through the workflow's own action, by the workflow
tests' helpers (layanan/tests/workflow_helpers.py).
"""

from __future__ import annotations

import datetime as dt
import itertools

from django.utils import timezone

from layanan.models import Action, Request, RequestStep
from layanan.products.actions import do_create_product_template
from layanan.products.files import DEFAULT_BODY
from layanan.tests.workflow_helpers import act, holder, walk_to

OFFICIAL = "Dr. Bambang Wijaya, M.Si."
OFFICIAL_NIP = "197001011990031001"
_numbers = itertools.count(1)


def give_template(service, *, actor, number_format: str | None = None, body: str = DEFAULT_BODY):
    return do_create_product_template(
        service,
        actor=actor,
        title=f"Surat {service.name}",
        number_format=number_format or f"800/{{seq}}/BKD-{service.slug.upper()}/{{year}}",
        body=body,
        official_name=OFFICIAL,
        official_nip=OFFICIAL_NIP,
        official_title="Kepala Badan Kepegawaian Daerah",
    )


def submitted_request(service, pegawai, *, created_by, number: str | None = None) -> Request:
    """A request as submission leaves it: in process at the entry step, its clock running."""
    entry = service.steps.get(is_entry=True)
    now = timezone.now()
    request = Request.objects.create(
        number=number or f"UJ-{next(_numbers):04d}-TEST",
        service=service,
        pegawai=pegawai,
        opd=pegawai.opd,
        created_by=created_by,
        status=Request.Status.IN_PROCESS,
        step=entry,
        submitted_at=now,
        due_at=now + dt.timedelta(days=3),
    )
    RequestStep.objects.create(request=request, step=entry, started_at=now)
    return request


def complete(request: Request, chain) -> Request:
    """Walk the whole default chain and complete: the product is issued on the way out."""
    request = walk_to(request, "penerbitan", chain)
    return act(request, holder(chain, "penerbitan"), Action.COMPLETE)
