"""The dashboard: what needs this user today, and for those who see the instansi (or their
OPD) the picture of it. Every number comes from the owning app's scoped queries, so a tile
counts exactly what the list behind its link shows; the queries are constant per persona
(a fixed handful per tile or panel, never one per row).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts.roles import Capability
from core.charts import PALETTE, chart_spec, series
from core.models import AuditLog, Holiday
from core.permissions import user_can
from org.models import UnitKerja
from org.units.queries import opds_for_user
from people.models import JenisJabatan
from people.records.queries import pegawai_for_user

# At most this many open campaigns get a tile: a dashboard is a glance, the list is one click on.
CAMPAIGN_TILES = 3
PENSION_MONTHS = 6
# The data-quality ranking and the pension list read every record of the scope (most of a
# second for a province); they change with the master data, not by the minute, so the
# dashboard reuses them this long. Their own pages always compute them afresh.
RECORDS_CACHE_SECONDS = 15 * 60
# The picture (panels, campaign participation) of one user: counted over the whole scope at
# every request it would cost the BKD's readers seconds; a few minutes old is still the picture.
PICTURE_CACHE_SECONDS = 5 * 60


@dataclass(frozen=True)
class Card:
    """A plain count of what the user may see (the summary row)."""

    key: str
    label: str | Promise
    value: int | str
    detail: str = ""

    @property
    def is_count(self) -> bool:
        """Counts are shown big; text values (a date) smaller so they do not break mid-word."""
        return isinstance(self.value, int)


@dataclass(frozen=True)
class Tile:
    """Something that needs the user: a count, the list behind it, and what of it is late."""

    key: str
    label: str | Promise
    value: int
    url: str
    detail: str | Promise = ""
    late: int = 0  # overdue items, shown in warning colour with their own link
    late_url: str = ""
    percent: float | None = None  # a share (campaign participation), drawn as a meter


@dataclass
class Panel:
    """One part of the instansi picture: a headline, a chart (core.charts) and its table."""

    key: str
    title: str | Promise
    url: str
    headline: str = ""
    chart: dict | None = None
    rows: list[tuple[str, str]] = field(default_factory=list)  # (label, value) for the table
    note: str | Promise = ""

    def __post_init__(self):
        # Panels are cached (in the active language, which is part of the key): plain strings.
        self.title, self.headline, self.note = str(self.title), str(self.headline), str(self.note)
        self.rows = [(str(label), str(value)) for label, value in self.rows]

    @property
    def chart_id(self) -> str:
        return f"chart-{self.key}"


def _url(name: str, **query) -> str:
    url = reverse(name)
    return f"{url}?{urlencode(query)}" if query else url


# --- What needs this user today -------------------------------------------------------------


def today_tiles(user, *, now: dt.datetime | None = None) -> list[Tile]:
    now = now or timezone.now()
    tiles: list[Tile] = []
    tiles += _inbox(user, now)
    tiles += _returned(user)
    tiles += _corrections(user)
    tiles += _tickets(user)
    tiles += _complaints(user, now)
    tiles += _kp(user, timezone.localdate(now))
    tiles += _pensions(user, timezone.localdate(now))
    return tiles


def _inbox(user, now) -> list[Tile]:
    from layanan.workflow.queries import inbox_for_user

    if not user_can(user, Capability.PROCESS_REQUESTS):
        return []
    counts = (
        inbox_for_user(user, now=now)
        .order_by()
        .aggregate(total=Count("pk"), late=Count("pk", filter=Q(overdue=True) | Q(due_at__lt=now)))
    )
    return [
        Tile(
            "inbox",
            _("Kotak masuk"),
            counts["total"],
            _url("layanan:inbox"),
            _("permohonan menunggu tindakan Anda"),
            late=counts["late"],
            late_url=_url("layanan:inbox", overdue="on"),
        )
    ]


def _returned(user) -> list[Tile]:
    """Requests back with the applicant: the applicant's (or their operator's) work, not BKD's."""
    from layanan.models import Request
    from layanan.requests.queries import requests_for_user

    if user_can(user, Capability.VIEW_ALL_REQUESTS):
        return []
    counts = (
        requests_for_user(user)
        .order_by()
        .aggregate(
            returned=Count("pk", filter=Q(status=Request.Status.RETURNED)),
            in_process=Count("pk", filter=Q(status=Request.Status.IN_PROCESS)),
        )
    )
    return [
        Tile(
            "returned",
            _("Permohonan dikembalikan"),
            counts["returned"],
            _url("layanan:request_list", status=Request.Status.RETURNED),
            _("perlu dilengkapi lalu diajukan lagi"),
        ),
        Tile(
            "in_process",
            _("Permohonan diproses"),
            counts["in_process"],
            _url("layanan:request_list", status=Request.Status.IN_PROCESS),
            _("sedang di BKD"),
        ),
    ]


