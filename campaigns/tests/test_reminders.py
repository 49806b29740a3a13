"""Reminders: only to the targeted employees still missing, at the due offset, once; escalations."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from accounts.roles import Role
from accounts.users.actions import do_create_user
from campaigns.models import ReminderLog
from campaigns.reminders.actions import do_send_campaign_reminders
from campaigns.reminders.rules import due_offset, parse_offsets
from campaigns.tests.participation_helpers import CLOSES, NOW, send_back, simple_campaign, submit
from conftest import PASSWORD
from core.models import AuditLog, Notification
from people.tests.factories import make_pegawai

pytestmark = pytest.mark.django_db
DAY = dt.timedelta(days=1)


def employee_with_account(opd, username, **extra):
    user = do_create_user(
        username=username, name=username.title(), password=PASSWORD, roles=[Role.PEGAWAI], opd=opd, actor=None
    )
    user.email = f"{username}@example.go.id"
    user.save(update_fields=["email"])
    return make_pegawai(opd, nama=username.title(), user=user, **extra)


def head_of(opd, username):
    """The OPD head: an eselon II.a structural post in the master data, with an account."""
    from people.models import RiwayatJabatan
    from people.records.actions import do_add_riwayat

    pegawai = employee_with_account(opd, username)
    do_add_riwayat(
        pegawai,
        RiwayatJabatan,
        actor=None,
        jenis="struktural",
        nama="Kepala Dinas",
        eselon="II.a",
        opd=opd,
        tmt=dt.date(2024, 1, 2),
    )
    pegawai.refresh_from_db()
    assert pegawai.eselon == "II.a"
    return pegawai


@pytest.fixture
def people(cast):
    with time_machine.travel(NOW, tick=False):
        campaign = simple_campaign(cast)
        rina = make_pegawai(cast.opd_a, nama="Rina", user=cast.pegawai_a)  # missing
        done = employee_with_account(cast.opd_a, "sudah.kirim")  # submitted
        make_pegawai(cast.opd_a, nama="Tanpa Akun")  # missing, but nobody to notify
        budi = employee_with_account(cast.opd_b, "budi.dishub")  # missing
        employee_with_account(cast.opd_a, "pensiunan", status="pensiun")  # not targeted
        submit(campaign, done, cast.admin, now=NOW)
    return campaign, rina, done, budi


def reminded_users(title_part=""):
    reminders = Notification.objects.filter(title__startswith="Pengingat", title__contains=title_part)
    return sorted(reminders.values_list("recipient__username", flat=True))


def test_due_offset_is_the_smallest_threshold_passed():
    closes = dt.datetime(2026, 3, 30, 16, 0, tzinfo=dt.UTC)
    offsets = (7, 3, 1)
    assert due_offset(closes - 8 * DAY, closes, offsets) is None
    assert due_offset(closes - 7 * DAY, closes, offsets) == 7
    assert due_offset(closes - 4 * DAY, closes, offsets) == 7
    assert due_offset(closes - 2 * DAY, closes, offsets) == 3
    assert due_offset(closes - dt.timedelta(hours=1), closes, offsets) == 1
    assert due_offset(closes, closes, offsets) is None


def test_offsets_are_parsed_distinct_and_descending_and_bad_values_name_the_setting():
    assert parse_offsets(["1", "7", "3", "7"]) == (7, 3, 1)
    with pytest.raises(ImproperlyConfigured, match="PELITA_CAMPAIGN_REMINDER_DAYS"):
        parse_offsets(["7", "tiga"])
    with pytest.raises(ImproperlyConfigured, match="PELITA_CAMPAIGN_REMINDER_DAYS"):
        parse_offsets(["0"])


def test_reminds_only_targeted_employees_who_have_not_submitted_and_a_second_run_sends_nothing(cast, people):
    campaign, rina, _done, budi = people
    with time_machine.travel(CLOSES - 6 * DAY, tick=False):
        run = do_send_campaign_reminders(campaign, actor=None)
        assert (run.offset, run.reminded, run.escalated) == (7, 2, {})
        assert reminded_users() == ["budi.dishub", "pegawai.a"]
        assert set(ReminderLog.objects.values_list("pegawai_id", "offset_days", "kind")) == {
            (rina.pk, 7, "reminder"),
            (budi.pk, 7, "reminder"),
        }
        notifications, logs, audits = (
            Notification.objects.count(),
            ReminderLog.objects.count(),
            AuditLog.objects.count(),
        )
        again = do_send_campaign_reminders(campaign, actor=None)
        assert again.sent == 0
        assert (Notification.objects.count(), ReminderLog.objects.count(), AuditLog.objects.count()) == (
            notifications,
            logs,
            audits,
        )


def test_every_send_is_audited(cast, people):
    campaign, *_ = people
    with time_machine.travel(CLOSES - 6 * DAY, tick=False):
        do_send_campaign_reminders(campaign, actor=None)
    events = set(AuditLog.objects.values_list("event", flat=True))
    assert {"kampanye.pengingat", "kampanye.pengingat_dikirim"} <= events


def test_nothing_is_sent_before_the_first_offset_or_after_the_close(cast, people):
    campaign, *_ = people
    for moment in (CLOSES - 10 * DAY, CLOSES + dt.timedelta(minutes=1)):
        with time_machine.travel(moment, tick=False):
            assert do_send_campaign_reminders(campaign, actor=None).sent == 0
    assert not ReminderLog.objects.exists()


def test_each_offset_reminds_once_and_a_missed_run_does_not_send_two_at_once(cast, people):
    campaign, *_ = people
    with time_machine.travel(CLOSES - 2 * DAY, tick=False):  # the H-7 run never happened
        assert do_send_campaign_reminders(campaign, actor=None).offset == 3
    assert set(ReminderLog.objects.values_list("offset_days", flat=True)) == {3}
    with time_machine.travel(CLOSES - dt.timedelta(hours=12), tick=False):
        assert do_send_campaign_reminders(campaign, actor=None).reminded == 2
    assert sorted(ReminderLog.objects.filter(kind="reminder").values_list("offset_days", flat=True)) == [
        1,
        1,
        3,
        3,
    ]


def test_an_employee_who_submitted_since_is_not_reminded_again(cast, people):
    campaign, rina, _done, _budi = people
    with time_machine.travel(CLOSES - 6 * DAY, tick=False):
        do_send_campaign_reminders(campaign, actor=None)
        submit(campaign, rina, cast.pegawai_a)
    with time_machine.travel(CLOSES - 2 * DAY, tick=False):
        run = do_send_campaign_reminders(campaign, actor=None)
    assert run.reminded == 1
    assert not ReminderLog.objects.filter(pegawai=rina, offset_days=3).exists()


def test_needs_fix_submissions_get_a_fix_reminder(cast, people):
    campaign, _rina, done, _budi = people
    with time_machine.travel(CLOSES - 6 * DAY, tick=False):
        send_back(campaign.submissions.get(pegawai=done), cast.unit_pengolah, now=CLOSES - 6 * DAY)
        run = do_send_campaign_reminders(campaign, actor=None)
    assert (run.reminded, run.fix_reminded) == (2, 1)
    assert reminded_users("perlu perbaikan") == ["sudah.kirim"]


def test_at_the_last_offset_an_opd_under_target_escalates_to_its_operator_and_head(cast, people):
    campaign, _rina, _done, budi = people
    head = head_of(cast.opd_a, "kepala.dinkes")
    b_head = head_of(cast.opd_b, "kepala.dishub")
    with time_machine.travel(CLOSES - 6 * DAY, tick=False):
        assert do_send_campaign_reminders(campaign, actor=None).escalated == {}  # not at H-7
        for p in (budi, b_head):
            submit(campaign, p, cast.admin)
    # A: 1 of 5 targeted submitted (20%); B: 2 of 2 (100%).
    with time_machine.travel(CLOSES - dt.timedelta(hours=6), tick=False):
        run = do_send_campaign_reminders(campaign, actor=None)
        assert run.escalated == {"escalation_operator": 1, "escalation_head": 1}
        escalated = set(
            ReminderLog.objects.exclude(kind="reminder").values_list("recipient__username", "kind", "opd_id")
        )
        assert escalated == {
            ("operator.a", "escalation_operator", cast.opd_a.pk),
            (head.user.username, "escalation_head", cast.opd_a.pk),
        }
        assert Notification.objects.filter(
            recipient=cast.operator_a, title__contains="di bawah target"
        ).exists()
        assert do_send_campaign_reminders(campaign, actor=None).sent == 0


def test_the_command_reminds_the_missing_and_a_rerun_sends_nothing(cast, people):
    with time_machine.travel(CLOSES - 6 * DAY, tick=False):
        out = StringIO()
        call_command("send_campaign_reminders", stdout=out)
        assert "kinerja-uji H-7: 2 pengingat" in out.getvalue()
        out = StringIO()
        call_command("send_campaign_reminders", stdout=out)
        assert "0 pemberitahuan" in out.getvalue()
    assert reminded_users() == ["budi.dishub", "pegawai.a"]
