"""The SI JAFUNG monitoring on a (small) demo province, in real Chromium: the OPDs are ranked by
coaching need and each flag links to the officials behind it."""

from __future__ import annotations

import pytest
from django.utils import timezone

from demo.org import DEMO_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_province():
    from conftest import ensure_reference_tables
    from demo.campaigns import seed_demo_campaigns
    from demo.org import seed_minimal_demo
    from demo.people import seed_demo_pegawai

    ensure_reference_tables()
    year = timezone.localdate().year
    seed_minimal_demo(holiday_years=[year])
    seed_demo_pegawai(400, 2026)
    seed_demo_campaigns(2026)


def test_bkd_staff_see_the_demo_opds_ranked_and_follow_a_flag_to_its_officials(
    demo_province, live_server, login_page, screenshot
):
    page = login_page("kepala.bidang", DEMO_PASSWORD)
    page.wait_for_url("**/")
    page.goto(f"{live_server.url}/jafung/")
    rows = page.locator("[data-testid=jafung-ranking] tbody tr")
    assert rows.count() > 1
    scores = [float(s.replace(",", ".")) for s in page.locator("[data-testid=score]").all_inner_texts()]
    assert scores == sorted(scores, reverse=True) and scores[0] > 0
    screenshot("jafung-ranking")
    # The first OPD's busiest flag: its count is a link, and the drill-down lists that many officials.
    first = rows.first
    link = first.locator("td[data-flag] a").first
    expected = int(link.inner_text())
    link.click()
    page.wait_for_url("**/jafung/opd/**flag=*")
    officials = page.locator("[data-testid=jafung-officials] tbody tr")
    assert officials.count() == min(expected, 50)
    flag = page.url.rsplit("flag=", 1)[1]
    assert officials.first.locator(f"[data-flag={flag}]").count() == 1
    screenshot("jafung-drilldown")
