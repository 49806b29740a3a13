"""Export screens: every submission as XLSX, the uploaded files as ZIPs built in the background.

Both are core export jobs when built in the background; this page lists the campaign's ZIP
jobs (shared by everyone who sees their OPD), with core's status answer and download.
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.roles import Capability
from campaigns.design.queries import questions_of
from campaigns.exports.actions import do_record_submissions_export, do_start_files_export
from campaigns.exports.files import SUBMISSIONS_EXPORT, submissions_filename, submissions_xlsx
from campaigns.exports.forms import FilesExportForm
from campaigns.exports.queries import (
    export_jobs_for_user,
    get_export_job_for_user,
    submissions_for_export,
    with_opds,
)
from campaigns.participation.queries import get_campaign_for_participation
from campaigns.participation.views import no_store
from core.exports.actions import ExportRefused
from core.exports.views import export_or_job, job_file_response, job_status_response
from core.permissions import require
from core.spreadsheets import xlsx_response
from org.units.queries import opds_for_user


@require(Capability.VIEW_PARTICIPATION)
@require_GET
def campaign_exports(request, slug: str):
    campaign = get_campaign_for_participation(request.user, slug)
    jobs = with_opds(list(export_jobs_for_user(request.user, campaign)[:10]))
    return render(
        request,
        "campaigns/participation_exports.html",
        {
            "campaign": campaign,
            "form": FilesExportForm(user=request.user),
            "jobs": jobs,
            "running": any(not job.finished for job in jobs),
        },
    )


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
    try:
        _job, created = do_start_files_export(campaign, opd=form.cleaned_data["opd"], actor=request.user)
    except ExportRefused as refused:
        messages.error(request, refused.message)
        return redirect("campaigns:campaign_exports", slug=campaign.slug)
    if created:
        messages.success(request, _("Ekspor berkas dimulai; kemajuannya tampil di bawah."))
    else:
        messages.info(request, _("Ekspor berkas yang sama sedang berjalan; tunggu sampai selesai."))
    return redirect("campaigns:campaign_exports", slug=campaign.slug)


@require(Capability.VIEW_PARTICIPATION)
@require_GET
def campaign_export_status(request, slug: str, job: int):
    campaign = get_campaign_for_participation(request.user, slug)
    return no_store(job_status_response(get_export_job_for_user(request.user, campaign, job)))


@require(Capability.VIEW_PARTICIPATION)
@require_GET
def campaign_export_download(request, slug: str, job: int):
    campaign = get_campaign_for_participation(request.user, slug)
    return no_store(job_file_response(request, get_export_job_for_user(request.user, campaign, job)))
