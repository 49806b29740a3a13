"""The IKM report: the page (tables and charts), its XLSX, PDF and chart data, and turning
a suggestion into a complaint."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.roles import Capability
from core.permissions import require, user_can
from core.spreadsheets import xlsx_response
from feedback.complaints.actions import ComplaintRefused, do_complaint_from_suggestion
from feedback.ikm.files import ikm_pdf, ikm_xlsx
from feedback.ikm.forms import IkmForm
from feedback.ikm.queries import chart_data, get_response, ikm_report
from feedback.survey.rules import unsur


def _report(request):
    form = IkmForm(request.GET)
    start, end, slug, weighting = form.choice()
    return form, ikm_report(start, end, service_slug=slug, weighting=weighting)


@require(Capability.VIEW_IKM)
@require_GET
def ikm_report_view(request):
    form, report = _report(request)
    return render(
        request,
        "feedback/ikm_report.html",
        {
            "form": form,
            "report": report,
            "unsur": unsur(),
            "query": request.GET.urlencode(),
            "can_turn": user_can(request.user, Capability.MANAGE_COMPLAINTS),
        },
    )


@require(Capability.VIEW_IKM)
@require_GET
def ikm_export(request):
    _form, report = _report(request)
    return xlsx_response(ikm_xlsx(report), f"ikm-{report.start:%Y%m%d}-{report.end:%Y%m%d}.xlsx")


@require(Capability.VIEW_IKM)
@require_GET
def ikm_pdf_view(request):
    _form, report = _report(request)
    response = HttpResponse(ikm_pdf(report), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="ikm-{report.start:%Y%m%d}-{report.end:%Y%m%d}.pdf"'
    )
    return response


@require(Capability.VIEW_IKM)
@require_GET
def ikm_chart(request):
    _form, report = _report(request)
    return JsonResponse(chart_data(report))


@require(Capability.MANAGE_COMPLAINTS)
@require_POST
def suggestion_to_complaint(request, pk):
    response = get_response(pk)
    try:
        complaint = do_complaint_from_suggestion(response, actor=request.user)
    except ComplaintRefused as error:
        messages.error(request, str(error))
        return redirect(reverse("feedback:ikm_report"))
    messages.success(request, _("Saran dicatat sebagai pengaduan %(number)s.") % {"number": complaint.number})
    return redirect("feedback:complaint_detail", number=complaint.number)
