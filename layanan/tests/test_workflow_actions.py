"""The disposition chain walked through its actions: every official's move, the trail it
leaves, the notifications, the return to the applicant and the SLA clock paused meanwhile."""

from __future__ import annotations

import datetime as dt
import itertools
from zoneinfo import ZoneInfo

import pytest
import time_machine

from conftest import make_pdf
from core.models import AuditLog, Notification
from layanan.models import Action, Product, Request, RequestStep
from layanan.requests.actions import do_remove_request_document, do_upload_request_document
from layanan.tests.product_builders import give_template
from layanan.tests.workflow_helpers import AGENDA, act, holder, make_applicant, submit, transition_of, walk_to
from layanan.workflow.actions import do_bulk_transition, do_resubmit_request, do_transition
from layanan.workflow.rules import InvalidTransition

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")
MONDAY_9 = dt.datetime(2026, 11, 2, 9, 0, tzinfo=WIB)


@pytest.fixture
def applicant(cast):
    return make_applicant(cast.opd_a, user=cast.pegawai_a, nama="Siti Rahmawati")


@pytest.fixture
def service(cast):
    from layanan.tests.factories import make_service

    service = make_service("izin-belajar", "Izin Belajar", duration=3)
    give_template(service, actor=cast.admin)
    return service


def trail(request):
    return list(
        RequestStep.objects.filter(request=request)
        .order_by("started_at", "pk")
        .values_list("step__code", "action", "acted_by__username", "ended_at")
    )


def test_each_official_moves_the_request_on_to_the_next_step(cast, chain, service, applicant):
    request = submit(service, applicant, actor=cast.pegawai_a)
    assert request.step.code == "registrasi" and request.version == 1
    codes = ["registrasi", "pemilahan", "paraf", "disposisi", "bidang", "verifikasi", "penerbitan"]
    for here, there in itertools.pairwise(codes):
        request = act(request, holder(chain, here))
        assert (request.status, request.step.code) == (Request.Status.IN_PROCESS, there)
    assert request.version == 1 + 6
    assert request.agenda_number == AGENDA
    rows = trail(request)
    assert [r[0] for r in rows] == codes
    assert [r[1] for r in rows[:-1]] == [Action.FORWARD] * 6
    assert rows[-1][1:] == ("", None, None), "the stay at penerbitan is still open"
    assert [r[2] for r in rows[:-1]] == [
        "petugas",
        "kasubbag",
        "sekretaris",
        "kepala",
        "kabid",
        "verifikator",
    ]


def test_every_move_leaves_one_audit_row_with_from_and_to_step_and_the_note(cast, chain, service, applicant):
    request = submit(service, applicant, actor=cast.pegawai_a)
    request = act(request, chain.petugas)
    before = AuditLog.objects.count()
    act(request, chain.kasubbag, note="Berkas lengkap, ke Sekretaris")
    row = AuditLog.objects.get(event="permohonan.diteruskan", actor=chain.kasubbag)
    assert AuditLog.objects.count() == before + 1
    assert row.object_id == str(request.pk)
    assert row.before == {"status": "in_process", "step": "pemilahan", "version": 2}
    assert row.after["step"] == "paraf" and row.after["note"] == "Berkas lengkap, ke Sekretaris"
    assert row.after["version"] == 3 and row.after["action"] == "forward"


def test_registration_stores_the_agenda_number_and_refuses_without_one(cast, chain, service, applicant):
    request = submit(service, applicant, actor=cast.pegawai_a)
    with pytest.raises(InvalidTransition) as refused:
        act(request, chain.petugas, agenda="  ")
    assert refused.value.code == "agenda_required"
    request.refresh_from_db()
    assert request.step.code == "registrasi" and request.agenda_number == ""
    request = act(request, chain.petugas, agenda=" 800/77/BKD ")
    assert request.agenda_number == "800/77/BKD"
    assert AuditLog.objects.get(event="permohonan.diteruskan").after["agenda_number"] == "800/77/BKD"


