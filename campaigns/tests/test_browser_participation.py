"""Participation end to end in real Chromium: a Pegawai submits with a PDF, the page updates by
itself, the other OPD's operator sees only theirs, and the reminder run reminds only the missing."""

from __future__ import annotations

import datetime as dt
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from campaigns.tests.participation_helpers import simple_campaign, submit
from campaigns.tests.test_reminders import employee_with_account
from conftest import PASSWORD
from core.models import Notification
from people.tests.factories import make_pegawai

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def login_in_new_context(browser, live_server, username):
    context = browser.new_context(locale="id-ID", timezone_id="Asia/Jakarta")
    page = context.new_page()
    page.goto(f"{live_server.url}/akun/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{live_server.url}/")
    return page


def test_participation_updates_live_is_scoped_and_reminders_reach_only_the_missing(
    cast, browser, live_server, login_page, page, tmp_path, screenshot
):
    now = timezone.now()
    # Closes in two days: the H-3 reminder is due when the command runs below.
    campaign = simple_campaign(
        cast,
        slug="like-asn-uji",
        opens_at=now - dt.timedelta(days=3),
        closes_at=now + dt.timedelta(days=2),
        files=1,
    )
    make_pegawai(cast.opd_a, nama="Rina Marlina", gender="P", user=cast.pegawai_a)
    colleague = employee_with_account(cast.opd_a, "rekan.dinkes")
    budi = employee_with_account(cast.opd_b, "budi.dishub")
    done_b = employee_with_account(cast.opd_b, "sudah.dishub")
    submit(campaign, done_b, cast.admin, pdf_text="dishub")
    pdf = tmp_path / "laporan-kinerja.pdf"
    pdf.write_bytes(b"%PDF-1.4\n" + b"% laporan kinerja\n" * 2000 + b"%%EOF\n")

    # BKD's view, with a controllable clock so the 30-second refresh can be fast-forwarded.
    page.clock.install()
    admin = login_page(cast.admin.username)
    admin.wait_for_url("**/")
    admin.goto(f"{live_server.url}/kampanye/{campaign.slug}/partisipasi/")
    row_a = admin.locator(f'tr[data-opd="{cast.opd_a.pk}"]')
    expect(row_a.locator('[data-field="target"]')).to_have_text("2")
    expect(row_a.locator('[data-field="submitted"]')).to_have_text("0")
    expect(admin.locator("#participation-chart")).to_have_attribute("data-drawn", "1")

    # The Pegawai submits with a PDF through the real form (the chunked upload runs in the page).
    pegawai = login_in_new_context(browser, live_server, cast.pegawai_a.username)
    pegawai.goto(f"{live_server.url}/kampanye/{campaign.slug}/isi/")
    pegawai.get_by_label("Capaian (%)").fill("87,5")
    pegawai.get_by_label("Berkas 1").set_input_files(str(pdf))
    expect(pegawai.locator("[data-document-input]")).to_have_value(re.compile(r"^\d+$"))
    pegawai.get_by_role("button", name="Kirim isian").click()
    expect(pegawai.get_by_test_id("submission-status")).to_contain_text("Terkirim")
    pegawai.context.close()

    # The participation page picks the submission up at its next refresh, without a reload.
    admin.clock.fast_forward(31_000)
    expect(row_a.locator('[data-field="submitted"]')).to_have_text("1")
    expect(row_a.locator('[data-field="percent_label"]')).to_have_text("50,0")
    expect(admin.locator('tr[data-opd="total"] [data-field="submitted"]')).to_have_text("2")
    screenshot("bkd-participation")

    # The Operator OPD of the other OPD sees only their own OPD, and OPD A's list is a 404.
    operator = login_in_new_context(browser, live_server, cast.operator_b.username)
    operator.goto(f"{live_server.url}/kampanye/{campaign.slug}/partisipasi/")
    expect(operator.locator("tbody tr[data-opd]")).to_have_count(1)
    expect(operator.locator(f'tr[data-opd="{cast.opd_b.pk}"] [data-field="submitted"]')).to_have_text("1")
    expect(operator.locator(f'tr[data-opd="{cast.opd_a.pk}"]')).to_have_count(0)
    operator.get_by_role("link", name="Dinas Perhubungan").click()
    expect(operator.locator("tbody tr[data-pegawai]")).to_have_count(1)
    expect(operator.locator(f'tr[data-pegawai="{budi.pk}"]')).to_be_visible()
    response = operator.goto(f"{live_server.url}/kampanye/{campaign.slug}/partisipasi/{cast.opd_a.pk}/belum/")
    assert response.status == 404
    operator.context.close()

    # The reminder run reaches only the targeted employees who have not submitted; a rerun sends nothing.
    out = StringIO()
    call_command("send_campaign_reminders", stdout=out)
    assert "H-3: 2 pengingat" in out.getvalue()
    reminded = set(
        Notification.objects.filter(title__startswith="Pengingat").values_list(
            "recipient__username", flat=True
        )
    )
    assert reminded == {colleague.user.username, budi.user.username}
    out = StringIO()
    call_command("send_campaign_reminders", stdout=out)
    assert "0 pemberitahuan" in out.getvalue()
    assert Notification.objects.filter(title__startswith="Pengingat").count() == 2
