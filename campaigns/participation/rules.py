"""Participation of a campaign per OPD: the pure arithmetic behind the live page and the report.

The database gives one row per OPD (campaigns.participation.queries.participation_rows: one
GROUP BY over the targeted population joined with the submissions); everything here works
on those plain rows, so the numbers, the sort and the chart series are tested as tables.

Definitions (docs/campaign-participation.md):
- target: targeted employees (campaigns.submissions.queries) whose *current* OPD is this one;
- submitted: those of them with a submission, whatever its review status;
- accepted: those whose submission was accepted; needs_fix: sent back for a fix;
- percent: submitted / target, one decimal; an OPD meets the campaign's target when
  submitted × 100 ≥ target_percent × target (integer arithmetic, no rounding at the edge).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

# The sort keys the page accepts (?urut=…, "-" for descending); anything else is ignored.
SORT_KEYS = ("opd", "target", "submitted", "accepted", "percent", "missing")
DEFAULT_SORT = "opd"
REPORT_COLUMNS = ("opd", "target", "submitted", "accepted", "percent")


def percent_of(part: int, whole: int) -> Decimal:
    """``part`` of ``whole`` in percent, one decimal, half up; 0 when there is nobody."""
    if whole <= 0:
        return Decimal("0.0")
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class OpdParticipation:
    opd_id: int | None  # None for the totals row
    opd: str
    target: int
    submitted: int
    accepted: int
    needs_fix: int = 0
    goal: int = 0  # the campaign's target_percent, carried so templates can ask on_target

    @property
    def missing(self) -> int:
        return self.target - self.submitted

    @property
    def percent(self) -> Decimal:
        return percent_of(self.submitted, self.target)

    @property
    def accepted_percent(self) -> Decimal:
        return percent_of(self.accepted, self.target)

    def meets(self, target_percent: int | None = None) -> bool:
        goal = self.goal if target_percent is None else target_percent
        return self.submitted * 100 >= goal * self.target

    @property
    def on_target(self) -> bool:
        return self.meets()

    def as_dict(self, target_percent: int | None = None) -> dict:
        return {
            "opd_id": self.opd_id,
            "opd": self.opd,
            "target": self.target,
            "submitted": self.submitted,
            "accepted": self.accepted,
            "needs_fix": self.needs_fix,
            "missing": self.missing,
            "percent": float(self.percent),
            "meets_target": self.meets(target_percent),
        }


def totals(rows: Iterable[OpdParticipation], label: str, goal: int = 0) -> OpdParticipation:
    rows = list(rows)
    return OpdParticipation(
        goal=goal or (rows[0].goal if rows else 0),
        opd_id=None,
        opd=label,
        target=sum(r.target for r in rows),
        submitted=sum(r.submitted for r in rows),
        accepted=sum(r.accepted for r in rows),
        needs_fix=sum(r.needs_fix for r in rows),
    )


def clean_sort(raw: str | None) -> str:
    """The requested sort if whitelisted (with an optional leading "-"), else the default."""
    raw = (raw or "").strip()
    return raw if raw.lstrip("-") in SORT_KEYS and raw.count("-") <= 1 else DEFAULT_SORT


def sort_rows(rows: Iterable[OpdParticipation], sort: str) -> list[OpdParticipation]:
    """Rows in the order of ``sort`` (see clean_sort); ties broken by OPD name, ascending."""
    sort = clean_sort(sort)
    key, descending = sort.lstrip("-"), sort.startswith("-")
    by_name = sorted(rows, key=lambda r: (r.opd.casefold(), r.opd_id or 0))
    if key == "opd":
        return list(reversed(by_name)) if descending else by_name
    # sorted() is stable: equal values keep the name order in both directions.
    return sorted(by_name, key=lambda r: getattr(r, key), reverse=descending)


def under_target(
    rows: Iterable[OpdParticipation], target_percent: int | None = None
) -> list[OpdParticipation]:
    return [r for r in rows if r.target and not r.meets(target_percent)]


MAX_CHART_DAYS = 400  # a longer campaign shows its last 400 days: one aggregate per day


def day_ends(start: dt.date, end: dt.date, tz: dt.tzinfo) -> list[tuple[dt.date, dt.datetime]]:
    """Each local day from ``start`` to ``end`` with the instant it ends (next local midnight, aware).

    The chart counts, per day, the submissions made before that instant: cumulative
    counts by plain comparisons on the indexed timestamp, so the database needs no
    time-zone function (SQLite would call back into Python for every row).
    """
    start = max(start, end - dt.timedelta(days=MAX_CHART_DAYS - 1))
    ends = []
    day = start
    while day <= end:
        following = day + dt.timedelta(days=1)
        ends.append((day, dt.datetime(following.year, following.month, following.day, tzinfo=tz)))
        day = following
    return ends
