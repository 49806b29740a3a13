"""The one chart script (core/static/pelita/chart.js) draws a server-built spec in real
Chromium: the SLA report's bars and target line, from the spec the page links."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_sla_report_chart_is_drawn_from_its_spec(cast, login_page, live_server):
    page = login_page(cast.admin.username)
    page.goto(f"{live_server.url}/layanan/sla/?bulan=2026-11")
    canvas = page.locator("canvas#sla-chart")
    canvas.wait_for(state="attached")
    page.wait_for_function("document.querySelector('canvas#sla-chart').dataset.drawn === '1'")
    # Chart.js keeps the chart on the canvas: one bar series and the dashed target line.
    kinds = page.evaluate("Chart.getChart('sla-chart').data.datasets.map(d => d.type)")
    assert kinds == ["bar", "line"]
    assert page.evaluate("Chart.getChart('sla-chart').options.scales.y.max") == 100
