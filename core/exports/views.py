"""Exports: build in the request or in the background, the job page, its status and download.

:func:`export_or_job` is what an app's export view returns (see core.exports.files). The pages
below are the user's own: another user's job is a 404 (core.exports.queries).
"""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core.exports.actions import (
    ExportRefused,
    do_record_export_download,
    do_record_inline_export,
    do_start_export,
)
from core.exports.files import ExportKind, UnknownExport, inline_limit, kind_of, open_export_file
from core.exports.queries import export_jobs_for_user, get_export_job_for_user
from core.models import ExportJob
from core.paging import paginate
from core.permissions import user_can

RECENT = 20


def export_or_job(
    request, kind: ExportKind, *, params: dict, title: str, count: int, inline, audit=None
) -> HttpResponse:
    """The export view's answer for ``count`` rows of ``kind`` filtered by ``params``.

    Up to PELITA_EXPORT_INLINE_MAX_ROWS rows: ``inline()`` (the file, built now), audited
    by ``audit()`` when the app has its own record of it, else by do_record_inline_export.
    Above it, a GET shows what will be built and a button; its POST (same address, so the
    same filters) starts the background job and goes to the job page. No request ever
    writes more rows than the limit.
    """
    if count <= inline_limit():
        response = inline()
        if audit is not None:
            audit()
        else:
            do_record_inline_export(kind, params=params, rows=count, title=title, actor=request.user)
        return response
    if request.method == "POST":
        try:
            job, created = do_start_export(kind, params=params, title=title, total=count, actor=request.user)
        except ExportRefused as exc:
            messages.error(request, exc.message)
            return redirect("core:export_list")
        if not created:
            messages.info(request, _("Ekspor yang sama sedang disusun; kemajuannya tampil di sini."))
        return redirect("core:export_job", pk=job.pk)
    return render(
        request,
        "core/export_confirm.html",
        {"title": title, "label": kind.label, "count": count, "limit": inline_limit()},
    )


@require_GET
def export_list(request):
    return render(
        request,
        "core/export_list.html",
        paginate(request, export_jobs_for_user(request.user), per_page=RECENT),
    )


@require_GET
def export_job(request, pk: int):
    job = get_export_job_for_user(request.user, pk)
    return render(request, "core/export_job.html", {"job": job})


def job_status_response(job: ExportJob) -> JsonResponse:
    """A job's state as JSON, the answer core/static/pelita/job-progress.js polls for.

    Every job page and list uses it: core's own status view and the campaign export list.
    """
    return JsonResponse(
        {
            "status": job.status,
            "status_label": job.get_status_display(),
            "finished": job.finished,
            "done": job.done,
            "total": job.total,
            "error": job.error,
        },
        headers={"Cache-Control": "no-store"},
    )


def job_file_response(request, job: ExportJob) -> FileResponse:
    """The finished file of ``job``, audited; 404 when it is not there (yet, or any more).

    Call after the caller's own check that ``request.user`` may see ``job``; the export's
    capability is checked here again, as the user may have lost it since.
    """
    if job.status != ExportJob.Status.SELESAI or not job.file:
        raise Http404
    try:
        kind = kind_of(job.kind)
    except UnknownExport:
        raise Http404 from None
    if not user_can(request.user, kind.capability):
        raise Http404
    try:
        handle = open_export_file(job)
    except (FileNotFoundError, OSError):
        raise Http404 from None  # pruned, or the storage lost it
    do_record_export_download(job, actor=request.user)
    response = FileResponse(handle, as_attachment=True, filename=job.filename, content_type=kind.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def export_status(request, pk: int):
    """The job's state as JSON, polled by core/static/pelita/job-progress.js."""
    return job_status_response(get_export_job_for_user(request.user, pk))


@require_GET
def export_download(request, pk: int):
    """The finished file, to its owner only, while the owner still holds the export's capability."""
    return job_file_response(request, get_export_job_for_user(request.user, pk))
