"""The upload screens' part of "Buat OPD yang belum ada" (people.actions_import_opd holds the
writes): who may tick it, the OPDs a previewed job's file would create, and their creation
when the import is confirmed.

The choice travels with the job's pages: the upload redirects to the preview with
``?buat_opd=1`` and the preview's "Impor sekarang" form posts ``buat_opd``. The OPDs are
read again from the stored file each time, so what is listed and created is always what
the file names and Pelita still lacks.
"""

from __future__ import annotations

from django.urls import reverse

from accounts.permissions import user_can
from accounts.roles import Capability
from people.actions_import_opd import NewOpd, do_create_import_opds, opds_to_create
from people.imports import UnreadableFile, read_table

FLAG = "buat_opd"


def can_create_opds(user, scope_opd) -> bool:
    """Only an import not limited to one OPD, by a user who may manage the organisation (Admin)."""
    return scope_opd is None and user_can(user, Capability.MANAGE_ORG)


def preview_url(job, *, new_opds: bool) -> str:
    url = reverse("people:import_preview", kwargs={"pk": job.pk})
    return f"{url}?{FLAG}=1" if new_opds else url


def _stored_opds(job) -> list[NewOpd]:
    if job.kind != "data-asn" or not job.file:
        return []
    with job.file.open("rb") as handle:  # a stream: the storage may be a bucket, not a disk
        table = read_table(handle)
    return opds_to_create(table)


def new_opds_for_preview(request, job) -> list[NewOpd]:
    """The OPDs "Impor sekarang" will create, when the upload asked for them."""
    if request.GET.get(FLAG) != "1" or not can_create_opds(request.user, job.opd):
        return []
    try:
        return _stored_opds(job)
    except UnreadableFile:
        return []  # the file was read at upload; the confirm step reports a problem if one appears


def create_opds_on_confirm(request, job) -> list:
    """Create the file's missing OPDs before the confirmed job runs (when the preview offered them).

    Raises UnreadableFile (nothing created) when they cannot be placed in an instansi.
    """
    if request.POST.get(FLAG) != "1" or job.confirmed_at is not None:
        return []
    if not can_create_opds(request.user, job.opd):
        return []
    return do_create_import_opds(_stored_opds(job), actor=request.user)
