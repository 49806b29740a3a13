"""The OPD score, the ranking, the screens' scope and their constant number of queries."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from people.models import RiwayatSkp
from people.quality.queries import ranking, score
from people.records.actions import do_update_pegawai
from people.tests.quality_people import clean_pegawai
from regulations.identity import make_nik

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_media")]

# The screens judge the data as of today, so the helpers give last year's SKP as of today.
TODAY = timezone.localdate()


def staffed(opd, count: int, *, start: int = 0):
    """``count`` distinct employees of ``opd`` without any finding."""
    return [
        clean_pegawai(
            opd,
            today=TODAY,
            nama=f"Pegawai {opd.short_name} {i}",
            birth=dt.date(1980, 1, 1) + dt.timedelta(days=i),
        )
        for i in range(start, start + count)
    ]


@pytest.mark.parametrize(
    ("pegawai", "employees_by_code", "expected"),
    [
        (10, {}, 100.0),
        (10, {"nik_ganda": 1}, 90.0),  # berat: 100 points × 1/10
        (10, {"nik_kosong": 1}, 95.0),  # sedang: 50 × 1/10
        (10, {"skp_tahun_lalu_kosong": 1}, 99.5),  # ringan: 5 × 1/10
        # No scans anywhere costs every OPD the same 5 points: it cannot flatten the ranking.
        (10, {"pindaian_sk_kosong": 10}, 95.0),
        (10, {"nik_ganda": 1, "nik_kosong": 2, "pindaian_sk_kosong": 10}, 75.0),
        (3, {"nik_ganda": 3, "nip_tidak_valid": 3}, 0.0),  # never below 0
        (3, {"nik_kosong": 1}, 83.3),
        (0, {}, None),
    ],
)
def test_each_check_costs_its_weight_times_the_share_of_employees_who_have_it(
    pegawai, employees_by_code, expected
):
    assert score(pegawai, Counter(employees_by_code)) == expected


def test_the_costliest_check_is_the_one_to_fix_first(cast):
    [pegawai, _clean] = staffed(cast.opd_a, 2)
    # berat (NIK does not match the NIP) and ringan (no SKP) on one of two employees.
    do_update_pegawai(
        pegawai, changes={"nik": make_nik("61", "71", "01", dt.date(1970, 1, 1), "L", 9)}, actor=None
    )
    RiwayatSkp.objects.filter(pegawai=pegawai).delete()
    [row] = ranking([cast.opd_a], today=TODAY)
    assert (row.pegawai, row.clean, row.berat, row.ringan) == (2, 1, 1, 1)
    assert row.lost == [("nip_nik_tidak_cocok", 50.0), ("skp_tahun_lalu_kosong", 2.5)]
    assert row.score == 47.5
    assert row.fix_first[0] == "nip_nik_tidak_cocok" and row.fix_first[2] == 50.0


def test_the_ranking_puts_the_cleanest_opd_first_and_opds_without_employees_last(cast):
    staffed(cast.opd_a, 4)
    staffed(cast.opd_b, 4)
    untidy = cast.opd_a.pegawai.first()
    do_update_pegawai(untidy, changes={"nik": None}, actor=None)
    bkd = cast.admin.opd
    rows = ranking([cast.opd_a, cast.opd_b, bkd], today=TODAY)
    assert [(r.opd, r.score) for r in rows] == [(cast.opd_b, 100.0), (cast.opd_a, 87.5), (bkd, None)]


def test_the_ranking_costs_the_same_queries_for_5_and_50_employees(cast):
    def queries_for_ranking():
        with CaptureQueriesContext(connection) as captured:
            ranking([cast.opd_a, cast.opd_b], today=TODAY)
        return len(captured)

    staffed(cast.opd_a, 3)
    staffed(cast.opd_b, 2)
    few = queries_for_ranking()
    staffed(cast.opd_a, 25, start=100)
    staffed(cast.opd_b, 20, start=200)
    assert queries_for_ranking() == few <= 8


def test_the_ranking_page_costs_the_same_queries_for_5_and_50_employees(cast, client_for):
    client = client_for(cast.kepala_badan)
    url = reverse("people:quality_ranking")

    def queries_for_page():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    staffed(cast.opd_a, 5)
    few = queries_for_page()
    staffed(cast.opd_a, 45, start=100)
    assert queries_for_page() == few


def test_bkd_staff_see_every_opd_ranked_with_its_counts(cast, client_for):
    staffed(cast.opd_a, 2)
    response = client_for(cast.unit_pengolah).get(reverse("people:quality_ranking"))
    assert response.status_code == 200
    assert {row.opd for row in response.context["rows"]} == {cast.opd_a, cast.opd_b, cast.admin.opd}
    assert 'data-testid="score">100,0<' in response.text or 'data-testid="score">100.0<' in response.text


def test_an_operator_sees_only_their_own_opd_in_the_ranking(cast, client_for):
    staffed(cast.opd_a, 2)
    response = client_for(cast.operator_b).get(reverse("people:quality_ranking"))
    assert [row.opd for row in response.context["rows"]] == [cast.opd_b]


def test_an_operator_cannot_open_or_export_another_opds_findings(cast, client_for):
    client = client_for(cast.operator_b)
    assert client.get(reverse("people:quality_opd", args=[cast.opd_a.pk])).status_code == 404
    assert client.get(reverse("people:quality_opd_export", args=[cast.opd_a.pk])).status_code == 404
    assert client.get(reverse("people:quality_opd", args=[cast.opd_b.pk])).status_code == 200


def test_a_pegawai_may_not_see_data_quality(cast, client_for):
    assert client_for(cast.pegawai_a).get(reverse("people:quality_ranking")).status_code == 403


def test_the_drill_down_lists_findings_with_links_to_the_employee(cast, client_for):
    [pegawai, _clean] = staffed(cast.opd_a, 2)
    do_update_pegawai(pegawai, changes={"nik": None}, actor=None)
    RiwayatSkp.objects.filter(pegawai=pegawai).delete()
    response = client_for(cast.operator_a).get(reverse("people:quality_opd", args=[cast.opd_a.pk]))
    assert response.status_code == 200
    rows = list(response.context["page_obj"])
    assert [row.finding.code for row in rows] == ["nik_kosong", "skp_tahun_lalu_kosong"]  # worst first
    detail = reverse("people:pegawai_detail", args=[pegawai.pk])
    assert f'href="{detail}"' in response.text
    assert f'href="{detail}?tab=skp"' in response.text


def test_the_drill_down_filters_by_check_and_ignores_an_unknown_one(cast, client_for):
    [pegawai, _clean] = staffed(cast.opd_a, 2)
    do_update_pegawai(pegawai, changes={"nik": None}, actor=None)
    RiwayatSkp.objects.filter(pegawai=pegawai).delete()
    client = client_for(cast.admin)
    url = reverse("people:quality_opd", args=[cast.opd_a.pk])
    only = client.get(url, {"kode": "nik_kosong"})
    assert [row.finding.code for row in only.context["page_obj"]] == ["nik_kosong"]
    unknown = client.get(url, {"kode": "bukan_kode"})
    assert unknown.context["page_obj"].paginator.count == 2
    assert unknown.context["form"].errors


def test_the_drill_down_is_paginated_with_a_constant_number_of_queries(cast, client_for):
    client = client_for(cast.admin)
    url = reverse("people:quality_opd", args=[cast.opd_a.pk])
    for pegawai in staffed(cast.opd_a, 5):
        RiwayatSkp.objects.filter(pegawai=pegawai).delete()

    def queries_for_page(page):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, {"page": page})
        return len(captured), response

    few, _response = queries_for_page(1)
    for pegawai in staffed(cast.opd_a, 55, start=100):
        RiwayatSkp.objects.filter(pegawai=pegawai).delete()
    many, first = queries_for_page(1)
    _n, second = queries_for_page(2)
    assert many == few
    assert first.context["page_obj"].paginator.count == 60
    assert len(first.context["page_obj"]) == 50 and len(second.context["page_obj"]) == 10


def test_the_findings_download_as_xlsx(cast, client_for):
    [pegawai, _clean] = staffed(cast.opd_a, 2)
    do_update_pegawai(pegawai, changes={"nik": None}, actor=None)
    response = client_for(cast.operator_a).get(reverse("people:quality_opd_export", args=[cast.opd_a.pk]))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    rows = list(load_workbook(BytesIO(response.content)).active.values)
    assert rows[0] == ("NIP", "Nama", "Tingkat", "Kode", "Jenis temuan", "Keterangan")
    assert rows[1][:5] == (pegawai.nip, pegawai.nama, "Sedang", "nik_kosong", "NIK kosong")


def test_the_screens_refuse_post(cast, client_for):
    assert client_for(cast.admin).post(reverse("people:quality_ranking")).status_code == 405
