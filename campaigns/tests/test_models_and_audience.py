"""Database constraints and the target population of a campaign."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from campaigns.design.actions import do_add_question, do_create_campaign
from campaigns.models import Campaign, Question, Submission
from campaigns.submissions.queries import is_targeted, matches, targeted_pegawai
from campaigns.submissions.rules import CampaignError
from campaigns.tests.helpers import make_campaign
from people.models import JenisJabatan, Pegawai
from people.tests.factories import make_pegawai

pytestmark = pytest.mark.django_db


def test_a_campaign_must_close_after_it_opens(cast):
    now = timezone.now()
    with pytest.raises(Exception, match="Waktu tutup harus setelah waktu buka"):
        do_create_campaign(actor=cast.admin, slug="x", kind="survey", title="X", opens_at=now, closes_at=now)


def test_a_question_code_is_unique_within_its_campaign(cast):
    campaign = make_campaign(cast.admin)
    with pytest.raises(Exception, match="sudah dipakai"):
        do_add_question(campaign, actor=cast.admin, code="capaian", label="Lagi", kind="text")


def test_a_condition_must_refer_to_an_earlier_question(cast):
    campaign = make_campaign(cast.admin)
    with pytest.raises(CampaignError, match="pertanyaan sebelumnya"):
        do_add_question(campaign, actor=cast.admin, code="z", label="Z", kind="text", show_if_code="tidak_ada",
                        show_if_value="ya")  # fmt: skip


def test_one_submission_per_campaign_and_employee_is_enforced_by_the_database(cast):
    campaign = make_campaign(cast.admin)
    rina = make_pegawai(cast.opd_a, nama="Rina")
    Submission.objects.create(campaign=campaign, pegawai=rina, opd=cast.opd_a)
    with pytest.raises(IntegrityError), transaction.atomic():
        Submission.objects.create(campaign=campaign, pegawai=rina, opd=cast.opd_a)


def test_min_must_not_exceed_max(cast):
    campaign = make_campaign(cast.admin)
    with pytest.raises(Exception, match="tidak boleh lebih kecil"):
        do_add_question(
            campaign, actor=cast.admin, code="n", label="N", kind="number", min_value=5, max_value=1
        )


@pytest.fixture
def people(cast):
    return {
        "a_pelaksana": make_pegawai(cast.opd_a, nama="A Pelaksana"),
        "a_fungsional": make_pegawai(cast.opd_a, nama="A Fungsional", jenis_jabatan=JenisJabatan.FUNGSIONAL),
        "b_fungsional": make_pegawai(cast.opd_b, nama="B Fungsional", jenis_jabatan=JenisJabatan.FUNGSIONAL),
        "b_pensiun": make_pegawai(cast.opd_b, nama="B Pensiun", status=Pegawai.Status.PENSIUN),
        "b_pppk": make_pegawai(cast.opd_b, nama="B PPPK", jenis_pegawai=Pegawai.Jenis.PPPK),
    }


@pytest.mark.parametrize(
    ("audience", "expected"),
    [
        ({}, {"a_pelaksana", "a_fungsional", "b_fungsional", "b_pppk"}),
        ({"opds": "A"}, {"a_pelaksana", "a_fungsional"}),
        ({"jenis_jabatan": ["fungsional"]}, {"a_fungsional", "b_fungsional"}),
        ({"jenis_pegawai": ["pns", "cpns"]}, {"a_pelaksana", "a_fungsional", "b_fungsional"}),
        ({"status": ["pensiun"]}, {"b_pensiun"}),
        ({"opds": "B", "jenis_jabatan": ["fungsional"]}, {"b_fungsional"}),
    ],
)
def test_the_audience_filter_selects_the_target_population(cast, people, audience, expected):
    if audience.get("opds") == "A":
        audience["opds"] = [cast.opd_a.pk]
    elif audience.get("opds") == "B":
        audience["opds"] = [cast.opd_b.pk]
    campaign = Campaign(audience=audience)
    names = {
        key
        for key, p in people.items()
        if p.pk in set(targeted_pegawai(campaign).values_list("pk", flat=True))
    }
    assert names == expected
    # The in-Python rule (dashboard) and the single-row check agree with the queryset.
    assert {key for key, p in people.items() if matches(audience, p)} == expected
    assert {key for key, p in people.items() if is_targeted(campaign, p)} == expected


def test_targeted_pegawai_is_one_query_whatever_the_size(cast, people, django_assert_num_queries):
    campaign = Campaign(audience={"opds": [cast.opd_a.pk, cast.opd_b.pk]})
    with django_assert_num_queries(1):
        assert targeted_pegawai(campaign).count() == 4


def test_answers_by_pegawai_is_one_query(cast, django_assert_num_queries):
    from campaigns.submissions.queries import answers_by_pegawai

    campaign = make_campaign(cast.admin)
    rina = make_pegawai(cast.opd_a, nama="Rina")
    Submission.objects.create(campaign=campaign, pegawai=rina, opd=cast.opd_a, answers={"capaian": 90})
    with django_assert_num_queries(1):
        assert answers_by_pegawai(campaign.slug) == {rina.pk: {"capaian": 90}}


def test_the_question_kinds_have_indonesian_labels():
    assert Question.Kind.YES_NO.label == "Ya/Tidak"
