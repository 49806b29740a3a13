"""Reads of the export screens, scoped to the user: the submissions to export and the jobs."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from accounts.roles import Capability
from campaigns.exports.files import FILES_EXPORT
from campaigns.models import Campaign, Submission
from campaigns.participation.queries import targeted_in
from core.models import ExportJob
from core.permissions import user_can
from org.models import Opd
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
    """The ZIP jobs of this campaign the user may see: jobs for an OPD in scope; all-OPD jobs for BKD staff.

    They are core export jobs (campaigns.exports.files.FILES_EXPORT) whose ``params`` name
    the campaign and the OPD; the OPD ids in scope are few, so they go into the query as a list.
    """
    if not user_can(user, Capability.VIEW_PARTICIPATION):
        return ExportJob.objects.none()
    visible = Q(params__opd__in=list(opds_for_user(user).values_list("pk", flat=True)))
    if user_can(user, Capability.VIEW_ALL_OPDS):
        visible |= Q(params__opd=None)
    return (
        ExportJob.objects.filter(visible, kind=FILES_EXPORT.key, params__slug=campaign.slug)
        .select_related("owner")
        .order_by("-created_at", "-id")
    )


def with_opds(jobs: list[ExportJob]) -> list[ExportJob]:
    """Each job with its ``opd`` (None for every OPD) for the list: one query for the page."""
    opds = Opd.objects.in_bulk({job.params.get("opd") for job in jobs} - {None})
    for job in jobs:
        job.opd = opds.get(job.params.get("opd"))
    return jobs


def get_export_job_for_user(user, campaign: Campaign, pk: int) -> ExportJob:
    return get_object_or_404(export_jobs_for_user(user, campaign), pk=pk)
