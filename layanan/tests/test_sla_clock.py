"""SLA acceptance cases on the real 2026 calendar.

The office keeps the standard hours of the seeds (Mon–Thu 08.00–15.30, break 11.30–13.00;
Fri 08.30–15.30, break 11.00–13.00) and the national holidays and cuti bersama of 2026 as
loaded by ``core.holidays.actions.do_load_national_holidays`` from the ``holidays`` package
(categories public + government). The long weekends used below, from that package:

* Imlek: Sat 14 – Tue 17 February 2026 (Mon 16 Feb "Cuti Bersama Tahun Baru Imlek",
  Tue 17 Feb "Tahun Baru Imlek"), so Friday 13 February is the last working day before it.
* Nyepi and Idul Fitri: Wed 18 – Tue 24 March 2026 (cuti bersama on 18, 20, 23 and 24 March).
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from core.holidays.actions import do_load_national_holidays
from core.models import Holiday
from layanan.models import Action, Request, RequestStep, Service, Step, Transition
from layanan.sla.rules import request_due, resume_due
from layanan.tests.factories import make_service
from layanan.tests.sla_builders import submitted_request
from org.calendar.queries import office_calendar_for
from people.tests.factories import make_pegawai
from regulations.sla import working_time_between

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")


def wib(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=WIB)


@pytest.fixture
def calendar(cast):
    do_load_national_holidays([2025, 2026], actor=None)
    return office_calendar_for(cast.instansi)


@pytest.fixture
def one_day(db):
    return make_service("laporan-ip-asn", "Laporan IP-ASN", duration=1, requirements=())


def test_the_long_weekend_in_february_2026_holds_a_cuti_bersama(calendar):
    kinds = dict(
        Holiday.objects.filter(date__range=(dt.date(2026, 2, 14), dt.date(2026, 2, 17))).values_list(
            "date", "kind"
        )
    )
    assert kinds == {
        dt.date(2026, 2, 16): Holiday.Kind.CUTI_BERSAMA,
        dt.date(2026, 2, 17): Holiday.Kind.NASIONAL,
    }
    assert dt.date(2026, 2, 13).weekday() == 4  # a Friday


def test_one_day_request_received_friday_after_closing_before_the_imlek_weekend_is_due_wednesday_at_closing(
    calendar, one_day
):
    # Friday 13 Feb 2026, 15:40: the office closed at 15:30; Sat, Sun, Mon (cuti bersama)
    # and Tue (Imlek) are closed, so day 1 is Wednesday 18 February.
    assert request_due(one_day, wib(2026, 2, 13, 15, 40), calendar) == wib(2026, 2, 18, 15, 30)


def test_one_day_request_received_after_closing_before_idul_fitri_is_due_after_the_whole_break(
    calendar, one_day
):
    # Tuesday 17 March 2026 after closing; 18 March to 24 March are Nyepi, Idul Fitri and
    # their cuti bersama: the next working day is Wednesday 25 March.
    assert request_due(one_day, wib(2026, 3, 17, 15, 40), calendar) == wib(2026, 3, 25, 15, 30)


def test_one_day_request_received_before_opening_is_due_that_day_at_closing(calendar, one_day):
    assert request_due(one_day, wib(2026, 2, 11, 7, 30), calendar) == wib(2026, 2, 11, 15, 30)  # a Wednesday


def test_one_day_request_received_at_ten_gets_a_whole_office_day(calendar, one_day):
    # Two of Wednesday's six office hours are gone: they are owed on Thursday, until 10:00.
    assert request_due(one_day, wib(2026, 2, 11, 10, 0), calendar) == wib(2026, 2, 12, 10, 0)


def test_one_day_request_received_at_15_03_is_not_due_27_minutes_later(calendar, one_day):
    assert request_due(one_day, wib(2026, 2, 11, 15, 3), calendar) == wib(2026, 2, 12, 15, 3)


def test_request_received_during_the_break_owes_the_morning_on_a_short_friday(calendar, one_day):
    # Thursday 12:00: 3.5 of 6 h gone; the same share of Friday's 5 h is 2 h 55 min: 13:25.
    assert request_due(one_day, wib(2026, 2, 12, 12, 0), calendar) == wib(2026, 2, 13, 13, 25)


def test_three_day_request_skips_the_weekend(calendar):
    service = make_service(duration=3, requirements=())
    # Thursday 5 Feb 09:00: Thu (from 09:00), Fri, Mon, and Tuesday's first hour.
    assert request_due(service, wib(2026, 2, 5, 9, 0), calendar) == wib(2026, 2, 10, 9, 0)


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # 15 Mar 2026 is a Sunday: the last working day before it is Friday 13 March.
        (wib(2026, 1, 15, 10, 0), wib(2026, 3, 13, 15, 30)),
        # 20 Mar is cuti bersama, 19 Nyepi, 18 cuti bersama: back to Tuesday 17 March.
        (wib(2026, 1, 20, 9, 0), wib(2026, 3, 17, 15, 30)),
        # 31 Dec + 2 months: no 31 February, so 28 Feb (a Saturday) → Friday 27 February.
        (wib(2025, 12, 31, 14, 0), wib(2026, 2, 27, 15, 30)),
        # An ordinary Monday: 7 Sep 2026 + 2 months = Saturday 7 Nov → Friday 6 November.
        (wib(2026, 9, 7, 8, 0), wib(2026, 11, 6, 15, 30)),
    ],
)
def test_two_month_pension_request_is_due_on_the_last_working_day_on_or_before_the_same_date(
    calendar, received, due
):
    pension = make_service(
        "pensiun-bup", "Pensiun BUP", duration=2, unit=Service.DurationUnit.MONTHS, requirements=()
    )
    assert request_due(pension, received, calendar) == due


def test_returned_request_deadline_moves_on_by_the_office_time_it_was_paused(calendar):
    # Paused Tue 10 Feb 14:00 → resumed Thu 12 Feb 09:00: 1.5 h + 6 h + 1 h = 8.5 office hours.
    paused, resumed = wib(2026, 2, 10, 14, 0), wib(2026, 2, 12, 9, 0)
    assert working_time_between(paused, resumed, calendar) == dt.timedelta(hours=8.5)
    # The deadline Wed 11 Feb 15:30 moves on 8.5 h: Thu 6 h, then Fri 08.30–11.00.
    assert resume_due(wib(2026, 2, 11, 15, 30), paused, resumed, calendar) == wib(2026, 2, 13, 11, 0)


def test_pause_over_the_imlek_weekend_costs_only_office_time(calendar):
    # Returned Fri 13 Feb 15:00, resubmitted Wed 18 Feb 08:30: Friday's last half hour and
    # Wednesday's first (it opens at 08.00), one office hour in all; the four closed days
    # in between cost nothing.
    moved = resume_due(wib(2026, 2, 13, 15, 30), wib(2026, 2, 13, 15, 0), wib(2026, 2, 18, 8, 30), calendar)
    assert moved == wib(2026, 2, 18, 9, 0)


# --- End to end: the workflow's own actions ----------------------------------------------------


def _transition(service, from_code, action):
    return Transition.objects.get(service=service, from_step__code=from_code, action=action)


def test_returned_request_clock_pauses_through_the_workflow_actions(cast, calendar, chain):
    from layanan.workflow.actions import do_resubmit_request, do_transition

    service = make_service(duration=3, requirements=())
    pegawai = make_pegawai(cast.opd_a, nama="Siti Rahmawati", user=cast.pegawai_a)
    with time_machine.travel(wib(2026, 2, 9, 9, 0), tick=False):  # Monday
        request = submitted_request(service, pegawai, at=wib(2026, 2, 9, 9, 0), created_by=cast.pegawai_a)
    assert request.due_at == wib(2026, 2, 12, 9, 0)  # three whole office days
    officials = [chain.petugas, chain.kasubbag, chain.sekretaris, chain.kepala_badan, chain.kepala_bidang]
    codes = ["registrasi", "pemilahan", "paraf", "disposisi", "bidang"]
    with time_machine.travel(wib(2026, 2, 9, 10, 0), tick=False):
        for official, code in zip(officials, codes, strict=True):
            request.refresh_from_db()
            do_transition(
                request,
                _transition(service, code, Action.FORWARD),
                actor=official,
                version=request.version,
                agenda_number="800/00001/BKD/2026",
            )
    # Returned on Tuesday 10 Feb at 14:00 …
    with time_machine.travel(wib(2026, 2, 10, 14, 0), tick=False):
        request.refresh_from_db()
        do_transition(
            request,
            _transition(service, "verifikasi", Action.RETURN),
            actor=chain.unit_pengolah,
            note="Surat permohonan belum ditandatangani.",
            version=request.version,
        )
    request.refresh_from_db()
    assert request.status == Request.Status.RETURNED
    assert request.due_at == wib(2026, 2, 12, 9, 0)  # unchanged while paused
    # … and resubmitted on Thursday 12 Feb at 09:00: 8.5 office hours later.
    with time_machine.travel(wib(2026, 2, 12, 9, 0), tick=False):
        do_resubmit_request(request, actor=cast.pegawai_a, version=request.version)
    request.refresh_from_db()
    assert request.status == Request.Status.IN_PROCESS
    assert request.step == Step.objects.get(service=service, code="verifikasi")
    # moved on by exactly 8.5 office hours: Thursday's 5 from 09:00, Friday 08.30–11.00, 13.00–14.00
    assert request.due_at == wib(2026, 2, 13, 14, 0)
    paused = RequestStep.objects.get(request=request, step__isnull=True)
    assert (paused.started_at, paused.ended_at) == (wib(2026, 2, 10, 14, 0), wib(2026, 2, 12, 9, 0))
