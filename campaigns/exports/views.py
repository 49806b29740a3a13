"""Export screens: every submission as XLSX, the uploaded files as ZIPs built in the background."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.roles import Capability
from campaigns.design.queries import questions_of
from campaigns.exports.actions import (
    do_record_export_download,
    do_record_submissions_export,
    do_start_files_export,
)
from campaigns.exports.files import SUBMISSIONS_EXPORT, open_export, submissions_filename, submissions_xlsx
from campaigns.exports.forms import FilesExportForm
from campaigns.exports.queries import export_jobs_for_user, get_export_job_for_user, submissions_for_export
from campaigns.exports.tasks import build_files_export
from campaigns.models import ExportJob
from campaigns.participation.queries import (
    get_campaign_for_participation,
)
from campaigns.participation.views import no_store
from core.exports.views import export_or_job
from core.permissions import require
from core.spreadsheets import xlsx_response
from org.units.queries import opds_for_user


@require(Capability.VIEW_PARTICIPATION)
@require_GET
def campaign_exports(request, slug: str):
    campaign = get_campaign_for_participation(request.user, slug)
    jobs = list(export_jobs_for_user(request.user, campaign)[:10])
    return render(
        request,
        "campaigns/participation_exports.html",
        {
            "campaign": campaign,
            "form": FilesExportForm(user=request.user),
            "jobs": jobs,
            "running": any(not _finished(job) for job in jobs),
        },
    )


def _finished(job: ExportJob) -> bool:
    return job.status in (ExportJob.Status.SELESAI, ExportJob.Status.GAGAL)


@require(Capability.VIEW_PARTICIPATION)
@require_http_methods(["GET", "POST"])
def campaign_export_xlsx(request, slug: str):
    """Every submission in the user's scope as XLSX; in the background when there are many
    (GET explains, POST starts the job: core.exports.views.export_or_job)."""
    campaign = get_campaign_for_participation(request.user, slug)
    submissions = submissions_for_export(request.user, campaign)
    params = {"slug": campaign.slug}
    count = submissions.count()
    return no_store(
        export_or_job(
            request,
            SUBMISSIONS_EXPORT,
            params=params,
            title=_("Isian %(campaign)s") % {"campaign": campaign.title},
            count=count,
            inline=lambda: xlsx_response(
                submissions_xlsx(campaign, submissions, questions_of(campaign)), submissions_filename(params)
            ),
            audit=lambda: do_record_submissions_export(
                campaign,
                rows=count,
                opd_ids=opds_for_user(request.user).values_list("pk", flat=True),
                actor=request.user,
            ),
        )
    )


@require(Capability.VIEW_PARTICIPATION)
@require_POST
def campaign_export_files(request, slug: str):
    campaign = get_campaign_for_participation(request.user, slug)
    form = FilesExportForm(request.POST, user=request.user)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("campaigns:campaign_exports", slug=campaign.slug)
    job, created = do_start_files_export(campaign, opd=form.cleaned_data["opd"], actor=request.user)
    if created:
        build_files_export.enqueue(job.pk)
        messages.success(request, _("Ekspor berkas dimulai; kemajuannya tampil di bawah."))
    else:
        messages.info(request, _("Ekspor berkas yang sama sedang berjalan; tunggu sampai selesai."))
    return redirect("campaigns:campaign_exports", slug=campaign.slug)


@require(Capability.VIEW_PARTICIPATION)
@require_GET
def campaign_export_status(request, slug: str, job: int):
    campaign = get_campaign_for_participation(request.user, slug)
    job = get_export_job_for_user(request.user, campaign, job)
    return no_store(
        JsonResponse(
            {
                "status": job.status,
                "status_label": job.get_status_display(),
                "finished": _finished(job),
                "done": job.done,
                "total": job.total,
                "error": job.error,
            }
        )
    )


@require(Capability.VIEW_PARTICIPATION)
@require_GET
def campaign_export_download(request, slug: str, job: int):
    campaign = get_campaign_for_participation(request.user, slug)
    job = get_export_job_for_user(request.user, campaign, job)
    if job.status != ExportJob.Status.SELESAI or not job.file:
        raise Http404
    archive = open_export(job)
    if archive is None:
        raise Http404
    do_record_export_download(job, actor=request.user)
    suffix = job.opd.code if job.opd else "semua-opd"
    response = FileResponse(
        archive,
        as_attachment=True,
        filename=f"berkas-{campaign.slug}-{suffix}.zip",
        content_type="application/zip",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return no_store(response)
