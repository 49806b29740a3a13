"""The import screens: upload → preview (dry run) → confirm → job page with a live progress bar (and retry)."""

from __future__ import annotations

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.roles import Capability
from core.paging import paginate
from core.permissions import require, user_can
from core.spreadsheets import csv_response
from core.tables import UnreadableFile, read_table
from people.imports.actions import (
    PREVIEW_ROWS,
    NewOpd,
    do_cancel_import_job,
    do_confirm_import_job,
    do_create_import_job,
    do_create_import_opds,
    do_preview_import_with_new_opds,
    do_retry_import_job,
    opds_to_create,
    progress_for_page,
    result_of,
)
from people.imports.files.tables import write_report_csv
from people.imports.forms import ImportUploadForm
from people.imports.queries import get_import_job_for_user, import_jobs_for_user, import_opd_for


@require(Capability.IMPORT_PEGAWAI)
@require_http_methods(["GET", "POST"])
def import_upload(request):
    opd = import_opd_for(request.user)
    form = ImportUploadForm(
        request.POST or None, request.FILES or None, can_create_opd=can_create_opds(request.user, opd)
    )
    if request.method == "POST" and form.is_valid():
        try:
            job = do_create_import_job(
                upload=form.cleaned_data["berkas"],
                table=form.table,
                kind=form.kind,
                opd=opd,
                actor=request.user,
            )
        except UnreadableFile as exc:
            form.add_error("berkas", exc.message)
        else:
            if form.new_opds:
                # The preview counts as "Impor sekarang" will run: after creating the OPDs.
                do_preview_import_with_new_opds(job, form.table, form.new_opds, actor=request.user)
            return redirect(preview_url(job, new_opds=bool(form.new_opds)))
    return render(request, "people/import_upload.html", {"form": form, "opd": opd})


@require(Capability.IMPORT_PEGAWAI)
@require_GET
def import_preview(request, pk: int):
    job = get_import_job_for_user(request.user, pk)
    if job.confirmed_at is not None:
        return redirect("people:import_job", pk=job.pk)
    context = {**_job_context(job), "new_opds": new_opds_for_preview(request, job)}
    return render(request, "people/import_preview.html", context)


@require(Capability.IMPORT_PEGAWAI)
@require_POST
def import_confirm(request, pk: int):
    job = get_import_job_for_user(request.user, pk)
    try:
        create_opds_on_confirm(request, job)  # "Buat OPD yang belum ada": before the run
    except UnreadableFile as exc:
        messages.error(request, exc.message)
        return redirect(preview_url(job, new_opds=True))
    do_confirm_import_job(job, actor=request.user)  # queues the run once it commits
    return redirect("people:import_job", pk=job.pk)


@require(Capability.IMPORT_PEGAWAI)
@require_POST
def import_retry(request, pk: int):
    """ "Ulangi impor" on a failed job whose file is still kept: the same job runs again."""
    job = get_import_job_for_user(request.user, pk)
    if do_retry_import_job(job, actor=request.user):
        messages.success(request, _("Impor diulang dan menunggu giliran dikerjakan."))
    else:
        messages.warning(
            request, _("Impor ini tidak dapat diulang: hanya impor yang gagal dan berkasnya masih disimpan.")
        )
    return redirect("people:import_job", pk=job.pk)


@require(Capability.IMPORT_PEGAWAI)
@require_POST
def import_cancel(request, pk: int):
    job = get_import_job_for_user(request.user, pk)
    if job.confirmed_at is not None:
        messages.warning(request, _("Impor ini sudah dimulai dan tidak dapat dibatalkan."))
        return redirect("people:import_job", pk=job.pk)
    do_cancel_import_job(job, actor=request.user)
    messages.info(request, _("Impor dibatalkan; tidak ada data yang berubah."))
    return redirect("people:import_upload")


@require(Capability.IMPORT_PEGAWAI)
@require_GET
def import_job(request, pk: int):
    job = get_import_job_for_user(request.user, pk)
    if job.confirmed_at is None:
        return redirect("people:import_preview", pk=job.pk)
    return render(request, "people/import_job.html", _job_context(job))


@require(Capability.IMPORT_PEGAWAI)
@require_GET
def import_status(request, pk: int):
    """The job's state as JSON, polled by core/static/pelita/job-progress.js."""
    job = get_import_job_for_user(request.user, pk)
    done, total = progress_for_page(job)
    return JsonResponse(
        {
            "status": job.status,
            "status_label": job.get_status_display(),
            "finished": job.finished,
            "done": done,
            "total": total,
            "imported": job.imported,
            "updated": job.updated,
            "unchanged": job.unchanged,
            "rejected": job.rejected,
        },
        headers={"Cache-Control": "no-store"},
    )


@require(Capability.IMPORT_PEGAWAI)
@require_GET
def import_report(request, pk: int):
    """Every rejected row (line, column, NIP, reason) as CSV, from the stored list."""
    job = get_import_job_for_user(request.user, pk)
    response = csv_response(f"penolakan-impor-{job.pk}.csv")  # with the BOM Excel needs for UTF-8
    write_report_csv(result_of(job), response)  # cells echoed from the upload: never live formulas
    return response


@require(Capability.IMPORT_PEGAWAI)
@require_GET
def import_list(request):
    return render(
        request,
        "people/import_list.html",
        paginate(request, import_jobs_for_user(request.user).defer("rejections")),
    )


def _job_context(job) -> dict:
    done, total = progress_for_page(job)
    return {
        "job": job,
        "done": done,
        "total": total,
        "rejections": job.rejections[:PREVIEW_ROWS],
        "more_rejections": max(len(job.rejections) - PREVIEW_ROWS, 0),
        "preview_rows": PREVIEW_ROWS,
    }


# The upload screens' part of "Buat OPD yang belum ada" (people.imports.actions holds the
# writes): who may tick it, the OPDs a previewed job's file would create, and their creation
# when the import is confirmed.
#
# The choice travels with the job's pages: the upload redirects to the preview with
# ``?buat_opd=1`` and the preview's "Impor sekarang" form posts ``buat_opd``. The OPDs are
# read again from the stored file each time, so what is listed and created is always what
# the file names and Pelita still lacks.


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
