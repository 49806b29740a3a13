"""The periodic SLA sweep: overdue marks, escalation to the head of the step, idempotency."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from accounts.roles import Role
from accounts.users.actions import do_create_user, do_update_user
from conftest import PASSWORD
from core.models import AuditLog, Notification
from layanan.models import Request, RequestStep, Step
from layanan.sla.actions import ESCALATION_EVENT, do_check_sla
from layanan.tests.factories import make_service
from layanan.tests.sla_builders import move, submitted_request
from people.tests.factories import make_pegawai

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")
MONDAY = dt.datetime(2026, 11, 2, 9, 0, tzinfo=WIB)  # no holiday that week
# A one-day service received Monday 09:00 gets a whole office day: due Tuesday 09:00.
PAST_DEADLINE = dt.datetime(2026, 11, 3, 10, 0, tzinfo=WIB)


@pytest.fixture
def service(db):
    return make_service(duration=1, requirements=())


@pytest.fixture
def pegawai(cast):
    return make_pegawai(cast.opd_a, nama="Siti Rahmawati", user=cast.pegawai_a)


@pytest.fixture
def kasubbag(cast):
    """The head of the registration desk: registrasi escalates to Kasubbag Umum."""
    return do_create_user(
        username="kasubbag",
        name="Kasubbag Umum",
        password=PASSWORD,
        roles=[Role.KASUBBAG_UMUM],
        opd=cast.unit_pengolah.opd,
        email="kasubbag@bkd.test",
        actor=None,
    )


def submitted(service, pegawai, cast, at=MONDAY, step=None):
    return submitted_request(service, pegawai, at=at, created_by=cast.pegawai_a, step=step)


def sweep(now, actor=None):
    with time_machine.travel(now, tick=False):
        return do_check_sla(actor=actor)


def test_stay_past_its_target_escalates_to_the_holders_of_the_escalation_role(
    cast, service, pegawai, kasubbag, django_capture_on_commit_callbacks
):
    request = submitted(service, pegawai, cast)  # registrasi: 30 minutes, due 09:30
    with django_capture_on_commit_callbacks(execute=True):
        result = sweep(MONDAY + dt.timedelta(minutes=45), actor=cast.admin)
    assert (result.escalated, result.recipients) == (1, 1)
    note = Notification.objects.get(recipient=kasubbag)
    assert request.number in note.body and "Registrasi" in note.body
    assert [m.to for m in mail.outbox] == [["kasubbag@bkd.test"]]
    assert RequestStep.objects.get(request=request).escalated_at is not None
    assert AuditLog.objects.filter(event=ESCALATION_EVENT).count() == 1


def test_second_run_sends_nothing_and_writes_no_audit_row(cast, service, pegawai, kasubbag):
    submitted(service, pegawai, cast)
    later = PAST_DEADLINE  # past the step's target and the request's deadline
    first = sweep(later)
    assert first.escalated == 1 and first.marked == 1
    notes, audits = Notification.objects.count(), AuditLog.objects.count()
    second = sweep(later + dt.timedelta(minutes=15))
    assert not second.changed
    assert (Notification.objects.count(), AuditLog.objects.count()) == (notes, audits)


def test_stay_within_its_target_does_not_escalate(cast, service, pegawai, kasubbag):
    submitted(service, pegawai, cast)
    assert sweep(MONDAY + dt.timedelta(minutes=20)).escalated == 0
    assert not Notification.objects.exists()


def test_only_overdue_stays_escalate_and_each_once(cast, service, pegawai, kasubbag):
    late = submitted(service, pegawai, cast)
    fresh = submitted(service, pegawai, cast, at=MONDAY + dt.timedelta(minutes=40))
    sweep(MONDAY + dt.timedelta(minutes=45))
    assert RequestStep.objects.get(request=late).escalated_at is not None
    assert RequestStep.objects.get(request=fresh).escalated_at is None
    # The fresh one runs over later and is escalated then, alone.
    result = sweep(MONDAY + dt.timedelta(minutes=90))
    assert result.escalated == 1
    assert fresh.number in Notification.objects.order_by("-id").first().body
    assert late.number not in Notification.objects.order_by("-id").first().body


def test_returned_request_never_escalates_nor_becomes_overdue(cast, service, pegawai, kasubbag):
    request = submitted(service, pegawai, cast)
    move(request, at=MONDAY + dt.timedelta(minutes=10), to=None, action="return")
    result = sweep(MONDAY + dt.timedelta(days=3))
    assert (result.escalated, result.marked) == (0, 0)
    request.refresh_from_db()
    assert request.status == Request.Status.RETURNED and not request.overdue
    assert not Notification.objects.exists()


def test_request_past_its_deadline_is_marked_overdue_and_finished_ones_keep_their_flag(
    cast, service, pegawai
):
    late = submitted(service, pegawai, cast)
    on_time = submitted(service, pegawai, cast, at=MONDAY + dt.timedelta(days=1))
    result = sweep(PAST_DEADLINE)  # Monday's request is late, Tuesday's is not
    assert result.marked == 1
    late.refresh_from_db()
    on_time.refresh_from_db()
    assert late.overdue and not on_time.overdue
    Request.objects.filter(pk=late.pk).update(status=Request.Status.DONE, step=None, finished_at=MONDAY)
    sweep(MONDAY + dt.timedelta(days=1))
    late.refresh_from_db()
    assert late.overdue  # "finished late" is history, the sweep leaves it


def test_a_wrong_overdue_flag_on_a_request_in_time_is_lifted(cast, service, pegawai):
    request = submitted(service, pegawai, cast)
    Request.objects.filter(pk=request.pk).update(overdue=True)
    assert sweep(MONDAY + dt.timedelta(hours=1)).cleared == 1
    request.refresh_from_db()
    assert not request.overdue


def test_inactive_holders_are_not_notified_and_each_role_gets_its_own_message(
    cast, service, pegawai, kasubbag
):
    sekretaris = do_create_user(
        username="sekretaris", name="Sekretaris", password=PASSWORD, roles=[Role.SEKRETARIS], actor=None
    )
    retired = do_create_user(
        username="kasubbag.lama",
        name="Kasubbag Lama",
        password=PASSWORD,
        roles=[Role.KASUBBAG_UMUM],
        actor=None,
    )
    do_update_user(retired, changes={"is_active": False}, roles=[Role.KASUBBAG_UMUM], actor=None)
    at_registration = submitted(service, pegawai, cast)
    at_sorting = submitted(service, pegawai, cast, step=Step.objects.get(service=service, code="pemilahan"))
    result = sweep(MONDAY + dt.timedelta(hours=2))
    assert result.roles == {Role.KASUBBAG_UMUM: 1, Role.SEKRETARIS: 1}
    assert at_registration.number in Notification.objects.get(recipient=kasubbag).body
    assert at_sorting.number in Notification.objects.get(recipient=sekretaris).body
    assert not Notification.objects.filter(recipient=retired).exists()


def test_stays_without_anyone_to_escalate_to_wait_until_someone_holds_the_role(cast, service, pegawai):
    request = submitted(service, pegawai, cast)
    result = sweep(MONDAY + dt.timedelta(hours=1))
    assert (result.escalated, result.unrouted) == (0, 1)
    assert RequestStep.objects.get(request=request).escalated_at is None
    do_create_user(
        username="kasubbag", name="Kasubbag", password=PASSWORD, roles=[Role.KASUBBAG_UMUM], actor=None
    )
    assert sweep(MONDAY + dt.timedelta(hours=2)).escalated == 1


def test_one_audit_row_per_run_with_the_counts(cast, service, pegawai, kasubbag):
    for _ in range(3):
        submitted(service, pegawai, cast)
    sweep(PAST_DEADLINE, actor=cast.admin)
    row = AuditLog.objects.get(event="layanan.sla_diperiksa")
    assert row.after["ditandai_terlambat"] == 3 and row.after["tahap_dieskalasi"] == 3
    assert row.actor == cast.admin


def test_the_sweep_costs_the_same_queries_for_few_or_many_overdue_stays(
    cast, service, pegawai, kasubbag, django_assert_max_num_queries
):
    for _ in range(2):
        submitted(service, pegawai, cast)
    with django_assert_max_num_queries(14):
        assert sweep(MONDAY + dt.timedelta(hours=8)).escalated == 2
    for _ in range(25):
        submitted(service, pegawai, cast, at=MONDAY + dt.timedelta(days=1))
    with django_assert_max_num_queries(14):
        assert sweep(MONDAY + dt.timedelta(days=1, hours=8)).escalated == 25


def test_command_prints_an_indonesian_summary(cast, service, pegawai, kasubbag):
    submitted(service, pegawai, cast)
    out = StringIO()
    with time_machine.travel(PAST_DEADLINE, tick=False):
        call_command("check_sla", stdout=out)
        call_command("check_sla", stdout=out)
    first, second = out.getvalue().strip().splitlines()
    assert first.startswith("Pemeriksaan SLA: 1 permohonan ditandai terlambat")
    assert "1 tahap dieskalasi ke 1 pengguna" in first
    assert "0 tahap dieskalasi" in second
    assert AuditLog.objects.get(event="layanan.sla_diperiksa").actor_label == "sistem"
