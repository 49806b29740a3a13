"""The persona walk in real Chromium: every demo persona opens every entry of its menu at
1366 px and at 390 px; each page passes axe-core (no serious or critical violation) and
does not scroll sideways, and a screenshot of each is left in test-artifacts/ for review.

axe-core is the copy in tests/vendor/axe-core (no CDN; its licence beside it). The CSP
allows no inline script, so the file is evaluated through the DevTools protocol rather
than added as a <script> tag: the page's own policy stays in force for the page.

One test walks every persona so the demo is seeded once (a browser test's flush empties
the database after each test), with one browser context per persona.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from conftest import ARTIFACTS
from tests.walk import demo_users, menu_urls, seed_small_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
SIZES = {"desktop": (1366, 900), "phone": (390, 844)}

# The WCAG 2.x A and AA rules (axe's best-practice rules are advice, not the standard), and
# only the violations: the passes are most of the work axe reports.
_RUN_AXE = """async () => {
  const result = await axe.run(document, {
    runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    resultTypes: ["violations"],
  });
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ` + v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | "));
}"""
_WIDTHS = "() => [document.documentElement.scrollWidth, window.innerWidth]"


def _wider_than_viewport(page) -> list[str]:
    """The widest elements sticking out of the viewport (for the failure message)."""
    return page.evaluate(
        """() => {
          const width = window.innerWidth;
          return [...document.querySelectorAll("body *")]
            .filter((el) => el.getBoundingClientRect().right > width + 1)
            .filter((el) => !el.closest(".table-wrap, pre"))
            .slice(0, 5)
            .map((el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
              + (el.className && typeof el.className === "string" ? "." + el.className.split(" ").join(".") : "")
              + " right=" + Math.round(el.getBoundingClientRect().right));
        }"""
    )


def _session_cookie(user, url: str) -> dict:
    client = Client()
    client.force_login(user)
    return {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": url,
    }


def test_every_persona_every_menu_page_passes_axe_without_overflow(live_server, browser):
    seed_small_demo()
    axe_source = AXE.read_text(encoding="utf-8")
    ARTIFACTS.mkdir(exist_ok=True)
    problems: list[str] = []
    walked = 0
    for username, user in demo_users():
        context = browser.new_context(locale="id-ID", timezone_id="Asia/Jakarta", viewport=None)
        context.add_cookies([_session_cookie(user, live_server.url)])
        page = context.new_page()
        try:
            for name, path in menu_urls(user):
                page.set_viewport_size(dict(zip(("width", "height"), SIZES["desktop"], strict=True)))
                response = page.goto(live_server.url + path)
                assert response.status == 200, f"{username} → {path}: {response.status}"
                page.evaluate(axe_source)
                for size, (width, height) in SIZES.items():
                    page.set_viewport_size({"width": width, "height": height})
                    where = f"{username} {path} ({name}) at {width} px"
                    problems += [f"{where}: {v}" for v in page.evaluate(_RUN_AXE)]
                    scroll_width, inner_width = page.evaluate(_WIDTHS)
                    if scroll_width > inner_width:
                        problems.append(
                            f"{where}: {scroll_width} px wide in a {inner_width} px viewport "
                            f"({', '.join(_wider_than_viewport(page))})"
                        )
                    # JPEG: a long page's PNG takes longer to encode than axe takes to run.
                    shot = ARTIFACTS / f"walk-{username}-{name.replace(':', '-')}-{size}.jpg"
                    page.screenshot(path=str(shot), full_page=True, type="jpeg", quality=70)
                    walked += 1
        finally:
            context.close()
    assert walked > 100, f"the walk opened only {walked} pages"
    assert not problems, f"{len(problems)} findings:\n" + "\n".join(problems)
