"""Builders of the workflow tests: requests submitted through the applicant's own actions,
and one official's move through the workflow's action."""

from __future__ import annotations

import itertools

from conftest import make_pdf
from layanan.models import Action, Request, Transition
from layanan.requests.actions import do_create_request, do_submit_request, do_upload_request_document
from layanan.workflow.actions import do_transition

AGENDA = "800/0001/BKD/2026"
_names = itertools.count(1)


def make_applicant(opd, *, user=None, nama: str | None = None):
    from people.tests.factories import make_pegawai

    return make_pegawai(opd, nama=nama or f"Pemohon Uji {next(_names)}", user=user)


def submit(service, pegawai, *, actor) -> Request:
    """Draft, one upload per requirement, submit: the request lands at the entry step."""
    request = do_create_request(service, pegawai, actor=actor)
    for requirement in service.requirements.all():
        do_upload_request_document(request, requirement, make_pdf(), actor=actor)
    return do_submit_request(request, actor=actor)


def transition_of(request: Request, action: str = Action.FORWARD) -> Transition:
    request.refresh_from_db()
    return Transition.objects.filter(from_step=request.step, action=action).order_by("pk").first()


def act(
    request: Request, user, action: str = Action.FORWARD, *, note: str = "", agenda: str = AGENDA
) -> Request:
    """``user`` takes the ``action`` transition out of the request's current step."""
    transition = transition_of(request, action)
    return do_transition(
        request,
        transition,
        actor=user,
        note=note,
        version=request.version,
        agenda_number=agenda if request.step.is_entry else "",
    )


def holder(chain, step_code: str):
    return {
        "registrasi": chain.petugas,
        "pemilahan": chain.kasubbag,
        "paraf": chain.sekretaris,
        "disposisi": chain.kepala_badan,
        "bidang": chain.kepala_bidang,
        "verifikasi": chain.unit_pengolah,
        "penerbitan": chain.unit_pengolah,
    }[step_code]


def walk_to(request: Request, step_code: str, chain) -> Request:
    """Forward the request, each step by its holder, until it waits at ``step_code``."""
    request.refresh_from_db()
    while request.step.code != step_code:
        request = act(request, holder(chain, request.step.code))
    return request
