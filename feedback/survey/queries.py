"""Reads of the survey for other screens: the survey offer of a finished request, as the
public tracker of layanan shows it (registered in ``feedback.apps``)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from feedback.models import SurveyInvitation
from feedback.survey.actions import survey_url
from layanan.tracking.queries import FollowUp


def tracker_follow_up(request) -> FollowUp | None:
    """The survey link of a finished request while unused; a thank-you once answered; nothing
    when the request had no offer. The tracker asks only for finished requests, and only after
    the number and the applicant's NIP matched: the same person the notification reached."""
    invitation = (
        SurveyInvitation.objects.filter(source=SurveyInvitation.Source.LAYANAN, object_id=str(request.pk))
        .only("token", "used_at")
        .first()
    )
    if invitation is None:
        return None
    if invitation.used_at is not None:
        return FollowUp("survey", _("Survei kepuasan untuk permohonan ini sudah diisi. Terima kasih."))
    return FollowUp(
        "survey",
        _("Isi survei kepuasan (sembilan pertanyaan, sekitar dua menit; sekali per permohonan)"),
        survey_url(invitation),
    )


def invitation_by_token(token: str) -> SurveyInvitation:
    """The invitation behind a survey link: the token is the respondent's only key; 404 for
    any other."""
    return get_object_or_404(SurveyInvitation.objects.select_related("service"), token=token)
