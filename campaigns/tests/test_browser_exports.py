"""The campaign export list follows every running job with the shared job-progress.js (one
table row per job) and reloads once all have finished, in real Chromium."""

from __future__ import annotations

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from campaigns.exports.files import FILES_EXPORT
from campaigns.tests.participation_helpers import simple_campaign
from core.models import ExportJob

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_export_list_shows_each_jobs_progress_and_the_links_once_all_are_done(
    cast, login_page, live_server
):
    campaign = simple_campaign(cast, files=1)
    jobs = [
        ExportJob.objects.create(
            owner=cast.admin,
            kind=FILES_EXPORT.key,
            params={"slug": campaign.slug, "opd": opd.pk},
            title=f"Berkas {campaign.title} · {opd.name}",
            filename=f"berkas-{campaign.slug}-{opd.code}.zip",
            status=ExportJob.Status.DIPROSES,
        )
        for opd in (cast.opd_a, cast.opd_b)
    ]
    page = login_page(cast.admin.username)
    page.goto(f"{live_server.url}/kampanye/{campaign.slug}/unduh/")
    first, second = (page.locator(f'tr[data-job="{job.pk}"]') for job in jobs)
    expect(first.locator('[data-field="done"]')).to_have_text("0")

    # One job advances and finishes, the other still runs: its row moves, no reload yet.
    ExportJob.objects.filter(pk=jobs[0].pk).update(
        status=ExportJob.Status.SELESAI, done=3, total=3, file="exports/a.zip", finished_at=timezone.now()
    )
    ExportJob.objects.filter(pk=jobs[1].pk).update(done=1, total=4)
    expect(first.locator('[data-field="done"]')).to_have_text("3", timeout=10_000)
    expect(second.locator('[data-field="total"]')).to_have_text("4")
    expect(page.get_by_test_id("download-zip")).to_have_count(0)

    # Both finished: the page reloads itself and offers both ZIPs.
    ExportJob.objects.filter(pk=jobs[1].pk).update(
        status=ExportJob.Status.SELESAI, done=4, file="exports/b.zip", finished_at=timezone.now()
    )
    expect(page.get_by_test_id("download-zip")).to_have_count(2, timeout=10_000)
