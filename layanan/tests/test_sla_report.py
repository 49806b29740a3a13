"""The monthly SLA compliance report against cases computed by hand (November 2026, no
holidays; Mon–Thu 08.00–15.30 with the 11.30–13.00 break, Fri 08.30–15.30 with 11.00–13.00)."""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from layanan.models import Action, Request, Step
from layanan.sla.queries import nearest_rank, sla_report
from layanan.tests.factories import make_service
from layanan.tests.sla_builders import finish, move, resume, submitted_request
from people.tests.factories import make_pegawai

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")
NOW = dt.datetime(2026, 11, 20, 10, 0, tzinfo=WIB)  # Friday 20 November 2026
NOVEMBER = dt.date(2026, 11, 1)


def wib(*args):
    return dt.datetime(*args, tzinfo=WIB)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def world(cast, frozen):
    """Two services; the one-day service has the hand-computed requests below."""
    one_day = make_service("ujian-dinas", "Ujian Dinas", duration=1, requirements=())
    three_days = make_service("izin-belajar", "Izin Belajar", duration=3, requirements=())
    pegawai = make_pegawai(cast.opd_a, nama="Siti Rahmawati", user=cast.pegawai_a)
    entry = Step.objects.get(service=one_day, is_entry=True)

    def request(at):
        return submitted_request(one_day, pegawai, at=at, created_by=cast.pegawai_a)

    # A one-day service gets one whole day of office time (regulations.sla.due_whole_working_days).
    # R1 Mon 2 Nov 09:00 → 14:00: 2.5 h + 1 h = 3.5 h; due Tue 09:00: on time.
    finish(request(wib(2026, 11, 2, 9, 0)), at=wib(2026, 11, 2, 14, 0))
    # R2 Tue 3 Nov 10:00, returned 11:00, resubmitted Wed 10:00, finished Wed 14:00.
    # At the steps: 1 h + (1.5 h + 1 h) = 3.5 h. Paused 0.5 + 2.5 + 2 = 5 office hours, so
    # the deadline Wed 10:00 moves to Thu 09:00: on time.
    r2 = request(wib(2026, 11, 3, 10, 0))
    move(r2, at=wib(2026, 11, 3, 11, 0), to=None, action=Action.RETURN)
    resume(r2, at=wib(2026, 11, 4, 10, 0), to=entry)
    finish(r2, at=wib(2026, 11, 4, 14, 0))
    # R3 Thu 5 Nov 15:00 → Fri 15:15: 0.5 + 2.5 + 2.25 = 5.25 h. 5.5 of Thursday's 6 h were gone,
    # so it is owed 11/12 of Friday's 5 h (4 h 35 min): due Fri 15:05: late.
    finish(request(wib(2026, 11, 5, 15, 0)), at=wib(2026, 11, 6, 15, 15))
    # R4 rejected Mon 9 Nov 08:00 → 09:00: 1 h, on time (a rejection is an answer too).
    finish(request(wib(2026, 11, 9, 8, 0)), at=wib(2026, 11, 9, 9, 0), action=Action.REJECT)
    # R5 Fri 30 Oct 15:00 → Mon 2 Nov 15:00: 0.5 + 3.5 + 2 = 6 h, counted in November. 4.5 of
    # Friday's 5 h were gone: owed 0.9 × 6 h of Monday, due Mon 14:54: late.
    finish(request(wib(2026, 10, 30, 15, 0)), at=wib(2026, 11, 2, 15, 0))
    # R6 finished in October: not November's.
    finish(request(wib(2026, 10, 29, 9, 0)), at=wib(2026, 10, 29, 10, 0))
    # Open now: one past its deadline, one within it, one with the applicant (paused).
    request(wib(2026, 11, 19, 9, 0))
    request(wib(2026, 11, 20, 9, 0))
    paused = request(wib(2026, 11, 18, 9, 0))
    move(paused, at=wib(2026, 11, 18, 10, 0), to=None, action=Action.RETURN)
    return {"one_day": one_day, "three_days": three_days, "pegawai": pegawai}


def row_of(report, service):
    return next(r for r in report.rows if r.service_id == service.pk)


def test_november_counts_durations_and_on_time_share_match_the_hand_computation(world):
    report = sla_report(NOVEMBER)
    row = row_of(report, world["one_day"])
    assert (row.finished, row.on_time) == (5, 3)
    assert row.on_time_percent == pytest.approx(60.0)
    # Durations [1, 3.5, 3.5, 5.25, 6] office hours: median 3.5, nearest-rank p90 = 5th = 6.
    assert row.median_hours == pytest.approx(3.5)
    assert row.p90_hours == pytest.approx(6.0)
    assert (row.open, row.overdue) == (3, 1)


