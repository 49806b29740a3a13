"""Why an upload is refused: the domain errors of uploads."""

from __future__ import annotations

from campaigns.submissions.rules import CampaignError


class UploadRefused(CampaignError):
    """An upload (chunk, declared size or type, final content) was refused."""


class UploadClosed(UploadRefused):
    """The upload is over (finished, refused or expired): resending cannot help; start anew."""
