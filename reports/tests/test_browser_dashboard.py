"""The dashboard of the demo province in real Chromium, at 1366 px and on a 390 px phone:
every chart drawn, nothing wider than the screen, a tile leads to its list. The screenshots
(test-artifacts/) are the ones README shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from conftest import ensure_reference_tables
from demo.org import DEMO_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(private_media):
    ensure_reference_tables()  # an earlier browser test's flush emptied them
    call_command("seed_demo", "--i-know-this-is-demo", "--pegawai", "40", "--seed", "7", verbosity=0)


def _charts_drawn(page) -> int:
    charts = page.locator("canvas[data-chart]")
    count = charts.count()
    expect(page.locator("canvas[data-chart][data-drawn='1']")).to_have_count(count)
    return count


def _fits(page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width


AXE = Path(__file__).resolve().parents[2] / "tests" / "vendor" / "axe-core" / "axe.min.js"
_SERIOUS = """async () => {
  const result = await axe.run(document, {
    runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, resultTypes: ["violations"],
  });
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => v.id + ": " + v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | "));
}"""


def _accessible(page) -> None:
    """axe-core (the copy the persona walk uses) finds nothing serious in the shell and the tiles."""
    page.evaluate(AXE.read_text(encoding="utf-8"))
    assert page.evaluate(_SERIOUS) == []


def test_the_dashboards_of_the_demo_on_a_desk_and_a_phone(demo, page, login_page, screenshot):
    page.set_viewport_size({"width": 1366, "height": 900})
    login_page("kepala.badan", DEMO_PASSWORD).wait_for_url("**/")
    assert page.locator("[data-testid=today] [data-tile]").count() >= 3
    panels = page.locator("[data-testid=picture] [data-panel]")
    assert panels.count() >= 5
    assert _charts_drawn(page) >= 5
    _fits(page, 1366)
    _accessible(page)
    screenshot("dashboard-1366")

    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    assert _charts_drawn(page) >= 5
    _fits(page, 390)
    page.get_by_role("button", name="Menu").click()
    _accessible(page)  # with the menu open: every group and entry is checked too
    page.keyboard.press("Escape")
    screenshot("dashboard-390")

    # The inbox tile leads to the inbox.
    page.locator("[data-tile=inbox] a.tile-main").click()
    page.wait_for_url("**/kotak-masuk/**")
    assert page.locator("h1").inner_text()

    # An operator follows their OPD on the phone (one seeded province for both: seeding is
    # the slow part).
    page.context.clear_cookies()
    login_page("operator.dinkes", DEMO_PASSWORD).wait_for_url("**/")
    tiles = page.locator("[data-testid=today] [data-tile]")
    assert tiles.count() >= 4
    assert page.locator("[data-tile^=campaign-] meter").count() >= 1
    _charts_drawn(page)
    _fits(page, 390)
    screenshot("operator-390")