def test_each_new_stay_gets_its_step_target_from_the_office_calendar(cast, chain, service, applicant):
    with time_machine.travel(MONDAY_9, tick=False):
        request = submit(service, applicant, actor=cast.pegawai_a)
        request = act(request, chain.petugas)
    stay = RequestStep.objects.get(request=request, ended_at__isnull=True)
    # pemilahan: 30 office minutes from Monday 09:00.
    assert stay.step.code == "pemilahan"
    assert stay.due_at == dt.datetime(2026, 11, 2, 9, 30, tzinfo=WIB)
    with time_machine.travel(dt.datetime(2026, 11, 2, 11, 15, tzinfo=WIB), tick=False):
        request = act(request, chain.kasubbag)
    # paraf: 60 minutes from 11:15, across the 11:30–13:00 break.
    assert RequestStep.objects.get(request=request, ended_at__isnull=True).due_at == dt.datetime(
        2026, 11, 2, 13, 45, tzinfo=WIB
    )


def test_return_resubmit_and_complete(cast, chain, service, applicant):
    """The verifier returns for a missing document; the applicant re-uploads and resubmits;
    it goes back to the verifier, on to penerbitan, and completes with its product."""
    with time_machine.travel(MONDAY_9, tick=False):
        request = submit(service, applicant, actor=cast.pegawai_a)
        due = request.due_at
        assert due == dt.datetime(2026, 11, 5, 9, 0, tzinfo=WIB)  # 3 whole working days from 09:00
        request = walk_to(request, "verifikasi", chain)
    with time_machine.travel(dt.datetime(2026, 11, 2, 10, 0, tzinfo=WIB), tick=False):
        request = act(
            request,
            chain.unit_pengolah,
            Action.RETURN,
            note="Surat keterangan dari kampus belum dilampirkan.",
        )
    assert (request.status, request.step) == (Request.Status.RETURNED, None)
    stay = RequestStep.objects.get(request=request, ended_at__isnull=True)
    assert stay.step is None and stay.due_at is None  # with the applicant, no target
    notice = Notification.objects.get(recipient=cast.pegawai_a, title__contains="dikembalikan")
    assert "Surat keterangan dari kampus belum dilampirkan." in notice.body
    assert notice.url == f"/layanan/permohonan/{request.number}/"
    assert AuditLog.objects.filter(event="layanan.returned").exists()

    requirement = service.requirements.order_by("order").last()
    do_remove_request_document(request, requirement, actor=cast.pegawai_a)
    with pytest.raises(InvalidTransition) as refused:
        do_resubmit_request(request, actor=cast.pegawai_a)
    assert refused.value.code == "documents_missing" and requirement.name in refused.value.message
    do_upload_request_document(request, requirement, make_pdf("sk.pdf"), actor=cast.pegawai_a)

    # Back the next day at 10:00: one full office day (6 h) with the applicant.
    with time_machine.travel(dt.datetime(2026, 11, 3, 10, 0, tzinfo=WIB), tick=False):
        request = do_resubmit_request(request, actor=cast.pegawai_a)
    assert (request.status, request.step.code) == (Request.Status.IN_PROCESS, "verifikasi")
    # Thursday 09:00 plus 6 office hours: 5 on Thursday, then Friday 08.30–09.30.
    assert request.due_at == dt.datetime(2026, 11, 6, 9, 30, tzinfo=WIB), "moved on by the paused office day"
    stay = RequestStep.objects.get(request=request, ended_at__isnull=True)
    assert stay.step.code == "verifikasi"
    assert stay.due_at == dt.datetime(2026, 11, 3, 13, 30, tzinfo=WIB)  # 120 office minutes, across the break
    assert Notification.objects.filter(
        recipient=cast.unit_pengolah, title__contains="diajukan kembali"
    ).exists()
    assert (
        AuditLog.objects.get(event="permohonan.diajukan_ulang").after["due_at"].startswith("2026-11-06T09:30")
    )

    with time_machine.travel(dt.datetime(2026, 11, 3, 14, 0, tzinfo=WIB), tick=False):
        request = act(request, chain.unit_pengolah)
        request = act(request, chain.unit_pengolah, Action.COMPLETE)
    assert (request.status, request.step) == (Request.Status.DONE, None)
    assert request.finished_at == dt.datetime(2026, 11, 3, 14, 0, tzinfo=WIB)
    assert Product.objects.filter(request=request).exists()
    assert Notification.objects.filter(recipient=cast.pegawai_a, title__contains="selesai").exists()
    assert AuditLog.objects.filter(event="layanan.completed").exists()
    steps = [r[0] for r in trail(request)]
    assert steps[-4:] == ["verifikasi", None, "verifikasi", "penerbitan"]
    assert RequestStep.objects.filter(request=request, ended_at__isnull=True).count() == 0
    assert request.version == 1 + 5 + 1 + 1 + 2


