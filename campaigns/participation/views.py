"""Participation screens: per-OPD table with a live chart, and who is missing.

Capability view_participation for all of them; the OPD scope is org.units.queries.opds_for_user
(an Operator OPD sees their own OPD only; another OPD's drill-down is a 404).
"""

from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from accounts.roles import Capability
from campaigns.participation.queries import (
    chart_series,
    get_campaign_for_participation,
    get_opd_for_participation,
    missing_pegawai,
    participation_campaigns_for_user,
    participation_for_user,
)
from campaigns.participation.rules import SORT_KEYS, clean_sort, sort_rows, totals
from core.charts import chart_spec
from core.charts import series as series_of
from core.paging import paginate
from core.permissions import require, user_can
from core.spreadsheets import xlsx_response
from org.units.queries import opds_for_user
from people.records.files import pegawai_xlsx

COLUMNS = (
    ("opd", gettext_lazy("OPD")),
    ("target", gettext_lazy("Sasaran")),
    ("submitted", gettext_lazy("Terkirim")),
    ("accepted", gettext_lazy("Diterima")),
    ("missing", gettext_lazy("Belum")),
    ("percent", gettext_lazy("Persentase")),
)
assert {key for key, _label in COLUMNS} <= set(SORT_KEYS)
REFRESH_SECONDS = 30


def no_store(response):
    response["Cache-Control"] = "no-store"
    return response


@require(Capability.VIEW_PARTICIPATION)
@require_GET
def campaign_participation_index(request):
    return render(
        request,
        "campaigns/participation_index.html",
        paginate(request, participation_campaigns_for_user(request.user), per_page=20),
    )


def _header(sort: str) -> list[dict]:
    """Each column with the link that sorts by it (ascending first, then flips)."""
    key, descending = sort.lstrip("-"), sort.startswith("-")
    header = []
    for column, label in COLUMNS:
        active = column == key
        header.append(
            {
                "key": column,
                "label": label,
                "next": f"-{column}" if active and not descending else column,
                "aria_sort": ("descending" if descending else "ascending") if active else "",
            }
        )
    return header


@require(Capability.VIEW_PARTICIPATION)
@require_GET
def campaign_participation(request, slug: str):
    campaign = get_campaign_for_participation(request.user, slug)
    sort = clean_sort(request.GET.get("urut"))
    rows = participation_for_user(request.user, campaign)
    return render(
        request,
        "campaigns/participation.html",
        {
            "campaign": campaign,
            "rows": sort_rows(rows, sort),
            "total": totals(rows, _("Jumlah")),
            "header": _header(sort),
            "sort": sort,
            "refresh_seconds": REFRESH_SECONDS,
            "now": timezone.now(),
            "all_opds": user_can(request.user, Capability.VIEW_ALL_OPDS),
        },
    )


def _row_json(row, target_percent: int) -> dict:
    return {
        **row.as_dict(target_percent),
        "percent_label": formats.number_format(row.percent, 1),
    }


def _numbers(key: str, row: dict) -> dict:
    """One table row as live-numbers.js writes it into the page."""
    fields = {name: row[name] for name in ("target", "submitted", "accepted", "missing", "percent_label")}
    return {"row": key, "fields": {**fields, "meter": row["percent"]}}


@require(Capability.VIEW_PARTICIPATION)
@require_GET
def campaign_participation_data(request, slug: str):
    """The page's numbers and the cumulative chart, fetched again every REFRESH_SECONDS by
    chart.js; live-numbers.js writes ``numbers`` into the table. Three queries."""
    campaign = get_campaign_for_participation(request.user, slug)
    opds = opds_for_user(request.user)
    rows = participation_for_user(request.user, campaign)
    series = chart_series(campaign, opds)
    target = campaign.target_percent
    total = _row_json(totals(rows, _("Jumlah")), target)
    table = [_row_json(r, target) for r in rows]
    return no_store(
        JsonResponse(
            {
                "updated": formats.date_format(timezone.localtime(), "j F Y H:i:s"),
                "target_percent": target,
                "total": total,
                "rows": table,
                "numbers": [_numbers(str(r["opd_id"]), r) for r in table] + [_numbers("total", total)],
                "chart": chart_spec(
                    labels=[formats.date_format(day, "j M") for day, _n in series],
                    data=[series_of(_("Isian terkirim (kumulatif)"), [n for _day, n in series], kind="line")],
                    target=(_("Target"), round(total["target"] * target / 100)),
                ),
            }
        )
    )


@require(Capability.VIEW_PARTICIPATION)
@require_GET
def campaign_missing(request, slug: str, opd: int):
    campaign = get_campaign_for_participation(request.user, slug)
    opd = get_opd_for_participation(request.user, opd)
    people = missing_pegawai(campaign, opd)
    return render(
        request,
        "campaigns/participation_missing.html",
        {
            "campaign": campaign,
            "opd": opd,
            "can_submit_for": user_can(request.user, Capability.SUBMIT_ON_BEHALF),
            **paginate(request, people),
        },
    )


@require(Capability.VIEW_PARTICIPATION)
@require_GET
def campaign_missing_xlsx(request, slug: str, opd: int):
    campaign = get_campaign_for_participation(request.user, slug)
    opd = get_opd_for_participation(request.user, opd)
    people = missing_pegawai(campaign, opd).select_related("opd", "unit", "golongan").defer(None)
    return no_store(xlsx_response(pegawai_xlsx(people), f"belum-{campaign.slug}-{opd.code}.xlsx"))


# --- Exports -------------------------------------------------------------------------------
