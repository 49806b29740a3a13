"""The dashboard: each persona's tiles of what needs them, each linking to the list it counts;
the picture (charts) for readers of the instansi; a constant number of queries per persona."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from accounts.users.actions import do_create_user
from campaigns.tests.helpers import make_campaign
from conftest import PASSWORD
from feedback.tests.builders import complaint_of_pegawai_a
from layanan.models import Request
from layanan.tests.factories import make_service
from layanan.tests.workflow_helpers import submit
from people.tests.factories import make_pegawai
from reports.dashboard.queries import CAMPAIGN_TILES

pytestmark = pytest.mark.django_db
DASHBOARD = reverse("reports:dashboard")

# What each persona of the cast is asked to look at, written out by hand.
EXPECTED_TILES = {
    "admin": ["inbox", "corrections", "tickets", "complaints", "kp", "pensions"],
    "operator_a": ["returned", "in_process", "complaints", "kp", "pensions"],
    "operator_b": ["returned", "in_process", "complaints", "kp", "pensions"],
    "pegawai_a": ["returned", "in_process", "complaints"],
    "unit_pengolah": ["inbox", "corrections", "complaints", "kp", "pensions"],
    "kepala_badan": ["inbox", "complaints", "kp", "pensions"],
}
EXPECTED_PANELS = {
    "admin": ["participation", "sla", "quality", "ikm", "complaints"],
    "operator_a": ["participation", "quality", "complaints"],
    "operator_b": ["participation", "quality", "complaints"],
    "pegawai_a": [],
    "unit_pengolah": ["participation", "sla", "quality", "ikm", "complaints"],
    "kepala_badan": ["participation", "sla", "quality", "ikm", "complaints"],
}


@pytest.fixture
def world(cast, private_media):
    """Pegawai A's own record with a request in process, a complaint, an open campaign."""
    service = make_service()
    mine = make_pegawai(cast.opd_a, nama="Pegawai Dinkes", user=cast.pegawai_a)
    make_pegawai(cast.opd_b, nama="Pegawai Dishub")
    request = submit(service, mine, actor=cast.pegawai_a)
    complaint_of_pegawai_a(cast)
    make_campaign(cast.admin, slug="like-asn-uji")
    return {"service": service, "mine": mine, "request": request}


def _campaigns(cast, prefix: str, n: int) -> None:
    for i in range(n):
        make_campaign(cast.admin, slug=f"{prefix}-{i}")


def _more(cast, world, n: int) -> None:
    """More of everything a tile or panel counts: employees, requests, complaints, campaigns."""
    for i in range(n):
        pegawai = make_pegawai(cast.opd_a, nama=f"Pegawai Tambahan {i}")
        submit(world["service"], pegawai, actor=cast.admin)
        complaint_of_pegawai_a(cast)
    _campaigns(cast, "tambahan", n)


def _keys(html: str, attribute: str) -> list[str]:
    return [k for k in re.findall(rf'{attribute}="([^"]+)"', html) if not k.startswith("campaign-")]


def _render(client):
    """The dashboard computed afresh (nothing from the cache) and its number of queries."""
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(DASHBOARD)
    return response, len(captured)


@pytest.mark.parametrize("persona", sorted(EXPECTED_TILES))
def test_each_persona_sees_its_tiles_and_picture_in_constant_queries(persona, cast, world, client_for):
    client = client_for(cast.persona(persona))
    _campaigns(cast, "awal", CAMPAIGN_TILES - 1)  # as many open campaigns as get a tile
    response, before = _render(client)
    _more(cast, world, 2)
    again, after = _render(client)

    assert response.status_code == again.status_code == 200
    html = again.content.decode()
    assert "Selamat datang" in html
    assert _keys(html, "data-tile") == EXPECTED_TILES[persona]
    assert _keys(html, "data-panel") == EXPECTED_PANELS[persona]
    assert after == before, f"{persona}: {before} queries, then {after} with more data"


def test_a_tile_counts_what_the_list_behind_its_link_shows(cast, world, client_for):
    client = client_for(cast.pegawai_a)
    html = client.get(DASHBOARD).content.decode()
    tile = re.search(r'data-tile="in_process".*?href="([^"]+)".*?data-testid="tile-value">(\d+)<', html, re.S)
    url, value = tile.group(1), int(tile.group(2))
    assert url == reverse("layanan:request_list") + "?status=in_process"
    assert value == 1
    listed = client.get(url).content.decode()
    assert world["request"].number in listed
    # The complaint tile too: pegawai A's own open complaint, on the list it links.
    assert re.search(r'data-tile="complaints".*?data-testid="tile-value">1<', html, re.S)


def test_the_inbox_tile_counts_the_late_ones_and_links_them(cast, world, client_for):
    petugas = do_create_user(
        username="petugas",
        name="Petugas Administrasi",
        password=PASSWORD,
        roles=[Role.PETUGAS_ADMINISTRASI],
        opd=cast.admin.opd,
        actor=None,
    )
    late = submit(world["service"], make_pegawai(cast.opd_b, nama="Pemohon Terlambat"), actor=cast.admin)
    Request.objects.filter(pk=late.pk).update(due_at=timezone.now() - dt.timedelta(hours=1))
    client = client_for(petugas)
    html = client.get(DASHBOARD).content.decode()
    tile = re.search(r'<article class="tile[^"]*" data-tile="inbox">.*?</article>', html, re.S).group(0)
    assert "tile-late" in tile
    assert 'data-testid="tile-value">2<' in tile
    late_url = re.search(r'href="([^"]+)" class="tile-alert"', tile).group(1).replace("&amp;", "&")
    assert late_url == reverse("layanan:inbox") + "?overdue=on"
    listed = client.get(late_url).content.decode()
    assert late.number in listed and world["request"].number not in listed


def test_campaign_tiles_show_the_deadline_and_the_scope_participation(cast, world, client_for):
    html = client_for(cast.operator_a).get(DASHBOARD).content.decode()
    tile = re.search(r'data-tile="campaign-like-asn-uji">.*?</article>', html, re.S).group(0)
    assert reverse("campaigns:campaign_participation", args=["like-asn-uji"]) in tile
    assert "ditutup" in tile and "<meter" in tile
    spec = json.loads(
        re.search(
            r'<script id="chart-participation" type="application/json">(.*?)</script>', html, re.S
        ).group(1)
    )
    assert spec["labels"] == ["Laporan Kinerja Uji"] and spec["percent"] is True


def test_leaders_get_charts_and_each_panel_links_its_report(cast, world, client_for):
    html = client_for(cast.kepala_badan).get(DASHBOARD).content.decode()
    complaints = re.search(r'data-panel="complaints">.*?</article>', html, re.S).group(0)
    assert f'href="{reverse("feedback:complaint_list")}"' in complaints
    spec = json.loads(
        re.search(r'<script id="chart-complaints" type="application/json">(.*?)</script>', html, re.S).group(
            1
        )
    )
    assert spec["labels"][0] == "Diterima" and spec["series"][0]["values"][0] == 1
    assert 'src="/static/pelita/chart.js"' in html
    assert "Gambaran instansi" in html


def test_an_employee_has_no_picture_and_no_chart_script(cast, world, client_for):
    html = client_for(cast.pegawai_a).get(DASHBOARD).content.decode()
    assert 'data-testid="picture"' not in html and "chart.js" not in html