def _corrections(user) -> list[Tile]:
    from people.corrections.queries import queue_for_user
    from people.models import Correction

    if not user_can(user, Capability.VERIFY_CORRECTIONS):
        return []
    waiting = queue_for_user(user, status=Correction.Status.DIAJUKAN).order_by().count()
    return [
        Tile(
            "corrections",
            _("Perbaikan data menunggu verifikasi"),
            waiting,
            _url("people:correction_queue", status=Correction.Status.DIAJUKAN),
        )
    ]


def _tickets(user) -> list[Tile]:
    from helpdesk.queue.queries import tickets_for
    from helpdesk.tickets.rules import OPEN

    if not user_can(user, Capability.HANDLE_HELPDESK):
        return []
    counts = (
        tickets_for(user)
        .filter(status__in=OPEN)
        .order_by()
        .aggregate(
            total=Count("pk"),
            late=Count("pk", filter=Q(overdue=True)),
            mine=Count("pk", filter=Q(assignee=user)),
        )
    )
    return [
        Tile(
            "tickets",
            _("Tiket helpdesk terbuka"),
            counts["total"],
            _url("helpdesk:queue"),
            _("%(n)s ditugaskan kepada Anda") % {"n": counts["mine"]},
            late=counts["late"],
            late_url=_url("helpdesk:queue", state="terlambat"),
        )
    ]


def _complaints(user, now) -> list[Tile]:
    from feedback.complaints.queries import complaints_for_user
    from feedback.complaints.rules import CLOSED

    counts = (
        complaints_for_user(user)
        .exclude(status__in=CLOSED)
        .order_by()
        .aggregate(total=Count("pk"), late=Count("pk", filter=Q(due_at__lt=now)))
    )
    handles = user_can(user, Capability.VIEW_COMPLAINTS)
    if not handles and not counts["total"]:
        return []  # someone's own complaints: a tile only while one is open
    return [
        Tile(
            "complaints",
            _("Pengaduan belum selesai"),
            counts["total"],
            _url("feedback:complaint_list"),
            late=counts["late"],
            late_url=_url("feedback:complaint_list", terlambat="on"),
        )
    ]


def _kp(user, today: dt.date) -> list[Tile]:
    from kpo.periods.queries import candidates_for_user, summary
    from regulations.promotion import next_kp_period

    if not user_can(user, Capability.VIEW_PEGAWAI):
        return []
    period = next_kp_period(today)
    counts = summary(candidates_for_user(user, period), period)
    return [
        Tile(
            "kp",
            _("Kenaikan pangkat %(period)s") % {"period": date_format(period, "j F Y")},
            counts.due,
            _url("kpo:kp_list", period=period.isoformat()),
            _("%(n)s memenuhi syarat; cocokkan datanya sebelum periode") % {"n": counts.eligible},
        )
    ]


def _pensions(user, today: dt.date) -> list[Tile]:
    from kpo.pension.queries import ppo_for_user
    from regulations.ranks import add_months

    if not user_can(user, Capability.VIEW_PEGAWAI):
        return []
    end = add_months(today, PENSION_MONTHS)
    scope = list(opds_for_user(user).order_by("pk").values_list("pk", flat=True))
    count = _cached("pensions", scope, today, lambda: len(ppo_for_user(user, today, end)))
    return [
        Tile(
            "pensions",
            _("Pensiun dalam %(n)s bulan") % {"n": PENSION_MONTHS},
            count,
            _url("kpo:ppo_list", dari=today.isoformat(), sampai=end.isoformat()),
            _("usulan pensiun perlu disiapkan"),
        )
    ]


def campaign_tiles(user, *, now: dt.datetime | None = None) -> list[Tile]:
    """The open campaigns (soonest deadline first) with the participation of the user's scope,
    kept PICTURE_CACHE_SECONDS (the participation page itself is live)."""
    if not user_can(user, Capability.VIEW_PARTICIPATION):
        return []
    now = now or timezone.now()
    return _cached_for_user(user, "campaigns", timezone.localdate(now), lambda: _campaign_tiles(user, now))


def _campaign_tiles(user, now: dt.datetime) -> list[Tile]:
    from campaigns.participation.queries import open_campaigns, participation_for_user

    tiles = []
    for campaign in open_campaigns(now)[:CAMPAIGN_TILES]:
        rows = participation_for_user(user, campaign)
        target = sum(r.target for r in rows)
        submitted = sum(r.submitted for r in rows)
        tiles.append(
            Tile(
                f"campaign-{campaign.slug}",
                campaign.title,
                target - submitted,
                reverse("campaigns:campaign_participation", args=[campaign.slug]),
                _("belum mengisi; ditutup %(date)s")
                % {"date": date_format(timezone.localtime(campaign.closes_at), "j F Y")},
                percent=round(100 * submitted / target, 1) if target else None,
            )
        )
    return tiles