def test_rejection_ends_the_request_and_tells_the_applicant_why(cast, chain, service, applicant):
    request = walk_to(submit(service, applicant, actor=cast.pegawai_a), "verifikasi", chain)
    with pytest.raises(InvalidTransition) as refused:
        act(request, chain.unit_pengolah, Action.REJECT, note=" ")
    assert refused.value.code == "note_required"
    request = act(request, chain.unit_pengolah, Action.REJECT, note="Program studi tidak linier.")
    assert request.status == Request.Status.REJECTED and request.finished_at is not None
    assert "Program studi tidak linier." in Notification.objects.get(title__contains="ditolak").body
    assert not Product.objects.filter(request=request).exists()


def test_completing_without_a_product_template_changes_nothing(cast, chain, applicant):
    from layanan.products.files import ProductError
    from layanan.tests.factories import make_service

    bare = make_service("upkp", "UPKP", duration=5)
    request = walk_to(submit(bare, applicant, actor=cast.pegawai_a), "penerbitan", chain)
    version, rows = request.version, trail(request)
    with pytest.raises(ProductError):
        act(request, chain.unit_pengolah, Action.COMPLETE)
    request.refresh_from_db()
    assert (request.status, request.step.code, request.version) == ("in_process", "penerbitan", version)
    assert trail(request) == rows


def test_an_operator_resubmits_for_an_employee_of_their_opd_but_not_another_opd(cast, chain, service):
    pegawai = make_applicant(cast.opd_a)
    request = walk_to(submit(service, pegawai, actor=cast.operator_a), "verifikasi", chain)
    request = act(request, chain.unit_pengolah, Action.RETURN, note="Lengkapi")
    with pytest.raises(InvalidTransition) as refused:
        do_resubmit_request(request, actor=cast.operator_b)
    assert refused.value.code == "not_applicant" and refused.value.forbidden
    with pytest.raises(InvalidTransition):
        do_resubmit_request(request, actor=chain.unit_pengolah)
    request = do_resubmit_request(request, actor=cast.operator_a)
    assert request.status == Request.Status.IN_PROCESS
    # A second resubmission is refused: the request is no longer with the applicant.
    with pytest.raises(InvalidTransition) as refused:
        do_resubmit_request(request, actor=cast.operator_a)
    assert refused.value.code == "not_returned"


def test_bulk_initialling_moves_every_selected_request_with_one_audit_row_each(cast, chain, service):
    requests = [
        walk_to(submit(service, make_applicant(cast.opd_a), actor=cast.operator_a), "paraf", chain)
        for _ in range(3)
    ]
    paraf = transition_of(requests[0])
    before = AuditLog.objects.filter(event="permohonan.diteruskan").count()
    moved = do_bulk_transition(requests, paraf, actor=chain.sekretaris, note="Paraf")
    assert {r.step.code for r in moved} == {"disposisi"}
    assert AuditLog.objects.filter(event="permohonan.diteruskan").count() == before + 3
    assert RequestStep.objects.filter(request__in=requests, step__code="paraf", note="Paraf").count() == 3


