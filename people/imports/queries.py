"""Reads of import jobs, scoped: BKD staff see every job, an Operator OPD their own and their OPD's.

A job outside the scope is a 404, so its existence is not revealed.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from accounts.roles import Capability
from core.permissions import user_can
from org.units.queries import opds_for_user
from people.models import ImportJob


def import_jobs_for_user(user) -> QuerySet[ImportJob]:
    if not user_can(user, Capability.IMPORT_PEGAWAI):
        return ImportJob.objects.none()
    jobs = ImportJob.objects.select_related("created_by", "opd")
    if user_can(user, Capability.VIEW_ALL_OPDS):
        return jobs
    return jobs.filter(Q(created_by=user) | Q(opd__in=opds_for_user(user)))


def get_import_job_for_user(user, pk: int) -> ImportJob:
    return get_object_or_404(import_jobs_for_user(user), pk=pk)


def import_opd_for(user):
    """The OPD an import by ``user`` is limited to; None: every OPD (BKD staff).

    A user limited to an OPD but without one may not import at all (never "every OPD").
    """
    if user_can(user, Capability.VIEW_ALL_OPDS):
        return None
    if user.opd_id is None:
        raise PermissionDenied
    return user.opd
