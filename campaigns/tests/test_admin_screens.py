"""The Admin defines a campaign and its questions through the screens."""

from __future__ import annotations

import pytest
from django.urls import reverse

from campaigns.models import Campaign, Question

pytestmark = pytest.mark.django_db

CAMPAIGN = {
    "slug": "survei-uji",
    "kind": "survey",
    "title": "Survei Uji",
    "period": "2025",
    "description": "",
    "opens_at": "2026-03-01T08:00",
    "closes_at": "2026-03-31T23:59",
    "target_percent": "90",
}


def test_the_admin_creates_a_campaign_targeting_two_opds(cast, client_for):
    client = client_for(cast.admin)
    response = client.post(
        reverse("campaigns:campaign_create"),
        {**CAMPAIGN, "opds": [cast.opd_a.pk, cast.opd_b.pk], "jenis_jabatan": ["fungsional"]},
    )
    assert response.status_code == 302
    campaign = Campaign.objects.get()
    assert campaign.audience == {
        "opds": sorted([cast.opd_a.pk, cast.opd_b.pk]),
        "jenis_jabatan": ["fungsional"],
    }
    assert campaign.created_by == cast.admin and not campaign.published
    assert campaign.opens_at.isoformat() == "2026-03-01T01:00:00+00:00"  # read in Asia/Jakarta


def test_closing_before_opening_is_refused_with_a_message(cast, client_for):
    response = client_for(cast.admin).post(
        reverse("campaigns:campaign_create"), {**CAMPAIGN, "closes_at": "2026-02-01T08:00"}
    )
    assert "Waktu tutup harus setelah waktu buka." in response.content.decode()
    assert not Campaign.objects.exists()


def _created(cast, client):
    client.post(reverse("campaigns:campaign_create"), CAMPAIGN)
    return Campaign.objects.get()


def test_questions_are_added_edited_reordered_and_deleted(cast, client_for):
    client = client_for(cast.admin)
    campaign = _created(cast, client)
    add = reverse("campaigns:question_add", kwargs={"slug": campaign.slug})
    base = {"required": "on", "help_text": "", "prefill": "", "show_if_code": "", "show_if_value": ""}
    assert (
        client.post(add, {**base, "code": "tugas", "label": "Tugas tambahan?", "kind": "yes_no"}).status_code
        == 302
    )
    assert (
        client.post(
            add,
            {
                **base,
                "code": "uraian",
                "label": "Uraian",
                "kind": "text",
                "show_if_code": "tugas",
                "show_if_value": "ya",
            },
        ).status_code
        == 302
    )
    assert (
        client.post(
            add,
            {
                **base,
                "code": "kendala",
                "label": "Kendala",
                "kind": "choice",
                "options_text": "Tidak ada\nFormasi\n",
            },
        ).status_code
        == 302
    )
    assert (
        client.post(
            add,
            {
                **base,
                "code": "berkas",
                "label": "Berkas",
                "kind": "file",
                "allowed": ["pdf"],
                "max_kb": "500",
            },
        ).status_code
        == 302
    )
    assert list(campaign.questions.values_list("code", flat=True)) == ["tugas", "uraian", "kendala", "berkas"]
    assert campaign.questions.get(code="kendala").options == ["Tidak ada", "Formasi"]
    assert campaign.questions.get(code="berkas").allowed_types == ["pdf"]
    # A choice needs two options; a clear message and nothing added.
    response = client.post(add, {**base, "code": "x", "label": "X", "kind": "choice", "options_text": "Satu"})
    assert "paling sedikit dua pilihan" in response.content.decode()
    # The conditional question cannot move above the one it depends on.
    uraian = campaign.questions.get(code="uraian")
    move = reverse("campaigns:question_move", kwargs={"slug": campaign.slug, "pk": uraian.pk})
    page = client.post(move, {"direction": "up"}, follow=True)
    assert "setelah pertanyaan syaratnya" in page.content.decode()
    kendala = campaign.questions.get(code="kendala")
    client.post(
        reverse("campaigns:question_move", kwargs={"slug": campaign.slug, "pk": kendala.pk}),
        {"direction": "up"},
    )
    assert list(campaign.questions.order_by("order").values_list("code", flat=True)) == [
        "tugas",
        "kendala",
        "uraian",
        "berkas",
    ]
    # The question another depends on cannot be deleted first.
    tugas = campaign.questions.get(code="tugas")
    page = client.post(
        reverse("campaigns:question_delete", kwargs={"slug": campaign.slug, "pk": tugas.pk}), follow=True
    )
    assert "menjadi syarat tampil" in page.content.decode()
    client.post(reverse("campaigns:question_delete", kwargs={"slug": campaign.slug, "pk": uraian.pk}))
    assert not Question.objects.filter(code="uraian").exists()
    edit = reverse("campaigns:question_edit", kwargs={"slug": campaign.slug, "pk": tugas.pk})
    client.post(edit, {**base, "code": "tugas", "label": "Ada tugas tambahan?", "kind": "yes_no"})
    assert Question.objects.get(pk=tugas.pk).label == "Ada tugas tambahan?"


def test_publishing_needs_a_question(cast, client_for):
    client = client_for(cast.admin)
    campaign = _created(cast, client)
    publish = reverse("campaigns:campaign_publish", kwargs={"slug": campaign.slug})
    page = client.post(publish, {"publish": "1"}, follow=True)
    assert "paling sedikit satu pertanyaan" in page.content.decode()
    client.post(
        reverse("campaigns:question_add", kwargs={"slug": campaign.slug}),
        {"code": "a", "label": "A", "kind": "text", "required": "on"},
    )
    client.post(publish, {"publish": "1"})
    campaign.refresh_from_db()
    assert campaign.published and campaign.published_at is not None


def test_the_slug_cannot_be_changed_on_edit(cast, client_for):
    client = client_for(cast.admin)
    campaign = _created(cast, client)
    url = reverse("campaigns:campaign_edit", kwargs={"slug": campaign.slug})
    client.post(url, {**CAMPAIGN, "slug": "lain", "title": "Judul baru"})
    campaign.refresh_from_db()
    assert campaign.slug == "survei-uji" and campaign.title == "Judul baru"


def test_the_campaign_list_is_paginated_with_constant_queries(
    cast, client_for, django_assert_max_num_queries
):
    from campaigns.tests.helpers import make_campaign

    for i in range(3):
        make_campaign(cast.admin, slug=f"k-{i}")
    client = client_for(cast.admin)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("campaigns:campaign_list"))
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 3
