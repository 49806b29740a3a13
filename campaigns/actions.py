"""Every write of the campaigns core: campaigns, questions, submissions, reviews.

Each action runs in one transaction and writes its audit row(s). Uploads are in
campaigns/actions_upload.py.
"""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.audience import is_targeted
from campaigns.errors import (
    CampaignClosed,
    CampaignError,
    NotTargeted,
    QuestionGone,
    StaleVersion,
    SubmissionLocked,
)
from campaigns.models import Campaign, Question, Submission, SubmissionVersion, UploadSession
from campaigns.prefill import facts_of
from campaigns.validation import clean_answers
from core.audit import create_object, record, snapshot, update_fields
from core.notifications import do_notify

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


# --- Campaigns and questions -------------------------------------------------------------


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


# --- Submitting --------------------------------------------------------------------------


def can_edit(campaign: Campaign, submission: Submission | None, now: dt.datetime | None = None) -> bool:
    """Open campaign, or a needs-fix submission still within its own deadline."""
    now = now or timezone.now()
    if submission is not None and submission.status == Submission.Status.ACCEPTED:
        return False
    if campaign.is_open(now):
        return True
    return (
        submission is not None
        and campaign.published
        and submission.status == Submission.Status.NEEDS_FIX
        and submission.fix_deadline is not None
        and now < submission.fix_deadline
    )


def check_editable(campaign: Campaign, submission: Submission | None, now: dt.datetime | None = None) -> None:
    """Raise the reason the form is read-only for this employee, if it is."""
    now = now or timezone.now()
    if can_edit(campaign, submission, now):
        return
    if submission is not None and submission.status == Submission.Status.ACCEPTED:
        raise SubmissionLocked(_("Isian ini sudah diterima dan tidak dapat diubah lagi."))
    if not campaign.published or now < campaign.opens_at:
        raise CampaignClosed(_("Kampanye ini belum dibuka."))
    raise CampaignClosed(_("Kampanye ini sudah ditutup; isian tidak dapat dikirim atau diubah lagi."))


def uploads_of(campaign: Campaign, pegawai) -> dict[str, set[int]]:
    """{question code: ids of the documents this employee uploaded for it} (one query)."""
    found: dict[str, set[int]] = {}
    for code, document_id in UploadSession.objects.filter(
        campaign=campaign, pegawai=pegawai, status=UploadSession.Status.COMPLETE, document__isnull=False
    ).values_list("question_code", "document_id"):
        found.setdefault(code, set()).add(document_id)
    return found


def do_submit(
    campaign: Campaign,
    pegawai,
    raw_answers: dict,
    *,
    base_version: int,
    actor,
    on_behalf: bool = False,
    now: dt.datetime | None = None,
) -> Submission:
    """Store a new version of the employee's answers (the first one creates the submission).

    ``base_version`` is the version the form was opened on (0 for a new one). If another
    tab or device saved since, StaleVersion is raised and nothing is written: the caller
    shows the form again with the user's own input and the newer version number, so a
    second send is a deliberate overwrite (and both versions are kept).
    Raises AnswersInvalid, CampaignClosed, SubmissionLocked, NotTargeted, StaleVersion.
    """
    now = now or timezone.now()
    if not is_targeted(campaign, pegawai):
        raise NotTargeted(_("%(nama)s tidak termasuk sasaran kampanye ini.") % {"nama": pegawai.nama_lengkap})
    questions = list(campaign.questions.order_by("order", "id"))
    keys = {q.prefill for q in questions if q.prefill}
    answers = clean_answers(
        questions, raw_answers, facts=facts_of(pegawai, keys), documents=uploads_of(campaign, pegawai)
    )
    actor_user = actor if actor is not None and actor.is_authenticated else None
    with transaction.atomic():
        submission = Submission.objects.select_for_update().filter(campaign=campaign, pegawai=pegawai).first()
        created = False
        if submission is None:
            check_editable(campaign, None, now)
            submission = Submission(
                campaign=campaign,
                pegawai=pegawai,
                opd_id=pegawai.opd_id,
                answers=answers,
                version=1,
                submitted_by=actor_user,
                on_behalf=on_behalf,
                submitted_at=now,
                updated_at=now,
            )
            try:
                with transaction.atomic():  # a savepoint: another tab may have created it just now
                    submission.save(force_insert=True)
                created = True
            except IntegrityError:
                submission = Submission.objects.select_for_update().get(campaign=campaign, pegawai=pegawai)
        if not created:
            check_editable(campaign, submission, now)
            if base_version != submission.version:
                raise StaleVersion(
                    _(
                        "Isian ini sudah diubah di tab atau perangkat lain (versi %(version)s) setelah "
                        "formulir ini dibuka. Jawaban Anda belum disimpan: periksa lalu kirim lagi."
                    )
                    % {"version": submission.version},
                    current=submission.version,
                )
            before = {
                "version": submission.version,
                "status": submission.status,
                "answers": submission.answers,
            }
            submission.version += 1
            submission.answers = answers
            submission.opd_id = pegawai.opd_id
            submission.submitted_by = actor_user
            submission.on_behalf = on_behalf
            submission.updated_at = now
            if submission.status == Submission.Status.NEEDS_FIX:
                submission.status = Submission.Status.SUBMITTED
            submission.save()
        SubmissionVersion.objects.create(
            submission=submission,
            number=submission.version,
            answers=answers,
            created_at=now,
            created_by=actor_user,
            on_behalf=on_behalf,
        )
        record(
            actor=actor,
            event="kampanye.isian_dikirim" if created else "kampanye.isian_diubah",
            obj=submission,
            object_repr=f"{campaign.slug} · {pegawai.nip}",
            before={} if created else before,
            after={
                "version": submission.version,
                "status": submission.status,
                "answers": answers,
                "on_behalf": on_behalf,
            },
        )
    return submission


# --- Review ------------------------------------------------------------------------------


@transaction.atomic
def do_review_submission(
    submission: Submission,
    *,
    accept: bool,
    actor,
    reason: str = "",
    fix_deadline: dt.datetime | None = None,
    now: dt.datetime | None = None,
) -> Submission:
    """Accept, or ask for a fix with a reason and a deadline that reopens it for this employee."""
    now = now or timezone.now()
    submission = (
        Submission.objects.select_for_update().select_related("campaign", "pegawai").get(pk=submission.pk)
    )
    if accept:
        changes = {"status": Submission.Status.ACCEPTED, "fix_reason": "", "fix_deadline": None}
    else:
        reason = reason.strip()
        if not reason:
            raise CampaignError(_("Tuliskan alasan perbaikan."))
        if fix_deadline is None or fix_deadline <= now:
            raise CampaignError(_("Batas perbaikan harus di masa depan."))
        changes = {"status": Submission.Status.NEEDS_FIX, "fix_reason": reason, "fix_deadline": fix_deadline}
    update_fields(
        submission,
        {**changes, "reviewed_by": actor, "reviewed_at": now},
        actor=actor,
        event="kampanye.isian_diterima" if accept else "kampanye.isian_perlu_perbaikan",
    )
    user = submission.pegawai.user
    if not accept and user is not None:
        do_notify(
            [user],
            title=_("Isian %(campaign)s perlu perbaikan") % {"campaign": submission.campaign.title},
            body=reason,
            url=reverse("campaigns:campaign_submit", kwargs={"slug": submission.campaign.slug}),
            actor=actor,
            event="kampanye.perbaikan_diminta",
        )
    return submission
