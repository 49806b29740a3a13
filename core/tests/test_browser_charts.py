"""The one chart script (core/static/pelita/chart.js) draws a server-built spec in real
Chromium: the SLA report's bars and target line, from the spec the page links."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_sla_report_chart_is_drawn_from_its_spec(cast, login_page, live_server):
    page = login_page(cast.admin.username)
    page.goto(f"{live_server.url}/layanan/sla/?bulan=2026-11")
    canvas = page.locator("canvas#sla-chart")
    canvas.wait_for(state="attached")
    page.locator("canvas#sla-chart[data-drawn='1']").wait_for()
    # Chart.js keeps the chart on the canvas: one bar series and the dashed target line.
    kinds = page.evaluate("Chart.getChart('sla-chart').data.datasets.map(d => d.type)")
    assert kinds == ["bar", "line"]
    assert page.evaluate("Chart.getChart('sla-chart').options.scales.y.max") == 100


def _drawn(page, canvas_id: str) -> None:
    expect(page.locator(f"canvas#{canvas_id}")).to_have_attribute("data-drawn", "1")


def test_the_report_charts_of_helpdesk_feedback_and_ipasn_are_drawn_by_the_same_script(
    cast, login_page, live_server
):
    page = login_page(cast.admin.username)
    scripts = "Array.from(document.scripts).map(s => s.src.split('/static/')[1]).filter(Boolean)"

    # Counts as bars, the on-time share as a line against a second 0–100 % axis.
    for url, canvas in (
        ("/bantuan/antrian/laporan/?bulan=2026-11", "helpdesk-chart"),
        ("/pengaduan/laporan/", "feedback-chart"),
    ):
        page.goto(f"{live_server.url}{url}")
        _drawn(page, canvas)
        assert page.evaluate(
            f"Chart.getChart('{canvas}').data.datasets.map(d => [d.type, d.yAxisID || 'y'])"
        ) == [
            ["bar", "y"],
            ["line", "percent"],
        ]
        assert page.evaluate(f"Chart.getChart('{canvas}').options.scales.percent.max") == 100
        assert "pelita/chart.js" in page.evaluate(scripts)

    # IP-ASN: one colour per kategori, no legend, from the spec embedded in the page.
    from django.utils import timezone

    from ipasn.scores.actions import do_compute_scores
    from people.tests.factories import make_pegawai

    make_pegawai(cast.opd_a, nama="Rekan Dinkes")
    do_compute_scores(timezone.localdate().year, actor=None)
    page.goto(f"{live_server.url}/ipasn/")
    expect(page.locator("canvas.ipasn-distribution").first).to_have_attribute("data-drawn", "1")
    colours = page.evaluate(
        "Chart.getChart(document.querySelector('canvas.ipasn-distribution')).data.datasets[0].backgroundColor"
    )
    assert colours[0] == "#1e8449" and len(set(colours)) == len(colours)
    assert (
        page.evaluate(
            "Chart.getChart(document.querySelector('canvas.ipasn-distribution')).options.plugins.legend.display"
        )
        is False
    )
