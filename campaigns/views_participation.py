"""Participation screens: per-OPD table with a live chart, who is missing, and the exports.

Capability view_participation for all of them; the OPD scope is org.queries.opds_for_user
(an Operator OPD sees their own OPD only; another OPD's drill-down is a 404).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.permissions import require, user_can
from accounts.roles import Capability
from campaigns.actions_exports import (
    do_record_export_download,
    do_record_submissions_export,
    do_start_files_export,
)
from campaigns.exports import SUBMISSIONS_EXPORT, open_export, submissions_filename, submissions_xlsx
from campaigns.models import ExportJob
from campaigns.participation import SORT_KEYS, clean_sort, sort_rows, totals
from campaigns.queries import questions_of
from campaigns.queries_participation import (
    chart_series,
    export_jobs_for_user,
    get_campaign_for_participation,
    get_export_job_for_user,
    get_opd_for_participation,
    missing_pegawai,
    participation_campaigns_for_user,
    participation_for_user,
    submissions_for_export,
)
from campaigns.tasks import build_files_export
from core.paging import paginate
from core.spreadsheets import xlsx_response
from core.views_exports import export_or_job
from org.queries import opds_for_user
from people.records.files import pegawai_xlsx

COLUMNS = (
    ("opd", gettext_lazy("OPD")),
    ("target", gettext_lazy("Sasaran")),
    ("submitted", gettext_lazy("Terkirim")),
    ("accepted", gettext_lazy("Diterima")),
    ("missing", gettext_lazy("Belum")),
    ("percent", gettext_lazy("Persentase")),
)
assert {key for key, _label in COLUMNS} <= set(SORT_KEYS)
REFRESH_SECONDS = 30


def _no_store(response):
    response["Cache-Control"] = "no-store"
    return response


@require(Capability.VIEW_PARTICIPATION)
@require_GET
def campaign_participation_index(request):
    return render(
        request,
        "campaigns/participation_index.html",
        paginate(request, participation_campaigns_for_user(request.user), per_page=20),
    )


def _header(sort: str) -> list[dict]:
    """Each column with the link that sorts by it (ascending first, then flips)."""
    key, descending = sort.lstrip("-"), sort.startswith("-")
    header = []
    for column, label in COLUMNS:
        active = column == key
        header.append(
            {
                "key": column,
                "label": label,
                "next": f"-{column}" if active and not descending else column,
                "aria_sort": ("descending" if descending else "ascending") if active else "",
            }
        )
    return header


@require(Capability.VIEW_PARTICIPATION)
@require_GET
def campaign_participation(request, slug: str):
    campaign = get_campaign_for_participation(request.user, slug)
    sort = clean_sort(request.GET.get("urut"))
    rows = participation_for_user(request.user, campaign)
    return render(
        request,
        "campaigns/participation.html",
        {
            "campaign": campaign,
            "rows": sort_rows(rows, sort),
            "total": totals(rows, _("Jumlah")),
            "header": _header(sort),
            "sort": sort,
            "refresh_seconds": REFRESH_SECONDS,
            "now": timezone.now(),
            "all_opds": user_can(request.user, Capability.VIEW_ALL_OPDS),
        },
    )


def _row_json(row, target_percent: int) -> dict:
    return {
        **row.as_dict(target_percent),
        "percent_label": formats.number_format(row.percent, 1),
    }


@require(Capability.VIEW_PARTICIPATION)
@require_GET
def campaign_participation_data(request, slug: str):
    """The page's numbers and the cumulative chart, polled by participation_chart.js. Three queries."""
    campaign = get_campaign_for_participation(request.user, slug)
    opds = opds_for_user(request.user)
    rows = participation_for_user(request.user, campaign)
    series = chart_series(campaign, opds)
    target = campaign.target_percent
    return _no_store(
        JsonResponse(
            {
                "updated": formats.date_format(timezone.localtime(), "j F Y H:i:s"),
                "target_percent": target,
                "total": _row_json(totals(rows, _("Jumlah")), target),
                "rows": [_row_json(r, target) for r in rows],
                "chart": {
                    "label": _("Isian terkirim (kumulatif)"),
                    "target_label": _("Target"),
                    "target": round(totals(rows, "").target * target / 100),
                    "labels": [formats.date_format(day, "j M") for day, _n in series],
                    "values": [n for _day, n in series],
                },
            }
        )
    )


@require(Capability.VIEW_PARTICIPATION)
@require_GET
def campaign_missing(request, slug: str, opd: int):
    campaign = get_campaign_for_participation(request.user, slug)
    opd = get_opd_for_participation(request.user, opd)
    people = missing_pegawai(campaign, opd)
    return render(
        request,
        "campaigns/participation_missing.html",
        {
            "campaign": campaign,
            "opd": opd,
            "can_submit_for": user_can(request.user, Capability.SUBMIT_ON_BEHALF),
            **paginate(request, people),
        },
    )


@require(Capability.VIEW_PARTICIPATION)
@require_GET
def campaign_missing_xlsx(request, slug: str, opd: int):
    campaign = get_campaign_for_participation(request.user, slug)
    opd = get_opd_for_participation(request.user, opd)
    people = missing_pegawai(campaign, opd).select_related("opd", "unit", "golongan").defer(None)
    return _no_store(xlsx_response(pegawai_xlsx(people), f"belum-{campaign.slug}-{opd.code}.xlsx"))


# --- Exports -------------------------------------------------------------------------------


class FilesExportForm(forms.Form):
    opd = forms.ModelChoiceField(
        label=gettext_lazy("OPD"),
        queryset=None,
        required=False,
        error_messages={"invalid_choice": gettext_lazy("Pilih OPD dari daftar.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["opd"]
        field.queryset = opds_for_user(user).order_by("name")
        self.all_allowed = user_can(user, Capability.VIEW_ALL_OPDS)
        if self.all_allowed:
            field.empty_label = _("Semua OPD (satu ZIP per OPD di dalamnya)")
        else:
            field.required = True
            field.empty_label = None


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
    (GET explains, POST starts the job: core.views_exports.export_or_job)."""
    campaign = get_campaign_for_participation(request.user, slug)
    submissions = submissions_for_export(request.user, campaign)
    params = {"slug": campaign.slug}
    count = submissions.count()
    return _no_store(
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
    return _no_store(
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
    return _no_store(response)
