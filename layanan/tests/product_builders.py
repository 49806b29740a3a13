"""Builders for the product, verification and tracker tests.

A request enters the chain the way submission leaves it (in process at the entry step, one
open stay); from there it moves only through the workflow's own action (do_transition).
"""

from __future__ import annotations

import datetime as dt
import itertools

from django.utils import timezone

from accounts.roles import Role
from layanan.actions import do_transition
from layanan.actions_products import do_create_product_template
from layanan.models import Action, Request, RequestStep, Transition
from layanan.products import DEFAULT_BODY

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


def holders(chain) -> dict[str, object]:
    return {
        Role.PETUGAS_ADMINISTRASI: chain.petugas,
        Role.KASUBBAG_UMUM: chain.kasubbag,
        Role.SEKRETARIS: chain.sekretaris,
        Role.KEPALA_BADAN: chain.kepala_badan,
        Role.KEPALA_BIDANG: chain.kepala_bidang,
        Role.UNIT_PENGOLAH: chain.unit_pengolah,
    }


def take(request: Request, action: str, chain, *, note: str = "") -> Request:
    """The holder of the request's current step takes its ``action`` transition (forward: the first)."""
    request.refresh_from_db()
    transition = Transition.objects.filter(from_step=request.step, action=action).order_by("pk").first()
    assert transition is not None, f"no {action} at {request.step}"
    return do_transition(
        request,
        transition,
        actor=holders(chain)[request.step.role],
        note=note,
        version=request.version,
        agenda_number="AG/001/2026" if request.step.is_entry else "",
    )


def forward_to(request: Request, step_code: str, chain) -> Request:
    request.refresh_from_db()
    while request.step.code != step_code:
        request = take(request, Action.FORWARD, chain)
    return request


def complete(request: Request, chain) -> Request:
    """Walk the whole default chain and complete: the product is issued on the way out."""
    request = forward_to(request, "penerbitan", chain)
    return take(request, Action.COMPLETE, chain)
