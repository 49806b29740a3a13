"""Every read of the complaint register, scoped to the reader.

BKD staff (VIEW_COMPLAINTS with VIEW_ALL_OPDS) see every complaint; an Operator OPD those
routed to their OPD; anyone else only the complaints they filed themselves, logged in.
Outside the scope is a 404.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import Capability
from core.charts import chart_spec, series
from core.documents import documents_of
from core.permissions import user_can
from feedback.complaints import rules
from feedback.models import Complaint, ComplaintStep


def complaints_for_user(user) -> QuerySet[Complaint]:
    rows = Complaint.objects.select_related("service", "opd")
    if user_can(user, Capability.VIEW_COMPLAINTS) and user_can(user, Capability.VIEW_ALL_OPDS):
        return rows
    if user_can(user, Capability.VIEW_COMPLAINTS) and user.opd_id:
        return rows.filter(Q(opd_id=user.opd_id) | Q(complainant=user))
    if user.is_authenticated:
        return rows.filter(complainant=user)
    return rows.none()


def list_complaints(user, *, q: str = "", status: str = "", channel: str = "", overdue: bool = False):
    rows = complaints_for_user(user)
    if q:
        rows = rows.filter(Q(number__icontains=q) | Q(subject__icontains=q) | Q(lapor_number__icontains=q))
    if status:
        rows = rows.filter(status=status)
    if channel:
        rows = rows.filter(channel=channel)
    if overdue:
        rows = rows.exclude(status__in=rules.CLOSED).filter(due_at__lt=timezone.now())
    return rows.order_by("-received_at", "-id")


def get_complaint_for_user(user, number: str) -> Complaint:
    complaint = complaints_for_user(user).filter(number=number).first()
    if complaint is None:
        raise Http404(_("Pengaduan tidak ditemukan."))
    return complaint


def steps_of(complaint: Complaint) -> list[ComplaintStep]:
    return list(complaint.steps.order_by("at", "id"))


def attachments_of(complaint: Complaint) -> list:
    return documents_of(Complaint, [complaint.pk]).get(complaint.pk, [])


# --- Public status --------------------------------------------------------------------------


@dataclass(frozen=True)
class PublicStatus:
    """What the status page shows: the states and their public notes, nothing personal."""

    number: str
    status_label: str
    closed: bool
    due_at: dt.datetime
    lapor_number: str
    answer: str
    steps: tuple[tuple[str, dt.datetime, str], ...]  # (label, at, note)


def public_status(number: str) -> PublicStatus | None:
    """Two queries: the complaint, then its steps."""
    number = (number or "").strip().upper()
    if not number:
        return None
    complaint = (
        Complaint.objects.filter(number=number)
        .only("number", "status", "due_at", "lapor_number", "answer", "reason")
        .first()
    )
    if complaint is None:
        return None
    labels = dict(Complaint.Status.choices)
    steps = tuple(
        (str(labels[s.status]), s.at, s.note)
        for s in ComplaintStep.objects.filter(complaint=complaint).order_by("at", "id")
    )
    return PublicStatus(
        number=complaint.number,
        status_label=str(complaint.get_status_display()),
        closed=complaint.closed,
        due_at=complaint.due_at,
        lapor_number=complaint.lapor_number,
        answer=complaint.answer or complaint.reason,
        steps=steps,
    )


# --- Monthly register report ----------------------------------------------------------------


@dataclass
class Row:
    label: str
    received: int = 0
    closed: int = 0
    on_time: int = 0
    open: int = 0
    states: Counter = field(default_factory=Counter)

    @property
    def on_time_percent(self) -> float | None:
        return None if not self.closed else round(100 * self.on_time / self.closed, 1)


@dataclass
class RegisterReport:
    month: dt.date
    total: Row
    by_channel: list[Row]
    by_service: list[Row]
    by_unit: list[Row]
    states: list[tuple[str, str, int]]  # (code, label, count)


def _month_bounds(month: dt.date) -> tuple[dt.datetime, dt.datetime]:
    start = timezone.make_aware(dt.datetime(month.year, month.month, 1))
    nxt = dt.date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    return start, timezone.make_aware(dt.datetime(nxt.year, nxt.month, 1))


def register_report(user, month: dt.date) -> RegisterReport:
    """The complaints received in ``month`` within the reader's scope: one query."""
    start, end = _month_bounds(month)
    rows = (
        complaints_for_user(user)
        .filter(received_at__gte=start, received_at__lt=end)
        .values_list("channel", "service__name", "opd__name", "status", "due_at", "closed_at")
    )
    channel_labels = dict(rules.channel_choices())
    total = Row(_("Semua pengaduan"))
    groups: dict[str, dict[str, Row]] = {"channel": {}, "service": {}, "unit": {}}
    for channel, service, opd, status, due_at, closed_at in rows:
        keys = {
            "channel": str(channel_labels.get(channel, channel)),
            "service": service or _("(tidak tentang layanan tertentu)"),
            "unit": opd or _("BKD"),
        }
        for target in (total, *(groups[g].setdefault(k, Row(k)) for g, k in keys.items())):
            target.received += 1
            target.states[status] += 1
            if closed_at is not None:
                target.closed += 1
                target.on_time += closed_at <= due_at
            else:
                target.open += 1
    labels = dict(Complaint.Status.choices)
    return RegisterReport(
        month=month,
        total=total,
        by_channel=sorted(groups["channel"].values(), key=lambda r: r.label),
        by_service=sorted(groups["service"].values(), key=lambda r: r.label),
        by_unit=sorted(groups["unit"].values(), key=lambda r: r.label),
        states=[(code, str(label), total.states[code]) for code, label in labels.items()],
    )


def register_chart(report: RegisterReport) -> dict:
    """Complaints received per channel as bars, the on-time share as a line on a % axis."""
    return chart_spec(
        labels=[r.label for r in report.by_channel],
        data=[
            series(_("Pengaduan diterima"), [r.received for r in report.by_channel]),
            series(
                _("Dijawab tepat waktu (%)"),
                [r.on_time_percent for r in report.by_channel],
                kind="line",
                axis="percent",
            ),
        ],
    )