# --- The picture of the instansi (or of the user's OPD) ------------------------------------------


def picture_panels(user, *, today: dt.date | None = None) -> list[Panel]:
    """The user's panels, kept PICTURE_CACHE_SECONDS: a picture, not a live count."""
    today = today or timezone.localdate()
    return _cached_for_user(user, "picture", today, lambda: _picture_panels(user, today))


def _picture_panels(user, today: dt.date) -> list[Panel]:
    panels: list[Panel] = []
    panels += _sla_panel(user, today)
    panels += _ipasn_panel(user)
    panels += _quality_panel(user, today)
    panels += _ikm_panel(user, today)
    panels += _complaints_panel(user)
    return panels


def _sla_panel(user, today: dt.date) -> list[Panel]:
    from layanan.sla.queries import sla_chart_data, sla_report

    if not user_can(user, Capability.VIEW_SLA_REPORT):
        return []
    month = today.replace(day=1)
    report = sla_report(month)
    total = report.total
    share = total.on_time_percent
    return [
        Panel(
            "sla",
            _("Kepatuhan SLA %(month)s") % {"month": date_format(month, "F Y")},
            _url("layanan:sla_report", month=month.strftime("%Y-%m")),
            headline=_("%(p)s%% tepat waktu") % {"p": _number(share)}
            if share is not None
            else _("Belum ada yang selesai"),
            chart=sla_chart_data(report) if report.rows else None,
            rows=[
                (_("Selesai"), _number(total.finished)),
                (_("Masih diproses"), _number(total.open)),
                (_("Terlambat"), _number(total.overdue)),
            ],
        )
    ]


def _ipasn_panel(user) -> list[Panel]:
    from ipasn.reports.queries import summary
    from ipasn.scores.queries import latest_year

    if not user_can(user, Capability.VIEW_PEGAWAI):
        return []
    year = latest_year()
    if year is None:
        return []
    data = summary(user, year)
    if not data["employees"]:
        return []
    labels = [label for _code, label, _n in data["distribution"]]
    counts = [n for _code, _label, n in data["distribution"]]
    return [
        Panel(
            "ipasn",
            _("Sebaran IP-ASN %(year)s") % {"year": year},
            _url("ipasn:ranking"),
            headline=_("rata-rata %(avg)s dari %(n)s pegawai")
            % {"avg": _number(data["average"]), "n": _number(data["employees"])},
            chart=chart_spec(
                labels=labels,
                data=[series(_("Pegawai"), counts, colours=PALETTE[: len(counts)])],
                kind="doughnut",
            ),
            rows=[(label, _number(n)) for label, n in zip(labels, counts, strict=True)],
        )
    ]


def _quality_panel(user, today: dt.date) -> list[Panel]:
    from people.quality.queries import ranking

    if not user_can(user, Capability.VIEW_DATA_QUALITY):
        return []
    opds = list(opds_for_user(user).filter(is_active=True).order_by("pk"))
    if not opds:
        return []
    rows = _cached(
        "quality",
        opds,
        today,
        lambda: [(q.opd.short_name or q.opd.name, q.score, q.pegawai) for q in ranking(opds, today=today)],
    )
    scored = [r for r in rows if r[1] is not None]
    if not scored:
        return []
    worst = sorted(scored, key=lambda r: r[1])[:5]
    return [
        Panel(
            "quality",
            _("Kualitas data: OPD yang perlu dibenahi"),
            _url("people:quality_ranking"),
            headline=_("skor terendah %(score)s") % {"score": _number(worst[0][1])},
            chart=chart_spec(
                labels=[r[0] for r in worst],
                data=[series(_("Skor"), [round(r[1], 1) for r in worst])],
                horizontal=True,
                value_range=(0, 100),
                legend=False,
            ),
            rows=[(r[0], _number(r[1])) for r in worst],
            note=_("Dihitung ulang paling lama tiap 15 menit."),
        )
    ]


def _ikm_panel(user, today: dt.date) -> list[Panel]:
    from feedback.ikm.queries import ikm_report, semester_of

    if not user_can(user, Capability.VIEW_IKM):
        return []
    start, end = semester_of(today)
    report = ikm_report(start, min(end, today))
    total = report.total
    if total.result is None:
        headline = _("Belum ada jawaban survei semester ini")
    else:
        result = total.result.as_dict()
        headline = _("IKM %(value)s, mutu %(mutu)s") % {
            "value": _number(result["converted"]),
            "mutu": result["mutu"],
        }
    services = [g for g in report.services if g.result is not None][:8]
    return [
        Panel(
            "ikm",
            _("Indeks Kepuasan Masyarakat semester ini"),
            _url("feedback:ikm_report"),
            headline=headline,
            chart=chart_spec(
                labels=[g.label for g in services],
                data=[series(_("IKM"), [g.result.as_dict()["converted"] for g in services])],
                horizontal=True,
                value_range=(0, 100),
                legend=False,
            )
            if services
            else None,
            rows=[(_("Responden"), _number(total.respondents))]
            + [(g.label, _number(g.result.as_dict()["converted"])) for g in services],
        )
    ]


