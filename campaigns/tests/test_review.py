"""Review by BKD staff: the submission list and accept / needs-fix with a reason and a deadline."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from campaigns.models import Submission
from campaigns.review.actions import do_review_submission
from campaigns.submissions.actions import do_submit
from campaigns.submissions.rules import CampaignClosed, CampaignError
from campaigns.tests.helpers import make_campaign, valid_answers
from campaigns.uploads.actions import do_upload_file
from conftest import make_pdf
from core.models import Notification
from people.tests.factories import make_pegawai

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(cast):
    return make_campaign(
        cast.admin, opds=[cast.opd_a, cast.opd_b], closes_at=timezone.now() + dt.timedelta(hours=3)
    )


def _submit(campaign, pegawai, actor, **answers):
    document = do_upload_file(
        campaign, pegawai, campaign.questions.get(code="laporan"), make_pdf("laporan.pdf"), actor=actor
    )
    return do_submit(
        campaign, pegawai, valid_answers(laporan=document.pk, **answers), base_version=0, actor=actor
    )


def test_needs_fix_reopens_the_submission_for_that_employee_only_until_its_deadline(cast, campaign, rina):
    submission = _submit(campaign, rina, cast.pegawai_a)
    other = _submit(campaign, make_pegawai(cast.opd_b, nama="Lain"), cast.admin)
    deadline = campaign.closes_at + dt.timedelta(days=5)
    do_review_submission(
        submission,
        accept=False,
        reason="Dokumen belum ditandatangani",
        fix_deadline=deadline,
        actor=cast.unit_pengolah,
    )
    with time_machine.travel(campaign.closes_at + dt.timedelta(hours=1)):
        fixed = do_submit(campaign, rina, valid_answers(capaian="95", laporan=submission.answers["laporan"]),
                          base_version=1, actor=cast.pegawai_a)  # fmt: skip
        assert fixed.version == 2 and fixed.status == Submission.Status.SUBMITTED
        with pytest.raises(CampaignClosed):  # the others stay closed
            do_submit(campaign, other.pegawai, valid_answers(laporan=other.answers["laporan"]), base_version=1,
                      actor=cast.admin)  # fmt: skip
    with time_machine.travel(deadline + dt.timedelta(minutes=1)):
        assert Submission.objects.get(pk=submission.pk).status == Submission.Status.SUBMITTED


def test_the_employee_sees_the_reason_and_is_notified(cast, campaign, rina, client_for):
    submission = _submit(campaign, rina, cast.pegawai_a)
    do_review_submission(
        submission,
        accept=False,
        reason="Dokumen belum ditandatangani",
        fix_deadline=timezone.now() + dt.timedelta(days=2),
        actor=cast.unit_pengolah,
    )
    page = client_for(cast.pegawai_a).get(
        reverse("campaigns:campaign_submit", kwargs={"slug": campaign.slug})
    )
    assert "Dokumen belum ditandatangani" in page.content.decode()
    assert Notification.objects.filter(recipient=cast.pegawai_a, title__contains="perlu perbaikan").exists()


def test_an_accepted_submission_is_locked(cast, campaign, rina):
    submission = _submit(campaign, rina, cast.pegawai_a)
    do_review_submission(submission, accept=True, actor=cast.unit_pengolah)
    with pytest.raises(CampaignError, match="sudah diterima"):
        do_submit(campaign, rina, valid_answers(laporan=submission.answers["laporan"]), base_version=1,
                  actor=cast.pegawai_a)  # fmt: skip


def test_needs_fix_without_a_reason_or_with_a_past_deadline_is_refused(cast, campaign, rina, client_for):
    submission = _submit(campaign, rina, cast.pegawai_a)
    url = reverse("campaigns:submission_review", kwargs={"slug": campaign.slug, "pk": submission.pk})
    response = client_for(cast.unit_pengolah).post(url, {"decision": "fix", "reason": "", "fix_deadline": ""})
    html = response.content.decode()
    assert "Tuliskan alasan perbaikan." in html and "Tentukan batas perbaikan." in html
    past = (timezone.localtime() - dt.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = client_for(cast.unit_pengolah).post(
        url, {"decision": "fix", "reason": "x", "fix_deadline": past}
    )
    assert "Batas perbaikan harus di masa depan." in response.content.decode()
    assert Submission.objects.get().status == Submission.Status.SUBMITTED


def test_the_reviewer_accepts_from_the_detail_page(cast, campaign, rina, client_for):
    submission = _submit(campaign, rina, cast.pegawai_a)
    client = client_for(cast.unit_pengolah)
    detail = client.get(
        reverse("campaigns:submission_detail", kwargs={"slug": campaign.slug, "pk": submission.pk})
    )
    assert "laporan.pdf" in detail.content.decode()
    url = reverse("campaigns:submission_review", kwargs={"slug": campaign.slug, "pk": submission.pk})
    assert client.post(url, {"decision": "accept"}).status_code == 302
    submission.refresh_from_db()
    assert submission.status == Submission.Status.ACCEPTED and submission.reviewed_by == cast.unit_pengolah


def test_the_submission_list_filters_by_opd_and_status_with_constant_queries(
    cast, campaign, client_for, django_assert_max_num_queries
):
    for i in range(3):
        _submit(campaign, make_pegawai(cast.opd_a, nama=f"A{i}"), cast.admin)
    for i in range(2):
        _submit(campaign, make_pegawai(cast.opd_b, nama=f"B{i}"), cast.admin)
    client = client_for(cast.unit_pengolah)
    url = reverse("campaigns:submission_list", kwargs={"slug": campaign.slug})
    with django_assert_max_num_queries(12):
        everything = client.get(url)
    assert everything.context["page_obj"].paginator.count == 5
    by_opd = client.get(url, {"opd": cast.opd_b.pk})
    assert by_opd.context["page_obj"].paginator.count == 2
    assert client.get(url, {"status": "accepted"}).context["page_obj"].paginator.count == 0
    for i in range(10):
        _submit(campaign, make_pegawai(cast.opd_a, nama=f"C{i}"), cast.admin)
    with django_assert_max_num_queries(12):
        more = client.get(url)
    assert more.status_code == 200 and more.context["page_obj"].paginator.count == 15


def test_the_list_finds_a_submission_by_name_or_the_start_of_the_nip(cast, campaign, client_for):
    siti = make_pegawai(cast.opd_a, nama="Siti Rahmawati")
    _submit(campaign, siti, cast.admin)
    _submit(campaign, make_pegawai(cast.opd_b, nama="Budi Santoso"), cast.admin)
    client = client_for(cast.unit_pengolah)
    url = reverse("campaigns:submission_list", kwargs={"slug": campaign.slug})

    def found(q):
        response = client.get(url, {"q": q})
        assert response.status_code == 200
        return [s.pegawai.nama for s in response.context["page_obj"]]

    assert found("rahma") == ["Siti Rahmawati"]
    assert found(siti.nip) == ["Siti Rahmawati"]
    assert found("tidak ada") == []
    assert "Budi Santoso" in client.get(url, {"q": ""}).text


def test_after_a_verdict_the_reviewer_goes_on_to_the_submission_waiting_longest(cast, campaign, client_for):
    first = _submit(campaign, make_pegawai(cast.opd_a, nama="Pertama"), cast.admin)
    second = _submit(campaign, make_pegawai(cast.opd_b, nama="Kedua"), cast.admin)
    client = client_for(cast.unit_pengolah)
    detail = client.get(
        reverse("campaigns:submission_detail", kwargs={"slug": campaign.slug, "pk": first.pk})
    )
    assert detail.context["next"] == second and 'data-testid="next-submission"' in detail.text

    url = reverse("campaigns:submission_review", kwargs={"slug": campaign.slug, "pk": first.pk})
    response = client.post(url, {"decision": "accept"})
    assert response.url == reverse(
        "campaigns:submission_detail", kwargs={"slug": campaign.slug, "pk": second.pk}
    )
    last = reverse("campaigns:submission_review", kwargs={"slug": campaign.slug, "pk": second.pk})
    assert client.post(last, {"decision": "accept"}).url == reverse(
        "campaigns:submission_list", kwargs={"slug": campaign.slug}
    )


def test_the_history_lists_earlier_review_decisions_beside_the_versions(cast, campaign, rina, client_for):
    submission = _submit(campaign, rina, cast.pegawai_a)
    do_review_submission(
        submission,
        accept=False,
        reason="Dokumen belum ditandatangani",
        fix_deadline=timezone.now() + dt.timedelta(days=2),
        actor=cast.unit_pengolah,
    )
    do_submit(campaign, rina, valid_answers(laporan=submission.answers["laporan"]), base_version=1,
              actor=cast.pegawai_a)  # fmt: skip
    do_review_submission(Submission.objects.get(pk=submission.pk), accept=True, actor=cast.unit_pengolah)
    page = client_for(cast.unit_pengolah).get(
        reverse("campaigns:submission_detail", kwargs={"slug": campaign.slug, "pk": submission.pk})
    )
    kinds = [item["kind"] for item in page.context["history"]]
    assert kinds == ["decision", "version", "decision", "version"]  # newest first
    assert "Dikembalikan untuk diperbaiki" in page.text and "Dokumen belum ditandatangani" in page.text
    assert "Diterima ·" in page.text
