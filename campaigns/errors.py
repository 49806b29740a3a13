"""Domain errors of campaigns; each carries an Indonesian message for the user."""

from __future__ import annotations


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


class UploadRefused(CampaignError):
    """An upload (chunk, declared size or type, final content) was refused."""


class UploadClosed(UploadRefused):
    """The upload is over (finished, refused or expired): resending cannot help; start anew."""
