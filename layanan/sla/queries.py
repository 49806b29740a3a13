"""The monthly SLA compliance report: per service, how many requests finished in the month,
how many on time, and how long they took in office hours (median and p90), with the
requests open and overdue now.

Counting rules (docs/layanan-sla.md has worked examples):

* "Finished in the month": status done or rejected (both are an answer to the applicant)
  with ``finished_at`` in the calendar month, read in the site's time zone.
* "On time": ``finished_at <= due_at``. ``due_at`` already moved on by the office time the
  request spent with the applicant, so a pause never makes a request late.
* Duration: the office time the request spent at the steps, i.e. the sum of its stays with
  a step. The trail is contiguous from submission to finish, so this equals the office time
  from ``submitted_at`` to ``finished_at`` minus the office time of the stays with the
  applicant (clamped to that interval); computed that way because the applicant stays are
  few: one query for them instead of every stay of the month.
* Median: the middle value (mean of the two middle values for an even count); p90: the
  nearest-rank 90th percentile (the smallest duration at least 90 % of requests did not
  exceed). Shown in office hours.
* Open now: in process or with the applicant; overdue now: in process and past ``due_at``.

Reads are for holders of VIEW_SLA_REPORT, all BKD-wide roles: the report covers every OPD.
A constant number of queries whatever the month holds (asserted in the tests).
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from django.db import connection
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from core.charts import chart_spec, series
from core.spreadsheets import xlsx_bytes
from layanan.models import Request, RequestStep, Service
from org.calendar.queries import office_calendars
from regulations.sla import OfficeClock

# BKD's own target share of requests finished on time; the chart draws it as a line.
TARGET_PERCENT = 90
FINISHED = (Request.Status.DONE, Request.Status.REJECTED)
OPEN = (Request.Status.IN_PROCESS, Request.Status.RETURNED)
_HOUR_US = 3600 * 1_000_000


@dataclass
class ServiceRow:
    service_id: int
    name: str
    duration: str  # "3 hari kerja", "2 bulan"
    finished: int = 0
    on_time: int = 0
    median_hours: float | None = None
    p90_hours: float | None = None
    open: int = 0
    overdue: int = 0

    @property
    def on_time_percent(self) -> float | None:
        return None if not self.finished else 100 * self.on_time / self.finished


@dataclass
class SlaReport:
    month: date  # the first day of the month
    rows: list[ServiceRow]
    total: ServiceRow
    target_percent: int = TARGET_PERCENT


def month_bounds(month: date) -> tuple[datetime, datetime]:
    """The aware start of ``month`` and of the next one, in the site's time zone."""
    zone = timezone.get_default_timezone()
    first = month.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return (
        datetime.combine(first, datetime.min.time(), tzinfo=zone),
        datetime.combine(following, datetime.min.time(), tzinfo=zone),
    )


def nearest_rank(sorted_values: list[float], percent: float) -> float:
    """The nearest-rank percentile of an ascending, non-empty list."""
    return sorted_values[max(0, math.ceil(percent / 100 * len(sorted_values)) - 1)]


def _fetch(rows: QuerySet, *, moments: tuple[int, ...]) -> list[tuple]:
    """The rows of a ``values_list`` query, read without Django's per-value converters: a
    month holds thousands of rows and converting their datetimes one by one took most of
    the page's time. PostgreSQL's driver already gives aware datetimes; SQLite stores naive
    UTC (as datetimes or text), made aware here."""
    sql, params = rows.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        raw = cursor.fetchall()
    if connection.vendor != "sqlite":
        return raw

    def moment(value):
        if value is None:
            return None
        # Django registers a converter for the column type: naive UTC datetimes, or text.
        return (datetime.fromisoformat(value) if isinstance(value, str) else value).replace(tzinfo=UTC)

    out = []
    for row in raw:
        row = list(row)
        for i in moments:
            row[i] = moment(row[i])
        out.append(tuple(row))
    return out


def _duration_label(service: Service) -> str:
    return f"{service.duration} {service.get_duration_unit_display()}"


