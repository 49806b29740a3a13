"""Reads of the review screens: submissions within the reviewer's OPD scope (others are 404)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.roles import Capability
from campaigns.models import Campaign, Submission
from core.models import AuditLog
from core.permissions import user_can
from org.units.queries import opds_for_user

REVIEW_EVENTS = ("kampanye.isian_diterima", "kampanye.isian_perlu_perbaikan")


def submissions_for_reviewer(
    user, campaign: Campaign, *, opd=None, status: str = "", search: str = ""
) -> QuerySet[Submission]:
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
    if search:
        submissions = submissions.filter(
            Q(pegawai__nama__icontains=search) | Q(pegawai__nip__startswith=search)
        )
    return submissions


def next_to_review(user, campaign: Campaign, after: Submission) -> Submission | None:
    """The submission waiting longest for a verdict, other than ``after``: where "next" leads."""
    waiting = submissions_for_reviewer(user, campaign, status=Submission.Status.SUBMITTED).exclude(
        pk=after.pk
    )
    return waiting.order_by("updated_at", "id").first()


def history_of(submission: Submission) -> list[dict]:
    """Versions and review decisions of one submission, newest first, in one list."""
    versions = [
        {"kind": "version", "at": v.created_at, "version": v}
        for v in submission.versions.select_related("created_by").order_by("-number")
    ]
    decisions = [
        {"kind": "decision", "at": row.at, "entry": row}
        for row in AuditLog.objects.filter(
            object_type=Submission._meta.label_lower, object_id=str(submission.pk), event__in=REVIEW_EVENTS
        ).order_by("-at")
    ]
    return sorted([*versions, *decisions], key=lambda item: item["at"], reverse=True)


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