def _complaints_panel(user) -> list[Panel]:
    from feedback.complaints.queries import complaints_for_user
    from feedback.models import Complaint

    if not user_can(user, Capability.VIEW_COMPLAINTS):
        return []
    counts = dict(
        complaints_for_user(user)
        .order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    labels = [label for _value, label in Complaint.Status.choices]
    values = [counts.get(value, 0) for value, _label in Complaint.Status.choices]
    return [
        Panel(
            "complaints",
            _("Pengaduan menurut status"),
            _url("feedback:complaint_list"),
            headline=_("%(n)s pengaduan") % {"n": _number(sum(values))},
            chart=chart_spec(labels=labels, data=[series(_("Pengaduan"), values)], legend=False)
            if sum(values)
            else None,
            rows=[(label, _number(n)) for label, n in zip(labels, values, strict=True)],
        )
    ]


def participation_panel(tiles: list[Tile]) -> list[Panel]:
    """The open campaigns' participation side by side (from the tiles' numbers)."""
    shown = [t for t in tiles if t.percent is not None]
    if not shown:
        return []
    return [
        Panel(
            "participation",
            _("Partisipasi kampanye yang dibuka"),
            _url("campaigns:campaign_participation_index"),
            chart=chart_spec(
                labels=[str(t.label) for t in shown],
                data=[series(_("Sudah mengisi (%)"), [t.percent for t in shown])],
                percent=True,
                legend=False,
            ),
            rows=[(str(t.label), f"{_number(t.percent)}%") for t in shown],
        )
    ]


def _cached(kind: str, opds, today: dt.date, compute):
    """``compute()`` once per kind, OPD scope and day, kept RECORDS_CACHE_SECONDS."""
    ids = ",".join(str(getattr(o, "pk", o)) for o in opds)
    key = f"dashboard:{kind}:{today.isoformat()}:{hashlib.sha256(ids.encode()).hexdigest()[:16]}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, RECORDS_CACHE_SECONDS)
    return value


def _cached_for_user(user, kind: str, today: dt.date, compute):
    """``compute()`` once per user, language and day, kept PICTURE_CACHE_SECONDS."""
    key = f"dashboard:{kind}:{user.pk}:{get_language()}:{today.isoformat()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, PICTURE_CACHE_SECONDS)
    return value


def _number(value) -> str:
    from django.utils.formats import number_format

    if value is None:
        return "–"
    if isinstance(value, int):
        return number_format(value, force_grouping=True)
    return number_format(round(float(value), 1), decimal_pos=1, force_grouping=True)


# --- The summary row ---------------------------------------------------------------------------


def dashboard_cards(user) -> list[Card]:
    today = timezone.localdate()
    cards: list[Card] = []
    if user_can(user, Capability.VIEW_ORG):
        opds = opds_for_user(user)
        cards.append(Card("opd", _("OPD"), opds.filter(is_active=True).count()))
        cards.append(Card("unit", _("Unit kerja"), UnitKerja.objects.filter(opd__in=opds).count()))
        users = get_user_model().objects.filter(is_active=True)
        if not user_can(user, Capability.VIEW_ALL_OPDS):
            users = users.filter(opd__in=opds)
        cards.append(Card("users", _("Pengguna aktif"), users.count()))
    if user_can(user, Capability.VIEW_PEGAWAI):
        # The same scope and total as the employee list without filters.
        pegawai = pegawai_for_user(user)
        cards.append(Card("pegawai", _("Pegawai"), pegawai.count()))
        cards.append(
            Card(
                "jafung",
                _("Jabatan fungsional"),
                pegawai.filter(jenis_jabatan=JenisJabatan.FUNGSIONAL).count(),
            )
        )
    if user_can(user, Capability.VIEW_AUDIT):
        start = timezone.make_aware(dt.datetime.combine(today, dt.time.min))
        cards.append(
            Card("audit_today", _("Perubahan data hari ini"), AuditLog.objects.filter(at__gte=start).count())
        )
    upcoming = Holiday.objects.filter(is_active=True, date__gte=today).order_by("date").first()
    if upcoming is not None:
        cards.append(
            Card(
                "next_holiday", _("Hari libur berikutnya"), date_format(upcoming.date, "j F Y"), upcoming.name
            )
        )
    return cards
