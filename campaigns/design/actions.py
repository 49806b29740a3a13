"""Writes of the campaign admin: campaigns and their questions, each one audited transaction."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.design.files import question_set
from campaigns.models import Campaign, Question
from campaigns.submissions.rules import (
    CampaignError,
    QuestionGone,
)
from core.audit import create_object, record, snapshot, update_fields

CAMPAIGN_FIELDS = (
    "slug",
    "kind",
    "title",
    "period",
    "description",
    "opens_at",
    "closes_at",
    "target_percent",
    "audience",
    "published",
)


QUESTION_FIELDS = (
    "campaign",
    "order",
    "code",
    "label",
    "help_text",
    "kind",
    "required",
    "options",
    "min_value",
    "max_value",
    "allowed_types",
    "max_kb",
    "prefill",
    "show_if_code",
    "show_if_value",
)


@transaction.atomic
def do_create_campaign(*, actor, **fields) -> Campaign:
    campaign = Campaign(created_by=actor if actor is not None and actor.is_authenticated else None, **fields)
    return create_object(campaign, CAMPAIGN_FIELDS, actor=actor, event="kampanye.dibuat")


@transaction.atomic
def do_update_campaign(campaign: Campaign, changes: dict, *, actor) -> bool:
    unknown = set(changes) - set(CAMPAIGN_FIELDS)
    if unknown:
        raise ValueError(f"not campaign fields: {sorted(unknown)}")
    if changes.get("slug", campaign.slug) != campaign.slug:
        # The slug names the campaign in links, exports and reminders: it never changes.
        raise CampaignError(_("Kode kampanye tidak dapat diubah."))
    return update_fields(campaign, changes, actor=actor, event="kampanye.diubah")


@transaction.atomic
def do_publish_campaign(campaign: Campaign, *, actor, published: bool = True) -> bool:
    if published and not campaign.questions.exists():
        raise CampaignError(_("Tambahkan paling sedikit satu pertanyaan sebelum menerbitkan kampanye."))
    changes = {"published": published}
    if published and campaign.published_at is None:
        changes["published_at"] = timezone.now()
    return update_fields(
        campaign, changes, actor=actor, event="kampanye.diterbitkan" if published else "kampanye.ditarik"
    )


def _check_condition(campaign: Campaign, code: str, order: int, exclude_pk=None) -> None:
    if not code:
        return
    earlier = campaign.questions.filter(code=code, order__lt=order).exclude(pk=exclude_pk)
    if not earlier.exists():
        raise CampaignError(
            _("Syarat tampil harus merujuk ke kode pertanyaan sebelumnya (%(code)s tidak ditemukan).")
            % {"code": code}
        )


@transaction.atomic
def do_add_question(campaign: Campaign, *, actor, **fields) -> Question:
    if "order" not in fields:
        fields["order"] = (campaign.questions.aggregate(top=Max("order"))["top"] or 0) + 1
    _check_condition(campaign, fields.get("show_if_code", ""), fields["order"])
    question = Question(campaign=campaign, **fields)
    return create_object(question, QUESTION_FIELDS, actor=actor, event="kampanye.pertanyaan_ditambah")


@transaction.atomic
def do_add_question_set(campaign: Campaign, name: str, *, year: int, actor) -> list[Question]:
    """Give a campaign without questions those of a standard question set
    (campaigns/content/question_sets/, for ``year``), each audited as if added by hand."""
    if campaign.questions.exists():
        raise CampaignError(
            _("Set pertanyaan hanya dapat dipakai untuk kampanye yang belum punya pertanyaan.")
        )
    found = question_set(name, year=year)
    return [do_add_question(campaign, actor=actor, **fields) for fields in found.questions]


def _lock_question(question: Question) -> None:
    """Lock the question's row, or say it is gone (deleted in another tab meanwhile)."""
    if not Question.objects.select_for_update().filter(pk=question.pk).exists():
        raise QuestionGone(
            _("Pertanyaan ini sudah dihapus; muat ulang halaman untuk melihat urutan terbaru.")
        )


@transaction.atomic
def do_update_question(question: Question, changes: dict, *, actor) -> bool:
    _lock_question(question)
    if "code" in changes and changes["code"] != question.code and question.campaign.submissions.exists():
        # Stored answers are keyed by the code: renaming would orphan them.
        raise CampaignError(_("Kode pertanyaan tidak dapat diubah setelah ada isian masuk."))
    _check_condition(
        question.campaign, changes.get("show_if_code", question.show_if_code), question.order, question.pk
    )
    return update_fields(question, changes, actor=actor, event="kampanye.pertanyaan_diubah")


@transaction.atomic
def do_delete_question(question: Question, *, actor) -> None:
    _lock_question(question)  # a second delete must not write a second audit row
    dependants = question.campaign.questions.filter(show_if_code=question.code).exclude(pk=question.pk)
    if dependants.exists():
        raise CampaignError(
            _("Pertanyaan ini menjadi syarat tampil pertanyaan lain (%(codes)s); ubah dulu pertanyaan itu.")
            % {"codes": ", ".join(dependants.values_list("code", flat=True))}
        )
    # Answers already given stay in the stored versions; only the question goes.
    record(
        actor=actor,
        event="kampanye.pertanyaan_dihapus",
        obj=question,
        before=snapshot(question, QUESTION_FIELDS),
    )
    question.delete()


@transaction.atomic
def do_move_question(question: Question, *, direction: int, actor) -> bool:
    """Swap the question with its neighbour above (direction -1) or below (+1)."""
    siblings = list(question.campaign.questions.select_for_update().order_by("order", "id"))
    index = next((i for i, q in enumerate(siblings) if q.pk == question.pk), None)
    if index is None:
        # Deleted in another tab between the view's lookup and this locked read.
        raise QuestionGone(
            _("Pertanyaan ini sudah dihapus; muat ulang halaman untuk melihat urutan terbaru.")
        )
    other = index + (1 if direction > 0 else -1)
    if not 0 <= other < len(siblings):
        return False
    siblings[index], siblings[other] = siblings[other], siblings[index]
    # A question must stay after the one its condition refers to.
    seen: set[str] = set()
    for q in siblings:
        if q.show_if_code and q.show_if_code not in seen:
            raise CampaignError(_("Pertanyaan bersyarat harus tetap berada setelah pertanyaan syaratnya."))
        seen.add(q.code)
    before = {q.code: q.order for q in siblings}
    for position, q in enumerate(siblings, start=1):
        q.order = position
    Question.objects.bulk_update(siblings, ["order"])
    record(
        actor=actor,
        event="kampanye.pertanyaan_diurutkan",
        obj=question.campaign,
        before=before,
        after={q.code: q.order for q in siblings},
    )
    return True
