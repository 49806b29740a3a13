"""Reads of a user's own export jobs: nobody sees, polls or downloads another user's."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from core.models import ExportJob


def export_jobs_for_user(user) -> QuerySet[ExportJob]:
    """The user's exports, newest first (index exportjob_owner_created_idx)."""
    if not user.is_authenticated:
        return ExportJob.objects.none()
    return ExportJob.objects.filter(owner=user).order_by("-created_at", "-id")


def get_export_job_for_user(user, pk: int) -> ExportJob:
    """The user's own job; 404 for anyone else's, so its existence is not revealed."""
    return get_object_or_404(export_jobs_for_user(user), pk=pk)
