"""Reads of the review screens: submissions within the reviewer's OPD scope (others are 404)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.roles import Capability
from campaigns.models import Campaign, Submission
from core.permissions import user_can
from org.units.queries import opds_for_user


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
