"""In real Chromium at phone width: the Admin starts SI JAFUNG from the standard question set."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from campaigns.models import Campaign

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_admin_starts_a_campaign_from_a_question_set_on_a_phone(cast, login_page, screenshot):
    page = login_page(cast.admin.username)
    page.wait_for_url("**/")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(page.url.rstrip("/") + "/kampanye/baru/")
    picker = page.get_by_test_id("question-set-picker")
    picker.get_by_label("Set pertanyaan standar").select_option("si-jafung")
    picker.get_by_label("Tahun").fill("2026")
    picker.get_by_role("button", name="Isi dari set").click()
    page.wait_for_url("**/kampanye/baru/?set=si-jafung*")
    assert page.locator("[name=slug]").input_value() == "si-jafung-2026"
    assert page.locator("[name=title]").input_value() == "SI JAFUNG 2026"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing wider than the phone
    now = timezone.localtime()
    page.locator("[name=opens_at]").fill((now - dt.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"))
    page.locator("[name=closes_at]").fill((now + dt.timedelta(days=20)).strftime("%Y-%m-%dT%H:%M"))
    screenshot("filled")
    page.get_by_role("button", name="Buat kampanye").click()
    page.wait_for_url("**/kampanye/si-jafung-2026/ubah/")
    assert page.get_by_test_id("question-list").locator("li").count() == 10
    campaign = Campaign.objects.get(slug="si-jafung-2026")
    assert campaign.audience == {"jenis_jabatan": ["fungsional"]} and not campaign.published
