"""The survey screens: the one-time link after a service, and the public link of a service
for walk-in respondents with its printable QR code.

The public link is guarded per device: a signed cookie remembers which services this
browser answered in the last ``DEVICE_HOURS``, and a database counter per client address
(``accounts.throttle.actions``, shared by every server) caps how many answers one address sends.
Clearing cookies gets past the first, not the second.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accounts.throttle import actions as throttle
from core.clients import client_address
from feedback.ikm.files import qr_svg
from feedback.survey import actions
from feedback.survey.forms import SurveyForm
from feedback.survey.queries import invitation_by_token
from layanan.models import Service

DEVICE_COOKIE = "pelita_skm"
DEVICE_HOURS = 12
# A front desk on one connection serves many people; a script sends thousands.
WALK_IN = throttle.Limit("survei-loket", 30, dt.timedelta(hours=1))


@login_not_required
def survey_answer(request, token):
    invitation = invitation_by_token(token)
    if invitation.used_at is not None:
        return render(request, "feedback/survey_used.html", {"invitation": invitation}, status=410)
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_answer_invitation(invitation, form.answers(), actor=request.user)
        except actions.SurveyRefused:
            return render(request, "feedback/survey_used.html", {"invitation": invitation}, status=410)
        return render(request, "feedback/survey_thanks.html", {"service": invitation.service})
    title = invitation.service.name if invitation.service else invitation.unit
    return render(
        request,
        "feedback/survey_form.html",
        {"form": form, "title": title, "reference": invitation.reference},
    )


def _answered(request) -> set[str]:
    """The services this browser answered lately (a bad or expired signature: none)."""
    value = request.get_signed_cookie(
        DEVICE_COOKIE, default="", salt="feedback.survey", max_age=DEVICE_HOURS * 3600
    )
    return {slug for slug in value.split(",") if slug}


@login_not_required
def survey_walk_in(request, slug):
    service = get_object_or_404(Service, slug=slug, active=True)
    answered = _answered(request)
    if service.slug in answered:
        return render(request, "feedback/survey_thanks.html", {"service": service, "again": True})
    form = SurveyForm(request.POST or None)
    refusal = ""
    if request.method == "POST" and form.is_valid():
        counter = WALK_IN.on(throttle.address_key(client_address(request)))
        if throttle.tallies(counter)[0].blocked:
            refusal = _("Terlalu banyak jawaban dari jaringan ini. Silakan coba lagi nanti.")
        else:
            actions.do_answer_walk_in(service, form.answers(), actor=request.user)
            throttle.hit(counter)
            response = render(request, "feedback/survey_thanks.html", {"service": service})
            response.set_signed_cookie(
                DEVICE_COOKIE,
                ",".join(sorted(answered | {service.slug})),
                salt="feedback.survey",
                max_age=DEVICE_HOURS * 3600,
                httponly=True,
                samesite="Lax",
                secure=request.is_secure(),
            )
            return response
    return render(
        request,
        "feedback/survey_form.html",
        {"form": form, "title": service.name, "refusal": refusal, "walk_in": True},
    )


@login_not_required
@require_GET
def survey_qr(request, slug):
    """A page to print for the front desk: the service's survey link as a QR code."""
    service = get_object_or_404(Service, slug=slug, active=True)
    url = request.build_absolute_uri(reverse("feedback:survey_walk_in", args=[service.slug]))
    return render(request, "feedback/survey_qr.html", {"service": service, "url": url, "qr": qr_svg(url)})
