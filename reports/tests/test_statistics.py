"""Employee statistics: the counts per dimension are those of the master data in the user's
scope, shown with labels, drawn as charts by the one chart script, and exported."""

import datetime as dt
from io import BytesIO

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from people.tests.factories import make_pegawai
from reports.statistics.queries import statistics

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 12, 1)


@pytest.fixture
def staff(cast):
    D = dt.date
    make_pegawai(
        cast.opd_a,
        nama="Muda",
        birth=D(2001, 12, 2),
        cpns=D(2024, 1, 1),
        golongan="II/a",
        pendidikan="SLTA",
        gender="P",
    )
    make_pegawai(cast.opd_a, nama="Pas 25", birth=D(2001, 12, 1), cpns=D(2024, 1, 1), golongan="III/a")
    make_pegawai(
        cast.opd_a,
        nama="Paruh baya",
        birth=D(1980, 6, 1),
        cpns=D(2005, 1, 1),
        golongan="III/c",
        pendidikan="S2",
    )
    make_pegawai(
        cast.opd_a, nama="Senior", birth=D(1970, 6, 1), cpns=D(1995, 1, 1), golongan="IV/a", gender="P"
    )
    make_pegawai(cast.opd_b, nama="Lain OPD", birth=D(1968, 1, 1), cpns=D(1990, 1, 1), golongan="IV/b")
    return cast


def by_key(dimensions):
    return {d.key: dict(d.rows) for d in dimensions}


def test_counts_per_dimension_with_labels_in_the_operators_scope(staff):
    stats = by_key(statistics(staff.operator_a, today=TODAY))
    assert stats["golongan"] == {"II/a": 1, "III/a": 1, "III/c": 1, "IV/a": 1}
    assert stats["pendidikan"] == {"SLTA": 1, "S-1": 2, "S-2": 1}
    assert stats["gender"] == {"Laki-laki": 2, "Perempuan": 2}
    # Age on 1 Dec 2026: 24 (one day short of 25), 25, 46, 56.
    assert stats["usia"] == {
        "≤ 25 tahun": 2,
        "26–35 tahun": 0,
        "36–45 tahun": 0,
        "46–55 tahun": 1,
        "≥ 56 tahun": 1,
    }
    assert stats["opd"] == {staff.opd_a.short_name or staff.opd_a.name: 4}


def test_bkd_staff_see_every_opd(staff):
    stats = by_key(statistics(staff.admin, today=TODAY))
    assert sum(stats["golongan"].values()) == 5 and stats["golongan"]["IV/b"] == 1


def test_page_xlsx_and_constant_queries(staff, client_for):
    client = client_for(staff.admin)
    url = reverse("reports:statistics_page")
    with time_machine.travel(dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC)):
        client.get(url)
        with CaptureQueriesContext(connection) as few:
            response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert 'data-chart="chart-golongan"' in html and "pelita/chart.js" in html and "Kelompok usia" in html
        make_pegawai(
            staff.opd_b,
            nama="Tambahan",
            birth=dt.date(1990, 1, 1),
            cpns=dt.date(2015, 1, 1),
            golongan="III/b",
        )
        with CaptureQueriesContext(connection) as many:
            response = client.get(url)
        assert response.status_code == 200 and "III/b" in response.content.decode()
        assert len(many) == len(few)
        export = client.get(reverse("reports:statistics_export"))
    rows = list(load_workbook(BytesIO(export.content)).active.iter_rows(values_only=True))
    assert rows[0] == ("Dimensi", "Kategori", "Jumlah pegawai")
    assert ("Golongan", "IV/b", 1) in rows


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_every_dimension_is_drawn_as_a_chart(staff, login_page, live_server):
    page = login_page(staff.admin.username)
    page.goto(f"{live_server.url}/laporan/statistik/")
    drawn = page.locator("canvas[data-chart][data-drawn='1']")
    drawn.nth(6).wait_for()
    assert drawn.count() == 7
    page.set_viewport_size({"width": 390, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
