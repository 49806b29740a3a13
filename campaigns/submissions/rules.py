"""Whether a submission may still change, and the domain errors of campaigns.

The answers themselves are checked by the one answers form (core.answers, adapted to the
questions in campaigns.submissions.forms); a refusal reaches the caller as AnswersInvalid.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.models import Campaign, Submission


class AnswersInvalid(ValueError):
    """Some answers do not fit their questions; ``errors`` maps question code → message."""

    def __init__(self, errors: dict[str, str], answers: dict):
        super().__init__(_("Beberapa isian belum benar."))
        self.errors = errors
        self.answers = answers


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


# Domain errors of campaigns; each carries an Indonesian message for the user. Those of
# uploads (UploadRefused, UploadClosed) are in campaigns.uploads.rules.


class CampaignError(Exception):
    """A refused campaign action; ``str(error)`` is the message to show."""


class CampaignClosed(CampaignError):
    """The campaign is not open (not published, not yet open, or closed) for this employee."""


class NotTargeted(CampaignError):
    """The employee is not in the campaign's target population."""


class SubmissionLocked(CampaignError):
    """The submission was accepted and can no longer be changed."""


class StaleVersion(CampaignError):
    """The form was based on an older version than the one now stored (two tabs, two devices)."""

    def __init__(self, message: str, current: int):
        super().__init__(message)
        self.current = current


class QuestionGone(CampaignError):
    """The question was deleted (in another tab) while this action was on its way."""
