"""The review of a submission by BKD staff: accepted, or sent back for a fix with a deadline."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.models import Submission
from campaigns.submissions.rules import (
    CampaignError,
)
from core.audit import update_fields
from core.notifications.actions import do_notify


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
