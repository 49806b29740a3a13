"""SLA reads: the office calendar the helpdesk counts in, and the monthly report.

The report measures, in office hours (``regulations.sla.OfficeClock``: one look-up per moment
instead of a walk per span), for the tickets received in a month: their volume per problem
type, the time to the first response (an answer or a question to the applicant) and to the
first answer (minus the office time spent waiting for the applicant), as median and p90, and
the share answered by the deadline.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from core.charts import chart_spec, series
from core.spreadsheets import xlsx_bytes
from helpdesk.models import ProblemType, Ticket
from org.calendar.queries import office_calendars
from org.models import Instansi
from regulations.sla import OfficeCalendar, OfficeClock


def helpdesk_calendar() -> OfficeCalendar:
    """The calendar of the installation's instansi (the first one), or the standard week."""
    calendars = office_calendars()
    first = Instansi.objects.order_by("pk").values_list("pk", flat=True).first()
    return calendars.get(first) or calendars[None]


def _percentile(values: list[float], share: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    # Nearest rank: the smallest value with at least ``share`` of the values at or below it.
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


@dataclass
class Row:
    name: str
    code: str
    received: int = 0
    answered: int = 0
    on_time: int = 0
    open: int = 0
    first_response: list[float] = field(default_factory=list)
    resolution: list[float] = field(default_factory=list)

    @property
    def on_time_percent(self) -> float | None:
        return 100 * self.on_time / self.answered if self.answered else None

    @property
    def response_median(self):
        return statistics.median(self.first_response) if self.first_response else None

    @property
    def response_p90(self):
        return _percentile(self.first_response, 0.9)

    @property
    def resolution_median(self):
        return statistics.median(self.resolution) if self.resolution else None

    @property
    def resolution_p90(self):
        return _percentile(self.resolution, 0.9)


@dataclass
class Report:
    month: dt.date
    rows: list[Row]
    total: Row


def _month_bounds(month: dt.date) -> tuple[dt.datetime, dt.datetime]:
    zone = timezone.get_current_timezone()
    start = dt.datetime.combine(month.replace(day=1), dt.time(0), tzinfo=zone)
    following = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return start, dt.datetime.combine(following, dt.time(0), tzinfo=zone)


def monthly_report(month: dt.date) -> Report:
    """Tickets received in ``month``, per problem type and in total (three queries + the calendar)."""
    start, end = _month_bounds(month)
    clock = OfficeClock(helpdesk_calendar(), month.replace(day=1))
    rows = {t.pk: Row(t.name, t.code) for t in ProblemType.objects.only("name", "code")}
    total = Row(_("Semua jenis"), "total")
    tickets = Ticket.objects.filter(received_at__gte=start, received_at__lt=end, merged_into__isnull=True)
    for t in tickets.values_list(
        "problem_type_id",
        "status",
        "received_at",
        "first_response_at",
        "first_answered_at",
        "answered_on_time",
        "paused_seconds",
    ).iterator(chunk_size=2000):
        type_id, status, received, responded, answered, on_time, paused = t
        row = rows[type_id]
        for r in (row, total):
            r.received += 1
            if status in (Ticket.Status.RECEIVED, Ticket.Status.IN_PROGRESS, Ticket.Status.WAITING):
                r.open += 1
        base = clock.at(received)
        if responded is not None:
            hours = (clock.at(responded) - base) / 3_600_000_000
            row.first_response.append(hours)
            total.first_response.append(hours)
        if answered is not None:
            hours = max(0.0, (clock.at(answered) - base) / 3_600_000_000 - paused / 3600)
            for r in (row, total):
                r.resolution.append(hours)
                r.answered += 1
                r.on_time += bool(on_time)
    return Report(month.replace(day=1), [r for r in rows.values() if r.received] or [], total)


def _hours(value) -> float | None:
    return None if value is None else round(value, 1)


def chart_data(report: Report) -> dict:
    """Tickets received per problem type as bars, the on-time share as a line on a % axis."""
    return chart_spec(
        labels=[r.name for r in report.rows],
        data=[
            series(_("Tiket masuk"), [r.received for r in report.rows]),
            series(
                _("Dijawab tepat waktu (%)"),
                [_hours(r.on_time_percent) for r in report.rows],
                kind="line",
                axis="percent",
            ),
        ],
    )


def report_xlsx(report: Report) -> bytes:
    header = [
        _("Jenis permasalahan"),
        _("Tiket masuk"),
        _("Dijawab"),
        _("Tepat waktu"),
        _("Tepat waktu (%)"),
        _("Tanggapan pertama, median (jam kerja)"),
        _("Tanggapan pertama, P90 (jam kerja)"),
        _("Penyelesaian, median (jam kerja)"),
        _("Penyelesaian, P90 (jam kerja)"),
        _("Masih terbuka"),
    ]
    rows = [
        [
            r.name,
            r.received,
            r.answered,
            r.on_time,
            _hours(r.on_time_percent),
            _hours(r.response_median),
            _hours(r.response_p90),
            _hours(r.resolution_median),
            _hours(r.resolution_p90),
            r.open,
        ]
        for r in [*report.rows, report.total]
    ]
    return xlsx_bytes(_("Helpdesk %(bulan)s") % {"bulan": report.month.strftime("%Y-%m")}, header, rows)
