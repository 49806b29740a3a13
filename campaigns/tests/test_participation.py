"""Participation per OPD: the numbers, the scope, the drill-down, the chart and the query count."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from campaigns.participation.queries import chart_series, participation_rows
from campaigns.participation.rules import (
    OpdParticipation,
    clean_sort,
    day_ends,
    percent_of,
    sort_rows,
    totals,
)
from campaigns.tests.participation_helpers import NOW, accept, send_back, simple_campaign, submit, two_opds
from people.tests.factories import make_pegawai

pytestmark = pytest.mark.django_db


@pytest.fixture
def scenario(cast):
    """A: 4 targeted, 3 submitted (1 accepted, 1 needs fix); B: 2 targeted, 1 submitted."""
    with time_machine.travel(NOW, tick=False):
        campaign = simple_campaign(cast)
        a, b = two_opds(cast)
        first = submit(campaign, a[0], cast.admin, now=NOW - dt.timedelta(days=2))
        second = submit(campaign, a[1], cast.admin, now=NOW - dt.timedelta(days=2))
        submit(campaign, a[2], cast.admin, now=NOW)
        submit(campaign, b[0], cast.admin, now=NOW - dt.timedelta(days=1))
        accept(first, cast.unit_pengolah)
        send_back(second, cast.unit_pengolah, now=NOW)
        # Another campaign's submissions must not leak into this one's numbers.
        other = simple_campaign(cast, slug="survei-lain")
        for p in a + b:
            submit(other, p, cast.admin, now=NOW)
    return campaign, a, b


def by_opd(rows):
    return {r.opd_id: r for r in rows}


def test_numbers_per_opd_match_the_hand_count(cast, scenario):
    campaign, _a, _b = scenario
    rows = by_opd(participation_rows(campaign))
    assert set(rows) == {cast.opd_a.pk, cast.opd_b.pk}
    a, b = rows[cast.opd_a.pk], rows[cast.opd_b.pk]
    assert (a.target, a.submitted, a.accepted, a.needs_fix, a.missing, a.percent) == (
        4,
        3,
        1,
        1,
        1,
        Decimal("75.0"),
    )
    assert (b.target, b.submitted, b.accepted, b.needs_fix, b.missing, b.percent) == (
        2,
        1,
        0,
        0,
        1,
        Decimal("50.0"),
    )
    total = totals(rows.values(), "Jumlah")
    assert (total.target, total.submitted, total.accepted, total.percent) == (6, 4, 1, Decimal("66.7"))


def test_an_opd_meets_the_target_only_at_or_above_it(cast, scenario):
    campaign, _a, _b = scenario
    rows = by_opd(participation_rows(campaign))
    assert not rows[cast.opd_a.pk].on_target  # 75% < 90%
    assert rows[cast.opd_a.pk].meets(75) and not rows[cast.opd_a.pk].meets(76)


def test_percent_rounds_half_up_and_is_zero_without_anyone():
    assert percent_of(2, 3) == Decimal("66.7")
    assert percent_of(1, 8) == Decimal("12.5")
    assert percent_of(0, 0) == Decimal("0.0")


def test_meeting_the_target_uses_exact_counts_not_the_rounded_percent():
    row = OpdParticipation(1, "X", target=2001, submitted=1800, accepted=0, goal=90)  # 89.955% shows as 90.0
    assert row.percent == Decimal("90.0") and not row.on_target


def test_sort_accepts_only_whitelisted_columns():
    assert clean_sort("-percent") == "-percent"
    assert clean_sort("nip") == "opd"
    assert clean_sort("--target") == "opd"
    assert clean_sort("opd__name") == "opd"


def test_rows_sort_by_percent_with_ties_by_name():
    rows = [
        OpdParticipation(1, "Dinas C", 10, 5, 0),
        OpdParticipation(2, "Dinas A", 10, 9, 0),
        OpdParticipation(3, "Dinas B", 10, 5, 0),
    ]
    assert [r.opd for r in sort_rows(rows, "-percent")] == ["Dinas A", "Dinas B", "Dinas C"]
    assert [r.opd for r in sort_rows(rows, "percent")] == ["Dinas B", "Dinas C", "Dinas A"]
    assert [r.opd for r in sort_rows(rows, "-opd")] == ["Dinas C", "Dinas B", "Dinas A"]


def test_each_chart_day_ends_at_the_next_local_midnight():
    from zoneinfo import ZoneInfo

    wib = ZoneInfo("Asia/Jakarta")
    ends = day_ends(dt.date(2026, 3, 30), dt.date(2026, 4, 1), wib)
    assert [day for day, _end in ends] == [dt.date(2026, 3, 30), dt.date(2026, 3, 31), dt.date(2026, 4, 1)]
    assert ends[0][1] == dt.datetime(2026, 3, 30, 17, 0, tzinfo=dt.UTC)  # 31 March 00:00 WIB
    assert len(day_ends(dt.date(2024, 1, 1), dt.date(2026, 1, 1), wib)) == 400  # capped


def test_chart_counts_first_submissions_per_local_day(cast, scenario):
    campaign, _a, _b = scenario
    series = dict(chart_series(campaign, now=NOW))
    assert series[dt.date(2026, 3, 5)] == 0  # the campaign opened then
    assert series[dt.date(2026, 3, 8)] == 2
    assert series[dt.date(2026, 3, 9)] == 3
    assert series[dt.date(2026, 3, 10)] == 4
    assert max(series) == dt.date(2026, 3, 10)


def test_page_shows_every_opd_for_bkd_staff(cast, scenario, client_for):
    campaign, _a, _b = scenario
    response = client_for(cast.kepala_badan).get(
        reverse("campaigns:campaign_participation", args=[campaign.slug])
    )
    assert response.status_code == 200
    assert [r.opd_id for r in response.context["rows"]] == [cast.opd_a.pk, cast.opd_b.pk]
    assert response.context["total"].submitted == 4
    assert f'data-opd="{cast.opd_b.pk}"' in response.content.decode()


def test_operator_sees_only_their_own_opd(cast, scenario, client_for):
    campaign, _a, _b = scenario
    client = client_for(cast.operator_b)
    response = client.get(reverse("campaigns:campaign_participation", args=[campaign.slug]))
    assert [(r.opd_id, r.target, r.submitted) for r in response.context["rows"]] == [(cast.opd_b.pk, 2, 1)]
    data = client.get(reverse("campaigns:campaign_participation_data", args=[campaign.slug])).json()
    assert [r["opd_id"] for r in data["rows"]] == [cast.opd_b.pk]
    assert data["total"]["submitted"] == 1 and data["chart"]["series"][0]["values"][-1] == 1


def test_operator_gets_404_for_another_opds_missing_list(cast, scenario, client_for):
    campaign, _a, _b = scenario
    url = reverse("campaigns:campaign_missing", args=[campaign.slug, cast.opd_a.pk])
    assert client_for(cast.operator_b).get(url).status_code == 404
    assert client_for(cast.operator_a).get(url).status_code == 200


def test_pegawai_without_the_capability_gets_403(cast, scenario, client_for):
    campaign, _a, _b = scenario
    url = reverse("campaigns:campaign_participation", args=[campaign.slug])
    assert client_for(cast.pegawai_a).get(url).status_code == 403


def test_missing_list_names_only_those_who_have_not_submitted(cast, scenario, client_for):
    campaign, a, _b = scenario
    response = client_for(cast.operator_a).get(
        reverse("campaigns:campaign_missing", args=[campaign.slug, cast.opd_a.pk])
    )
    assert [p.pk for p in response.context["page_obj"]] == [a[3].pk]
    assert a[3].nip in response.content.decode()


def test_missing_list_downloads_as_xlsx(cast, scenario, client_for):
    from io import BytesIO

    from openpyxl import load_workbook

    campaign, a, _b = scenario
    response = client_for(cast.admin).get(
        reverse("campaigns:campaign_missing_xlsx", args=[campaign.slug, cast.opd_a.pk])
    )
    sheet = load_workbook(BytesIO(response.content)).active
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == [a[3].nip]


def test_sorting_by_a_column_orders_the_table(cast, scenario, client_for):
    campaign, _a, _b = scenario
    url = reverse("campaigns:campaign_participation", args=[campaign.slug])
    response = client_for(cast.admin).get(url, {"urut": "percent"})
    assert [r.opd_id for r in response.context["rows"]] == [cast.opd_b.pk, cast.opd_a.pk]
    response = client_for(cast.admin).get(url, {"urut": "pegawai__nik"})  # not whitelisted: ignored
    assert response.context["sort"] == "opd"


def test_draft_campaign_is_hidden_from_operators(cast, client_for):
    from campaigns.tests.helpers import make_campaign

    draft = make_campaign(cast.admin, slug="draf-uji", publish=False)
    url = reverse("campaigns:campaign_participation", args=[draft.slug])
    assert client_for(cast.operator_a).get(url).status_code == 404
    assert client_for(cast.admin).get(url).status_code == 200


def _grow(cast, campaign, n):
    from campaigns.design.actions import do_update_campaign
    from org.units.actions import do_create_opd

    do_update_campaign(campaign, {"audience": {}}, actor=cast.admin)
    for i in range(n):
        opd = do_create_opd(actor=None, instansi=cast.instansi, code=f"9{i}", name=f"Dinas Tambahan {i}")
        people = [make_pegawai(opd, nama=f"Tambahan {i}-{k}") for k in range(2)]
        submit(campaign, people[0], cast.admin, now=NOW)


@pytest.mark.parametrize("name", ["campaign_participation", "campaign_participation_data"])
def test_query_count_does_not_grow_with_the_number_of_opds(cast, client_for, django_assert_num_queries, name):
    campaign = simple_campaign(cast)
    two_opds(cast)
    client = client_for(cast.admin)
    url = reverse(f"campaigns:{name}", args=[campaign.slug])
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    _grow(cast, campaign, 5)
    with django_assert_num_queries(len(small)):
        response = client.get(url)
    rows = response.context["rows"] if name == "campaign_participation" else response.json()["rows"]
    assert len(rows) >= 7


def test_participation_table_is_two_queries(cast, scenario, django_assert_num_queries):
    campaign, _a, _b = scenario
    with django_assert_num_queries(2):  # the GROUP BY, then the OPD names
        participation_rows(campaign)


def test_index_lists_campaigns_with_scoped_submission_counts(
    cast, scenario, client_for, django_assert_max_num_queries
):
    _campaign, _a, _b = scenario
    client = client_for(cast.operator_b)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("campaigns:campaign_participation_index"))
    assert response.status_code == 200
    counts = {c.slug: c.scoped_submissions for c in response.context["page_obj"]}
    assert counts == {"kinerja-uji": 1, "survei-lain": 2}