def sla_report(month: date, *, now: datetime | None = None) -> SlaReport:
    """The report of ``month`` (any day of it): see the module docstring for the rules."""
    now = now or timezone.now()
    start, end = month_bounds(month)
    services = list(Service.objects.order_by("order", "name").only("id", "name", "duration", "duration_unit"))
    rows = {s.pk: ServiceRow(s.pk, s.name, _duration_label(s)) for s in services}
    ids = list(rows)

    # Only done and rejected requests have ``finished_at``: the range alone selects them, and
    # ``service__in`` makes both databases walk the (service, finished_at) index per service
    # (a status filter would tempt SQLite into the status index, i.e. most of the table).
    in_month = Request.objects.filter(service__in=ids, finished_at__gte=start, finished_at__lt=end).order_by()
    finished = (
        _fetch(
            in_month.values_list(
                "id", "service_id", "submitted_at", "finished_at", "due_at", "opd__instansi_id"
            ),
            moments=(2, 3, 4),
        )
        if ids  # no service yet: nothing to read (and an empty IN cannot be compiled)
        else []
    )
    pauses: dict[int, list[tuple[datetime, datetime | None]]] = defaultdict(list)
    for request_id, started, ended in (
        []
        if not finished
        else _fetch(
            RequestStep.objects.filter(request__in=in_month.values("id"), step__isnull=True)
            .order_by()
            .values_list("request_id", "started_at", "ended_at"),
            moments=(1, 2),
        )
    ):
        pauses[request_id].append((started, ended))

    calendars = office_calendars() if finished else {}
    clocks: dict[int, OfficeClock] = {}
    durations: dict[int, list[float]] = defaultdict(list)
    for request_id, service_id, submitted, done_at, due, instansi_id in finished:
        clock = clocks.get(instansi_id)
        if clock is None:
            calendar = calendars.get(instansi_id) or calendars[None]
            anchor = min(r[2] for r in finished if r[5] == instansi_id).astimezone(calendar.zone).date()
            clock = clocks[instansi_id] = OfficeClock(calendar, anchor)
        office = clock.at(done_at) - clock.at(submitted)
        for paused, resumed in pauses.get(request_id, ()):
            lo, hi = max(paused, submitted), min(resumed or done_at, done_at)
            if lo < hi:
                office -= clock.at(hi) - clock.at(lo)
        row = rows[service_id]
        row.finished += 1
        if due is not None and done_at <= due:
            row.on_time += 1
        durations[service_id].append(office / _HOUR_US)

    open_now = (
        Request.objects.filter(status__in=OPEN)
        .values("service_id")
        .annotate(
            open=Count("id"),
            overdue=Count("id", filter=Q(status=Request.Status.IN_PROCESS, due_at__lt=now)),
        )
        .values_list("service_id", "open", "overdue")
        .order_by()
    )
    for service_id, open_count, overdue_count in open_now:
        rows[service_id].open, rows[service_id].overdue = open_count, overdue_count

    for service_id, values in durations.items():
        values.sort()
        rows[service_id].median_hours = statistics.median(values)
        rows[service_id].p90_hours = nearest_rank(values, 90)

    every = sorted(v for values in durations.values() for v in values)
    total = ServiceRow(
        0,
        _("Semua layanan"),
        "",
        finished=sum(r.finished for r in rows.values()),
        on_time=sum(r.on_time for r in rows.values()),
        median_hours=statistics.median(every) if every else None,
        p90_hours=nearest_rank(every, 90) if every else None,
        open=sum(r.open for r in rows.values()),
        overdue=sum(r.overdue for r in rows.values()),
    )
    return SlaReport(month=start.date(), rows=list(rows.values()), total=total)


def _rounded(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def sla_chart_data(report: SlaReport) -> dict:
    """The chart of the report (core.charts): on-time % per service as bars (null without
    finished requests), BKD's target as a line."""
    spec = chart_spec(
        labels=[r.name for r in report.rows],
        data=[series(_("Tepat waktu (%)"), [_rounded(r.on_time_percent) for r in report.rows])],
        target=(_("Target (%)"), report.target_percent),
        percent=True,
    )
    return {**spec, "month": report.month.strftime("%Y-%m")}


def sla_xlsx(report: SlaReport) -> bytes:
    """The report's table as a workbook: one row per service and a total row."""
    header = [
        _("Layanan"),
        _("Jangka waktu"),
        _("Selesai"),
        _("Tepat waktu"),
        _("Tepat waktu (%)"),
        _("Median (jam kerja)"),
        _("P90 (jam kerja)"),
        _("Masih terbuka"),
        _("Terlambat saat ini"),
    ]
    rows = (
        [
            str(row.name),
            row.duration,
            row.finished,
            row.on_time,
            _rounded(row.on_time_percent),
            _rounded(row.median_hours),
            _rounded(row.p90_hours),
            row.open,
            row.overdue,
        ]
        for row in [*report.rows, report.total]
    )
    return xlsx_bytes(_("SLA %(month)s") % {"month": report.month.strftime("%Y-%m")}, header, rows)