def test_service_without_finished_requests_shows_no_percentages(world):
    row = row_of(sla_report(NOVEMBER), world["three_days"])
    assert (row.finished, row.on_time_percent, row.median_hours, row.p90_hours) == (0, None, None, None)


def test_october_holds_only_the_request_finished_in_october(world):
    row = row_of(sla_report(dt.date(2026, 10, 15)), world["one_day"])
    assert (row.finished, row.on_time, row.median_hours) == (1, 1, pytest.approx(1.0))


def test_total_row_sums_the_services(world):
    total = sla_report(NOVEMBER).total
    assert (total.finished, total.on_time, total.open, total.overdue) == (5, 3, 3, 1)
    assert total.median_hours == pytest.approx(3.5)


def test_nearest_rank_percentile():
    assert nearest_rank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90) == 9
    assert nearest_rank([7], 90) == 7
    assert nearest_rank([1, 2], 90) == 2


def test_page_shows_the_table_and_loads_the_chart_from_files(world, client_for, cast):
    response = client_for(cast.kepala_badan).get(reverse("layanan:sla_report"), {"bulan": "2026-11"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-col="percent">60,0<' in html and 'data-col="median">3,5<' in html
    assert "November 2026" in html
    assert "vendor/chartjs/chart.umd.min.js" in html and "pelita/chart.js" in html
    assert "<script>" not in html  # CSP: no inline script


def test_page_defaults_to_the_current_month(world, client_for, cast):
    response = client_for(cast.admin).get(reverse("layanan:sla_report"))
    assert response.context["report"].month == NOVEMBER
    assert 'value="2026-11"' in response.content.decode()


def test_malformed_month_is_explained_and_the_current_month_shown(world, client_for, cast):
    response = client_for(cast.admin).get(reverse("layanan:sla_report"), {"bulan": "November"})
    assert response.status_code == 200
    assert "Bulan tidak dikenali" in response.content.decode()
    assert response.context["report"].month == NOVEMBER


def test_xlsx_holds_the_same_table(world, client_for, cast):
    response = client_for(cast.unit_pengolah).get(reverse("layanan:sla_export"), {"bulan": "2026-11"})
    assert response.status_code == 200
    assert 'filename="laporan-sla-2026-11.xlsx"' in response["Content-Disposition"]
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("Layanan", "Jangka waktu", "Selesai", "Tepat waktu", "Tepat waktu (%)")
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["Ujian Dinas"] == ("Ujian Dinas", "1 hari kerja", 5, 3, 60, 3.5, 6, 3, 1)
    assert by_name["Izin Belajar"][2:5] == (0, 0, None)
    assert by_name["Semua layanan"][2:4] == (5, 3)


def test_chart_json_gives_on_time_share_per_service_and_the_target(world, client_for, cast):
    data = client_for(cast.admin).get(reverse("layanan:sla_chart_data"), {"bulan": "2026-11"}).json()
    shares = dict(zip(data["labels"], data["series"][0]["values"], strict=True))
    assert shares == {"Izin Belajar": None, "Ujian Dinas": 60.0}
    assert data["target"]["value"] == 90 and data["month"] == "2026-11" and data["percent"]


def test_report_page_uses_the_same_number_of_queries_for_a_busier_month(world, client_for, cast):
    client = client_for(cast.kepala_badan)
    url = reverse("layanan:sla_report")
    client.get(url, {"bulan": "2026-11"})  # warm the session
    with CaptureQueriesContext(connection) as few:
        client.get(url, {"bulan": "2026-11"})
    for day in range(10, 14):
        for hour in (8, 9, 10):
            r = submitted_request(
                world["three_days"],
                world["pegawai"],
                at=wib(2026, 11, day, hour, 0),
                created_by=cast.pegawai_a,
            )
            move(r, at=wib(2026, 11, day, hour, 30), to=None, action=Action.RETURN)
            resume(r, at=wib(2026, 11, day, 14, 0), to=Step.objects.get(service=r.service, is_entry=True))
            finish(r, at=wib(2026, 11, day + 1, 10, 0))
    with CaptureQueriesContext(connection) as many:
        response = client.get(url, {"bulan": "2026-11"})
    assert response.status_code == 200
    assert row_of(response.context["report"], world["three_days"]).finished == 12
    assert len(many) == len(few) <= 12


def test_report_ignores_drafts(world, cast):
    Request.objects.create(
        number="UJ-DRAFT",
        service=world["one_day"],
        pegawai=world["pegawai"],
        opd=world["pegawai"].opd,
        created_by=cast.pegawai_a,
    )
    assert row_of(sla_report(NOVEMBER), world["one_day"]).open == 3
