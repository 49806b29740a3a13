"""Every write of the SKM survey: offering a one-time link when a request is completed or a
helpdesk ticket is closed, and storing an answer (through that link, or the public link of
a service at the front desk).

Layanan and the helpdesk never call feedback (they sit below it): their completion is
announced by ``core.audit.recorded`` and :func:`offer_on_completion` listens.
"""

from __future__ import annotations

import logging
import secrets
from functools import partial

from django.apps import apps
from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import record, snapshot
from core.notifications.actions import do_notify
from feedback.models import SurveyInvitation, SurveyResponse
from feedback.survey.rules import PROFILE_FIELDS, UNSUR_FIELDS, helpdesk_unit, unit_for_service

logger = logging.getLogger(__name__)

# What layanan and the helpdesk announce when a request is completed / a ticket closed
# (layanan/workflow/actions.py EVENTS[Action.COMPLETE]; docs/helpdesk.md).
REQUEST_COMPLETED = ("permohonan.diselesaikan", "layanan.request")
TICKET_CLOSED = ("helpdesk.ticket_ditutup", "helpdesk.ticket")
RESPONSE_FIELDS = ("service", "unit", "channel", *UNSUR_FIELDS, *PROFILE_FIELDS)


class SurveyRefused(ValueError):
    """The link was used already (or is unknown); nothing was stored."""


def survey_url(invitation: SurveyInvitation) -> str:
    return reverse("feedback:survey_answer", args=[invitation.token])


def offer_on_completion(sender, change, **kwargs) -> None:
    """Receiver of ``core.audit.recorded``: offer the survey for each completed request or
    closed ticket. A failure here must not undo (or mask) the completion that was announced."""
    key = (change.event, change.object_type)
    if key not in (REQUEST_COMPLETED, TICKET_CLOSED):
        return
    for object_id in change.object_ids:
        try:
            if key == REQUEST_COMPLETED:
                offer_for_request(object_id, actor=None)
            else:
                offer_for_ticket(object_id, actor=None)
        except Exception:
            logger.exception("survey offer for %s %s failed", change.object_type, object_id)


@transaction.atomic
def do_offer_survey(
    *,
    source: str,
    object_id,
    reference: str,
    unit: str,
    actor,
    service=None,
    opd=None,
    users=(),
    email: str = "",
    subject: str = "",
    body: str = "",
) -> SurveyInvitation | None:
    """A one-time survey link for one request/ticket, sent to ``users`` (in the app and by
    e-mail) or else to ``email``; None when this request/ticket already had its offer."""
    users = [u for u in users if u is not None and u.is_active]
    if SurveyInvitation.objects.filter(source=source, object_id=str(object_id)).exists():
        return None
    invitation = SurveyInvitation(
        token=secrets.token_urlsafe(24),
        source=source,
        object_id=str(object_id),
        reference=reference,
        unit=unit,
        service=service,
        opd=opd,
        user=users[0] if users else None,
        email=email,
    )
    try:
        with transaction.atomic():
            invitation.save()
    except IntegrityError:  # offered concurrently by another worker
        return None
    record(
        actor=actor,
        event="survei.ditawarkan",
        obj=invitation,
        object_repr=str(invitation),
        after=snapshot(invitation, ("source", "object_id", "reference", "service", "unit")),
    )
    if users:
        do_notify(
            users,
            title=subject,
            body=body,
            url=survey_url(invitation),
            actor=actor,
            event="survei.undangan_dikirim",
        )
    elif email:
        link = f"{settings.PELITA_BASE_URL.rstrip('/')}{survey_url(invitation)}"
        transaction.on_commit(
            partial(
                send_mail,
                subject,
                f"{body}\n\n{link}",
                settings.DEFAULT_FROM_EMAIL,
                [email],
                fail_silently=True,
            )
        )
    return invitation


def offer_for_request(request_id, *, actor) -> SurveyInvitation | None:
    """The survey offer of a completed request, to its applicant (and whoever filed it)."""
    from layanan.models import Request

    request = (
        Request.objects.select_related("service", "pegawai__user", "created_by")
        .filter(pk=request_id, status=Request.Status.DONE)
        .first()
    )
    if request is None:
        return None
    values = {"number": request.number, "service": request.service.name}
    return do_offer_survey(
        source=SurveyInvitation.Source.LAYANAN,
        object_id=request.pk,
        reference=request.number,
        unit=unit_for_service(request.service.slug),
        service=request.service,
        opd=request.opd,
        users=[getattr(request.pegawai, "user", None), request.created_by],
        subject=_("Survei kepuasan: permohonan %(number)s") % values,
        body=_(
            "Permohonan %(service)s Anda telah selesai. Bantu kami memperbaiki layanan dengan "
            "mengisi survei kepuasan (sembilan pertanyaan, sekitar dua menit). Tautan ini hanya "
            "dapat dipakai sekali."
        )
        % values,
        actor=actor,
    )


def offer_for_ticket(ticket_id, *, actor) -> SurveyInvitation | None:
    """The survey offer of a closed helpdesk ticket, to its sender."""
    if not apps.is_installed("helpdesk"):
        return None
    ticket = apps.get_model("helpdesk", "Ticket").objects.filter(pk=ticket_id).first()
    if ticket is None:
        return None
    return do_offer_survey(
        source=SurveyInvitation.Source.HELPDESK,
        object_id=ticket.pk,
        reference=ticket.number,
        unit=helpdesk_unit(),
        users=[getattr(ticket, "requester", None)],
        email=getattr(ticket, "email", "") or "",
        subject=_("Survei kepuasan: tiket %(number)s") % {"number": ticket.number},
        body=_(
            "Tiket bantuan Anda telah ditutup. Bantu kami memperbaiki layanan dengan mengisi "
            "survei kepuasan; tautan ini hanya dapat dipakai sekali."
        ),
        actor=actor,
    )


def _store(**fields) -> SurveyResponse:
    response = SurveyResponse(**fields)
    response.full_clean()
    response.save()
    return response


@transaction.atomic
def do_answer_invitation(invitation: SurveyInvitation, answers: dict, *, actor) -> SurveyResponse:
    """Store the answers given through a one-time link; a used link is refused."""
    invitation = SurveyInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.used_at is not None:
        raise SurveyRefused(
            _("Tautan survei ini sudah dipakai. Terima kasih, jawaban Anda sudah kami terima.")
        )
    now = timezone.now()
    invitation.used_at = now
    invitation.save(update_fields=["used_at"])
    response = _store(
        service=invitation.service,
        unit=invitation.unit,
        invitation=invitation,
        channel=SurveyResponse.Channel.INVITATION,
        submitted_at=now,
        **answers,
    )
    record(actor=actor, event="survei.dijawab", obj=response, after=snapshot(response, RESPONSE_FIELDS))
    return response


@transaction.atomic
def do_answer_walk_in(service, answers: dict, *, actor) -> SurveyResponse:
    """Store the answers of a respondent at the front desk (the service's public link)."""
    response = _store(
        service=service,
        unit=unit_for_service(service.slug),
        channel=SurveyResponse.Channel.WALK_IN,
        submitted_at=timezone.now(),
        **answers,
    )
    record(actor=actor, event="survei.dijawab", obj=response, after=snapshot(response, RESPONSE_FIELDS))
    return response
