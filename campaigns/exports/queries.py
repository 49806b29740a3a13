"""Reads of the export screens, scoped to the user: the submissions to export and the jobs."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from accounts.roles import Capability
from campaigns.models import Campaign, ExportJob, Submission
from campaigns.participation.queries import targeted_in
from core.permissions import user_can
from org.units.queries import opds_for_user


def submissions_for_export(user, campaign: Campaign) -> QuerySet[Submission]:
    """Every submission of the targeted employees in the user's scope (current OPD), for the XLSX."""
    people = targeted_in(campaign, opds_for_user(user))
    return (
        Submission.objects.filter(campaign=campaign, pegawai__in=people.values("pk"))
        .select_related("pegawai__opd", "pegawai__unit", "pegawai__golongan")
        .order_by("pegawai__opd__name", "pegawai__nama", "pegawai__nip")
    )


def export_jobs_for_user(user, campaign: Campaign) -> QuerySet[ExportJob]:
    """Export jobs of this campaign the user may see: jobs for an OPD in scope; all-OPD jobs for BKD staff."""
    if not user_can(user, Capability.VIEW_PARTICIPATION):
        return ExportJob.objects.none()
    visible = Q(opd__in=opds_for_user(user).values("pk"))
    if user_can(user, Capability.VIEW_ALL_OPDS):
        visible |= Q(opd__isnull=True)
    return (
        ExportJob.objects.filter(visible, campaign=campaign, kind=ExportJob.Kind.ZIP)
        .select_related("opd", "created_by")
        .order_by("-created_at", "-id")
    )


def get_export_job_for_user(user, campaign: Campaign, pk: int) -> ExportJob:
    return get_object_or_404(export_jobs_for_user(user, campaign), pk=pk)
