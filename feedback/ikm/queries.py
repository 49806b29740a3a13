"""The IKM report: per service, per unit pelayanan and for the whole BKD, over any range.

Everything about the answers comes from ONE grouped query (per service × unit: the count,
the sums of the nine unsur and the count of each profile answer, all in one pass): the NRR
of every group, the profile breakdowns and the totals are added up from its few rows in
Python, exactly, and the IKM itself is the pure rule ``regulations.skm.ikm``. The query
reads one index that holds every column it needs, in the order it groups
(``response_report_idx``), so the database neither visits the rows nor sorts. Small queries
bring the service names, the population (requests completed / tickets closed in the range:
the Krejcie–Morgan sample is drawn from it) and the latest suggestions, so the page costs
the same few queries at 100 or 100,000 responses.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import Count, Q, Sum
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from core.charts import chart_spec, series
from feedback.models import SurveyResponse
from feedback.survey.rules import PROFILE_FIELDS, UNSUR_FIELDS, helpdesk_unit, profile, unsur
from layanan.models import Service
from regulations.skm import IkmResult, SkmConfig, SkmInput, Weighting, ikm, krejcie_morgan

SUGGESTIONS_SHOWN = 20


@dataclass
class Group:
    """One line of the report: a service, a unit or the whole BKD."""

    key: str
    label: str
    respondents: int = 0
    totals: list[int] = field(default_factory=lambda: [0] * len(UNSUR_FIELDS))
    population: int = 0
    result: IkmResult | None = None
    sample: int | None = None

    def add(self, n: int, sums) -> None:
        self.respondents += n
        for i, value in enumerate(sums):
            self.totals[i] += value or 0

    def finish(self, config: SkmConfig) -> None:
        if self.respondents:
            self.result = ikm(SkmInput(tuple(self.totals), self.respondents), config)
        self.sample = krejcie_morgan(self.population) if self.population else None

    @property
    def too_few(self) -> bool:
        return self.sample is not None and self.respondents < self.sample

    @property
    def nrr(self) -> list[float]:
        return [] if self.result is None else self.result.as_dict()["nrr"]

    @property
    def ikm_value(self) -> float | None:
        return None if self.result is None else self.result.as_dict()["ikm"]


@dataclass
class IkmReport:
    start: dt.date
    end: dt.date
    weighting: Weighting
    services: list[Group]
    units: list[Group]
    total: Group
    profiles: list[tuple[str, list[tuple[str, int, float]]]]  # (field label, [(choice label, n, %)])
    suggestions: list[SurveyResponse]

    @property
    def sections(self) -> list[tuple[str, list[Group]]]:
        return [
            (_("Per layanan"), self.services),
            (_("Per unit pelayanan"), self.units),
            (_("BKD"), [self.total]),
        ]

    @property
    def unsur(self):
        from feedback.survey.rules import unsur

        return unsur()

    @property
    def weight_label(self) -> str:
        return (
            _("0,11 (seperti contoh perhitungan dalam PermenPANRB 14/2017)")
            if self.weighting == Weighting.ROUNDED
            else _("1/9 tepat (rata-rata sembilan unsur)")
        )


def _bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    low = timezone.make_aware(dt.datetime.combine(start, dt.time.min))
    high = timezone.make_aware(dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min))
    return low, high


def _population(low, high, service_slug: str | None) -> tuple[dict[int, int], int]:
    """Requests completed per service in the range, and helpdesk tickets closed (0 when the
    helpdesk is not installed or a service is chosen): one query each."""
    from layanan.models import Request

    requests = Request.objects.filter(status=Request.Status.DONE, finished_at__gte=low, finished_at__lt=high)
    if service_slug:
        requests = requests.filter(service__slug=service_slug)
    per_service = dict(
        requests.values_list("service_id").annotate(n=Count("id")).values_list("service_id", "n")
    )
    tickets = 0
    if not service_slug and apps.is_installed("helpdesk"):
        Ticket = apps.get_model("helpdesk", "Ticket")
        tickets = Ticket.objects.filter(closed_at__gte=low, closed_at__lt=high).count()
    return per_service, tickets


def _profile_key(code: str, choice: str) -> str:
    return f"p_{code}_{choice}".replace("-", "_")


def answer_rows(start: dt.date, end: dt.date, service_slug: str | None = None):
    """The one grouped query every figure of the report is added up from: per service and
    unit, the count, the nine sums and, as filtered counts in the same pass, how many
    respondents gave each profile answer (one scan of the index, grouped on its first two
    columns)."""
    low, high = _bounds(start, end)
    rows = SurveyResponse.objects.filter(submitted_at__gte=low, submitted_at__lt=high)
    if service_slug:
        rows = rows.filter(service__slug=service_slug)
    # The last choice of each field is the rest of n (every answer is one of the choices):
    # one filtered count less per field and row.
    profile_counts = {
        _profile_key(code, choice): Count("id", filter=Q(**{code: choice}))
        for code in PROFILE_FIELDS
        for choice, _label in profile()[code].choices[:-1]
    }
    return (
        rows.values("service_id", "unit")
        .annotate(
            n=Count("id"),
            **{f"s{i}": Sum(name) for i, name in enumerate(UNSUR_FIELDS, start=1)},
            **profile_counts,
        )
        .order_by()
    )


def ikm_report(
    start: dt.date, end: dt.date, *, service_slug: str | None = None, weighting: Weighting = Weighting.ROUNDED
) -> IkmReport:
    config = SkmConfig(weighting=weighting)
    low, high = _bounds(start, end)
    services: dict[int | None, Group] = {}
    units: dict[str, Group] = {}
    total = Group("total", _("Seluruh BKD"))
    counts: dict[str, dict[str, int]] = {code: defaultdict(int) for code in PROFILE_FIELDS}
    unit_services: dict[str, set] = defaultdict(set)
    rows = list(answer_rows(start, end, service_slug))
    names = dict(
        Service.objects.filter(pk__in={r["service_id"] for r in rows if r["service_id"]}).values_list(
            "pk", "name"
        )
    )
    for row in rows:
        n = row["n"]
        sums = [row[f"s{i}"] for i in range(1, len(UNSUR_FIELDS) + 1)]
        service_id = row["service_id"]
        label = names.get(service_id) or _("Layanan bantuan (helpdesk)")
        services.setdefault(service_id, Group(str(service_id or "helpdesk"), label)).add(n, sums)
        units.setdefault(row["unit"], Group(row["unit"], row["unit"])).add(n, sums)
        unit_services[row["unit"]].add(service_id)
        total.add(n, sums)
        for code in PROFILE_FIELDS:
            *given, (last, _label) = profile()[code].choices
            for choice, _label in given:
                counts[code][choice] += row[_profile_key(code, choice)]
            counts[code][last] += n - sum(row[_profile_key(code, choice)] for choice, _label in given)

    per_service, tickets = _population(low, high, service_slug)
    for service_id, group in services.items():
        group.population = tickets if service_id is None else per_service.get(service_id, 0)
    for unit, group in units.items():
        group.population = sum(
            (tickets if sid is None else per_service.get(sid, 0)) for sid in unit_services[unit]
        )
    total.population = sum(per_service.values()) + tickets
    for group in (*services.values(), *units.values(), total):
        group.finish(config)

    profiles = []
    for code in PROFILE_FIELDS:
        spec = profile()[code]
        n = sum(counts[code].values())
        profiles.append(
            (
                spec.label,
                [
                    (
                        label,
                        counts[code].get(choice, 0),
                        round(100 * counts[code].get(choice, 0) / n, 1) if n else 0.0,
                    )
                    for choice, label in spec.choices
                ],
            )
        )
    suggestions = SurveyResponse.objects.filter(submitted_at__gte=low, submitted_at__lt=high).exclude(
        suggestion=""
    )
    if service_slug:
        suggestions = suggestions.filter(service__slug=service_slug)
    suggestions = list(
        suggestions.select_related("service", "complaint").order_by("-submitted_at", "-id")[
            :SUGGESTIONS_SHOWN
        ]
    )
    return IkmReport(
        start=start,
        end=end,
        weighting=weighting,
        services=sorted(services.values(), key=lambda g: g.label),
        units=sorted(units.values(), key=lambda g: (g.label == helpdesk_unit(), g.label)),
        total=total,
        profiles=profiles,
        suggestions=suggestions,
    )


def semester_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """January–June or July–December: the seeds run the SKM twice a year."""
    if day.month <= 6:
        return dt.date(day.year, 1, 1), dt.date(day.year, 6, 30)
    return dt.date(day.year, 7, 1), dt.date(day.year, 12, 31)


def rows_for_export(report: IkmReport) -> list[list]:
    """``service, unit, respondents, u1..u9 (NRR), ikm, nilai_konversi, mutu, …`` per group:
    the columns of ``ikm_report`` and of the XLSX a BKD publishes."""
    out = []
    for kind, groups in (
        (_("layanan"), report.services),
        (_("unit"), report.units),
        (_("BKD"), [report.total]),
    ):
        for g in groups:
            if g.result is None:
                continue
            out.append(
                [
                    g.label,
                    str(kind),
                    g.respondents,
                    *g.nrr,
                    g.ikm_value,
                    float(g.result.converted),
                    g.result.mutu.grade,
                    g.result.mutu.kinerja,
                    g.population,
                    g.sample if g.sample is not None else "",
                ]
            )
    return out


EXPORT_HEADER = [
    "service",
    "level",
    "respondents",
    *UNSUR_FIELDS,
    "ikm",
    "nilai_konversi",
    "mutu",
    "kinerja",
    "populasi",
    "sampel_krejcie_morgan",
]


def chart_data(report: IkmReport) -> dict:
    """The NRR of every unsur as sideways bars on the 1–4 scale of the questionnaire; the IKM
    per service is in the table below the chart."""
    return chart_spec(
        labels=[u.name for u in unsur()],
        data=[series(_("NRR per unsur (skala 1–4)"), list(report.total.nrr))],
        horizontal=True,
        value_range=(1, 4),
    )


def get_response(pk: int) -> SurveyResponse:
    """One answered survey, for the complaint officer turning its suggestion into a complaint
    (the view checks manage_complaints); 404 when there is none."""
    return get_object_or_404(SurveyResponse, pk=pk)