def test_bulk_moves_requests_of_several_services_by_their_own_transitions(cast, chain, service):
    from layanan.tests.factories import make_service

    other = make_service("ujian-dinas", "Ujian Dinas", duration=5)
    a = walk_to(submit(service, make_applicant(cast.opd_a), actor=cast.operator_a), "disposisi", chain)
    b = walk_to(submit(other, make_applicant(cast.opd_a), actor=cast.operator_a), "disposisi", chain)
    moved = do_bulk_transition([a, b], transition_of(a), actor=chain.kepala_badan)
    assert [(r.service.slug, r.step.code) for r in moved] == [
        ("izin-belajar", "bidang"),
        ("ujian-dinas", "bidang"),
    ]
    assert moved[1].step.service_id == other.pk


def test_bulk_is_all_or_nothing(cast, chain, service):
    ready = walk_to(submit(service, make_applicant(cast.opd_a), actor=cast.operator_a), "paraf", chain)
    moved_on = walk_to(submit(service, make_applicant(cast.opd_a), actor=cast.operator_a), "paraf", chain)
    stale_version = moved_on.version
    act(moved_on, chain.sekretaris)  # someone initialled it meanwhile
    moved_on.version = stale_version
    audit = AuditLog.objects.count()
    with pytest.raises(InvalidTransition) as refused:
        do_bulk_transition([ready, moved_on], transition_of(ready), actor=chain.sekretaris)
    assert refused.value.code == "stale" and moved_on.number in refused.value.message
    ready.refresh_from_db()
    assert ready.step.code == "paraf" and AuditLog.objects.count() == audit


def test_a_transition_that_is_not_bulk_is_refused_in_bulk(cast, chain, service):
    request = walk_to(submit(service, make_applicant(cast.opd_a), actor=cast.operator_a), "verifikasi", chain)
    with pytest.raises(InvalidTransition) as refused:
        do_bulk_transition([request], transition_of(request), actor=chain.unit_pengolah)
    assert refused.value.code == "not_bulk" and refused.value.forbidden


def test_admin_does_not_act_in_the_chain_unless_they_hold_the_role(cast, chain, service, applicant):
    from accounts.roles import Role
    from accounts.users.actions import do_update_user

    request = submit(service, applicant, actor=cast.pegawai_a)
    with pytest.raises(InvalidTransition) as refused:
        act(request, cast.admin)
    assert refused.value.code == "wrong_role"
    do_update_user(cast.admin, changes={}, roles=[Role.ADMIN, Role.PETUGAS_ADMINISTRASI], actor=cast.admin)
    admin = type(cast.admin).objects.get(pk=cast.admin.pk)  # roles are cached per instance
    assert act(request, admin).step.code == "pemilahan"


def test_an_officials_move_without_the_forms_version_is_refused_after_a_change(
    cast, chain, service, applicant
):
    request = submit(service, applicant, actor=cast.pegawai_a)
    transition = transition_of(request)
    do_transition(request, transition, actor=chain.petugas, version=request.version, agenda_number=AGENDA)
    with pytest.raises(InvalidTransition) as refused:
        do_transition(request, transition, actor=chain.petugas, version=request.version, agenda_number=AGENDA)
    assert refused.value.stale


def test_the_front_desk_returns_an_incomplete_file_and_it_comes_back_to_the_front_desk(
    cast, chain, service, applicant
):
    request = submit(service, applicant, actor=cast.pegawai_a)
    with pytest.raises(InvalidTransition):  # why it goes back must be said
        act(request, chain.petugas, Action.RETURN)
    request = act(request, chain.petugas, Action.RETURN, note="Surat pengantar atasan belum dilampirkan.")
    assert (request.status, request.step) == (Request.Status.RETURNED, None)
    notice = Notification.objects.get(recipient=cast.pegawai_a, title__contains="dikembalikan")
    assert "Surat pengantar atasan belum dilampirkan." in notice.body
    request = do_resubmit_request(request, actor=cast.pegawai_a)
    assert (request.status, request.step.code) == (Request.Status.IN_PROCESS, "registrasi")
