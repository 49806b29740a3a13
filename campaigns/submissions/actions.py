"""Submitting answers: one transaction, one new version, one audit row per submit.

The campaign and its questions are written by campaigns.design.actions, reviews by
campaigns.review.actions, uploads by campaigns.uploads.actions.
"""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.models import Campaign, Submission, SubmissionVersion
from campaigns.submissions.forms import answers_form
from campaigns.submissions.queries import facts_of, is_targeted, uploads_of
from campaigns.submissions.rules import AnswersInvalid, NotTargeted, StaleVersion, check_editable
from core.audit import record

# --- Campaigns and questions -------------------------------------------------------------


# --- Submitting --------------------------------------------------------------------------


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
    form = answers_form(
        questions, raw_answers, facts=facts_of(pegawai, keys), documents=uploads_of(campaign, pegawai)
    )
    answers = form.cleaned_answers()
    if not form.is_valid():
        raise AnswersInvalid(form.answer_errors(), answers)
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
