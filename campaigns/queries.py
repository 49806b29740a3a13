"""Every read of the campaigns core, scoped to the user.

- Campaign admin screens: capability manage_campaigns (the list also for reviewers).
- Review: review_campaigns (BKD staff), within org.queries.opds_for_user.
- On behalf: submit_on_behalf, only employees of the OPDs in the user's scope; anyone
  else's employee is a 404.
- An employee's own campaigns: the published campaigns whose audience holds their record.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from accounts.permissions import user_can
from accounts.roles import Capability
from campaigns.actions import can_edit
from campaigns.audience import matches, targeted_pegawai
from campaigns.models import Campaign, Submission, UploadSession
from org.queries import opds_for_user
from people.models import Pegawai


def campaigns_for_staff(user) -> QuerySet[Campaign]:
    if not (user_can(user, Capability.MANAGE_CAMPAIGNS) or user_can(user, Capability.REVIEW_CAMPAIGNS)):
        return Campaign.objects.none()
    return Campaign.objects.annotate(
        question_count=Count("questions", distinct=True), submission_count=Count("submissions", distinct=True)
    ).order_by("-opens_at", "-id")


def get_campaign_for_manager(user, slug: str) -> Campaign:
    if not user_can(user, Capability.MANAGE_CAMPAIGNS):
        raise PermissionDenied
    return get_object_or_404(Campaign, slug=slug)


def get_published_campaign(slug: str) -> Campaign:
    return get_object_or_404(Campaign, slug=slug, published=True)


def questions_of(campaign: Campaign) -> list:
    return list(campaign.questions.order_by("order", "id"))


# --- The employee's side -----------------------------------------------------------------


@dataclass(frozen=True)
class MyCampaign:
    campaign: Campaign
    submission: Submission | None
    editable: bool


def campaigns_of_pegawai(pegawai: Pegawai, *, now: dt.datetime | None = None, open_only: bool = False):
    """The published, already opened campaigns targeting ``pegawai``, with their submission.

    Two queries whatever the number of campaigns: the audience is matched in Python on the
    loaded record (campaigns.audience.matches), the submissions come in one query.
    ``open_only``: only those the employee can still send or change now (the dashboard card).
    """
    now = now or timezone.now()
    campaigns = [
        c
        for c in Campaign.objects.filter(published=True, opens_at__lte=now).order_by("closes_at", "id")
        if matches(c.audience, pegawai)
    ]
    submissions = {
        s.campaign_id: s
        for s in Submission.objects.filter(pegawai=pegawai, campaign__in=[c.pk for c in campaigns])
    }
    found = []
    for campaign in campaigns:
        submission = submissions.get(campaign.pk)
        editable = can_edit(campaign, submission, now)
        if open_only and not editable:
            continue
        found.append(MyCampaign(campaign, submission, editable))
    return found


def own_pegawai_or_none(user) -> Pegawai | None:
    if not user.is_authenticated:
        return None
    return Pegawai.objects.select_related("opd", "golongan", "jabatan_fungsional").filter(user=user).first()


def get_own_pegawai(user) -> Pegawai:
    pegawai = own_pegawai_or_none(user)
    if pegawai is None:
        raise Http404
    return pegawai


def pegawai_on_behalf(user) -> QuerySet[Pegawai]:
    """The employees an operator may fill in for: those of the OPDs in their scope."""
    if not user_can(user, Capability.SUBMIT_ON_BEHALF):
        return Pegawai.objects.none()
    return Pegawai.objects.filter(opd__in=opds_for_user(user))


def get_pegawai_on_behalf(user, pk: int) -> Pegawai:
    if not user_can(user, Capability.SUBMIT_ON_BEHALF):
        raise PermissionDenied
    return get_object_or_404(
        pegawai_on_behalf(user).select_related("opd", "golongan", "jabatan_fungsional", "user"), pk=pk
    )


def submission_of(campaign: Campaign, pegawai: Pegawai) -> Submission | None:
    return Submission.objects.filter(campaign=campaign, pegawai=pegawai).first()


def opd_pegawai_for_campaign(user, campaign: Campaign, *, q: str = "", missing_only: bool = False):
    """The targeted employees of the operator's OPD(s), each with its submission status (annotated)."""
    pegawai = (
        targeted_pegawai(campaign)
        .filter(pk__in=pegawai_on_behalf(user).values("pk"))
        .select_related("opd")
        .annotate(
            submission_status=_status_subquery(campaign),
        )
        .order_by("opd__name", "nama", "nip")
    )
    if q.strip():
        pegawai = pegawai.filter(Q(nama__icontains=q.strip()) | Q(nip__startswith=q.strip()))
    if missing_only:
        pegawai = pegawai.filter(submission_status__isnull=True)
    return pegawai


def _status_subquery(campaign: Campaign):
    from django.db.models import OuterRef, Subquery

    return Subquery(Submission.objects.filter(campaign=campaign, pegawai=OuterRef("pk")).values("status")[:1])


# --- Uploads -----------------------------------------------------------------------------


def get_upload_for_user(user, token) -> UploadSession:
    """An upload session is only ever seen by the user who started it."""
    return get_object_or_404(
        UploadSession.objects.select_related("campaign", "pegawai"), token=token, user=user
    )


# --- Review ------------------------------------------------------------------------------


def submissions_for_reviewer(user, campaign: Campaign, *, opd=None, status: str = "") -> QuerySet[Submission]:
    if not user_can(user, Capability.REVIEW_CAMPAIGNS):
        raise PermissionDenied
    submissions = (
        Submission.objects.filter(campaign=campaign, opd__in=opds_for_user(user))
        .select_related("pegawai", "opd", "submitted_by", "reviewed_by")
        .order_by("-updated_at", "-id")
    )
    if opd is not None:
        submissions = submissions.filter(opd=opd)
    if status:
        submissions = submissions.filter(status=status)
    return submissions


def get_submission_for_reviewer(user, campaign: Campaign, pk: int) -> Submission:
    return get_object_or_404(submissions_for_reviewer(user, campaign), pk=pk)


def get_submission_for_reader(user, campaign: Campaign, pk: int) -> Submission:
    """A submission the user may read: their own, a reviewer's, or one in their OPD scope."""
    submission = get_object_or_404(
        Submission.objects.select_related("pegawai", "opd", "campaign"), campaign=campaign, pk=pk
    )
    if submission.pegawai.user_id is not None and submission.pegawai.user_id == user.pk:
        return submission
    readers = (Capability.REVIEW_CAMPAIGNS, Capability.VIEW_PARTICIPATION, Capability.SUBMIT_ON_BEHALF)
    in_scope = opds_for_user(user).filter(pk=submission.opd_id)
    if any(user_can(user, cap) for cap in readers) and in_scope.exists():
        return submission
    raise Http404
