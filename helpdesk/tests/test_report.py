"""The monthly report: volume per type, first response and resolution in office hours
(median, p90), on-time share; as a page, a chart's JSON and XLSX."""

from __future__ import annotations

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from helpdesk.models import ProblemType
from helpdesk.queue.actions import do_answer_ticket, do_ask_applicant
from helpdesk.sla.queries import monthly_report
from helpdesk.tests.builders import submit
from helpdesk.tickets.actions import do_reply_ticket

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")


def at(day, hour, minute=0):
    return dt.datetime(2026, 11, day, hour, minute, tzinfo=WIB)


@pytest.fixture
def november(helpdesk, operator):
    # Monday 2 November 09:00, answered 11:00: 2 office hours, on time.
    a = submit(at=at(2, 9))
    do_answer_ticket(a, body="Jawab.", actor=operator, now=at(2, 11))
    # Monday 09:00, asked 10:00, applicant replies Tuesday 09:00 (5 office hours waiting),
    # answered Tuesday 10:00: 7 office hours elapsed, minus 5 waiting = 2 h resolution.
    b = submit(at=at(2, 9))
    do_ask_applicant(b, body="Lengkapi.", actor=operator, now=at(2, 10))
    do_reply_ticket(b, body="Sudah.", actor=None, now=at(3, 9))
    do_answer_ticket(b, body="Jawab.", actor=operator, now=at(3, 10))
    # Answered late: received Monday 09:00, due Tuesday 15:30, answered Wednesday 09:00.
    c = submit(ProblemType.objects.get(code="lupa-password"), at=at(2, 9))
    do_answer_ticket(c, body="Jawab.", actor=operator, now=at(4, 9))
    submit(at=at(5, 9))  # still open
    submit(at=dt.datetime(2026, 10, 30, 9, tzinfo=WIB))  # another month


def test_the_figures_per_type_and_in_total(november):
    report = monthly_report(dt.date(2026, 11, 1))

    nik = next(r for r in report.rows if r.code == "nik-kk-tidak-ditemukan")
    assert (nik.received, nik.answered, nik.on_time, nik.open) == (3, 2, 2, 1)
    assert sorted(nik.first_response) == [1.0, 2.0]
    assert sorted(nik.resolution) == [2.0, 2.0]
    total = report.total
    assert (total.received, total.answered, total.on_time) == (4, 3, 2)
    assert round(total.on_time_percent, 1) == 66.7
    # Lupa password: Monday 09:00 → Wednesday 09:00 = 5 + 6 + 1 = 12 office hours.
    assert total.resolution_p90 == 12.0 and total.resolution_median == 2.0


def test_page_chart_and_xlsx(november, operator, client):
    client.force_login(operator)
    page = client.get(reverse("helpdesk:report"), {"bulan": "2026-11"})
    assert page.status_code == 200 and "NIK/KK tidak ditemukan" in page.content.decode()
    chart = client.get(reverse("helpdesk:report_chart"), {"bulan": "2026-11"}).json()
    received, on_time = chart["series"]
    assert received["values"][chart["labels"].index("NIK/KK tidak ditemukan")] == 3
    assert on_time["kind"] == "line" and on_time["axis"] == "percent"
    xlsx = client.get(reverse("helpdesk:report_export"), {"bulan": "2026-11"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Jenis permasalahan" and rows[-1][:2] == ("Semua jenis", 4)


def test_a_bad_month_is_explained(helpdesk, operator, client):
    client.force_login(operator)
    html = client.get(reverse("helpdesk:report"), {"bulan": "2026-13"}).content.decode()
    assert "Bulan tidak dikenali" in html
