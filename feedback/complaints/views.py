"""Complaint screens: the public form and status page, the staff register (list, entry,
detail with the state moves), attachments and the monthly register report."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.roles import Capability
from accounts.throttle import actions as throttle
from core.clients import client_address
from core.documents import DocumentRejected, do_record_download, document_response, get_document
from core.monthly import MonthlyReport
from core.paging import paginate
from core.permissions import require, user_can
from feedback.complaints import actions
from feedback.complaints.files import register_xlsx
from feedback.complaints.forms import (
    ComplaintFilterForm,
    NoteForm,
    PublicComplaintForm,
    StaffComplaintForm,
    StatusForm,
    VerifyForm,
)
from feedback.complaints.queries import (
    attachments_of,
    get_complaint_for_user,
    list_complaints,
    public_status,
    register_chart,
    register_report,
    steps_of,
)
from feedback.models import Complaint

# Public filing: a person files a few complaints, a script hundreds.
FILING = throttle.Limit("pengaduan-kirim", 10, dt.timedelta(hours=1))
# Status lookups that miss, as the layanan tracker: numbers are not to be guessed.
STATUS_MISSES = throttle.Limit("pengaduan-status", 5, dt.timedelta(minutes=10))


def _file_kwargs(form) -> dict:
    data = form.cleaned_data
    return {
        "subject": data["subject"],
        "body": data["body"],
        "service": data.get("service"),
        "opd": data.get("opd"),
        "anonymous": data.get("anonymous", False),
        "name": data.get("name", ""),
        "email": data.get("email", ""),
        "phone": data.get("phone", ""),
        "lapor_number": data.get("lapor_number", ""),
        "attachments": form.attachments(),
    }


@login_not_required
def complaint_public(request):
    """Anyone may complain; visitors solve a captcha, a logged-in user files under their account."""
    logged_in = request.user.is_authenticated
    form = PublicComplaintForm(request.POST or None, request.FILES or None, captcha=not logged_in)
    refusal = ""
    if request.method == "POST" and form.is_valid():
        counter = FILING.on(throttle.address_key(client_address(request)))
        if throttle.tallies(counter)[0].blocked:
            refusal = _("Terlalu banyak pengaduan dari alamat ini. Silakan coba lagi dalam satu jam.")
        else:
            try:
                complaint = actions.do_file_complaint(
                    channel=form.channel,
                    complainant=request.user if logged_in else None,
                    actor=request.user if logged_in else None,
                    **_file_kwargs(form),
                )
            except DocumentRejected as error:
                form.add_error("attachment", str(error))
            else:
                throttle.hit(counter)
                return render(request, "feedback/complaint_filed.html", {"complaint": complaint})
    return render(request, "feedback/complaint_public.html", {"form": form, "refusal": refusal})


@login_not_required
def complaint_status(request):
    """Number → the states reached, their notes and the answer; nothing personal."""
    data = request.POST if request.method == "POST" else (request.GET if "nomor" in request.GET else None)
    form = StatusForm(data)
    found, refusal = None, ""
    if form.is_bound and form.is_valid():
        key = STATUS_MISSES.on(throttle.address_key(client_address(request)))
        if throttle.tallies(key)[0].blocked:
            refusal = _("Terlalu banyak pencarian yang gagal. Silakan coba lagi dalam 10 menit.")
        else:
            found = public_status(form.cleaned_data["nomor"])
            if found is None:
                throttle.hit(key)
                refusal = _("Pengaduan tidak ditemukan. Periksa kembali nomornya.")
    return render(
        request, "feedback/complaint_status.html", {"form": form, "found": found, "refusal": refusal}
    )


@require_GET
def complaint_list(request):
    form = ComplaintFilterForm(request.GET)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = list_complaints(
        request.user,
        q=filters.get("q", ""),
        status=filters.get("status", ""),
        channel=filters.get("channel", ""),
        overdue=filters.get("terlambat", False),
    )
    return render(
        request,
        "feedback/complaint_list.html",
        {
            "form": form,
            "now": timezone.now(),
            "can_enter": user_can(request.user, Capability.MANAGE_COMPLAINTS),
            "can_report": user_can(request.user, Capability.VIEW_COMPLAINTS),
            **paginate(request, rows),
        },
    )


@require(Capability.MANAGE_COMPLAINTS)
def complaint_enter(request):
    """Staff enter a complaint that came by any channel (in person, letter, telephone, LAPOR!)."""
    form = StaffComplaintForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            complaint = actions.do_file_complaint(
                channel=form.cleaned_data["channel"],
                received_at=form.cleaned_data.get("received_at"),
                actor=request.user,
                **_file_kwargs(form),
            )
        except DocumentRejected as error:
            form.add_error("attachment", str(error))
        else:
            messages.success(request, _("Pengaduan %(number)s dicatat.") % {"number": complaint.number})
            return redirect("feedback:complaint_detail", number=complaint.number)
    return render(request, "feedback/complaint_enter.html", {"form": form})


def _detail_context(request, complaint: Complaint, **forms) -> dict:
    manage = user_can(request.user, Capability.MANAGE_COMPLAINTS)
    return {
        "complaint": complaint,
        "steps": steps_of(complaint),
        "attachments": attachments_of(complaint),
        "manage": manage,
        "verify_form": forms.get("verify_form") or VerifyForm(initial={"opd": complaint.opd_id}),
        "note_form": forms.get("note_form") or NoteForm(),
        "error_action": forms.get("error_action", ""),
    }


@require_GET
def complaint_detail(request, number):
    complaint = get_complaint_for_user(request.user, number)
    return render(request, "feedback/complaint_detail.html", _detail_context(request, complaint))


def _move(request, number, action: str):
    complaint = get_complaint_for_user(request.user, number)
    form = VerifyForm(request.POST) if action == "verify" else NoteForm(request.POST)
    if form.is_valid():
        try:
            if action == "verify":
                actions.do_verify_complaint(
                    complaint,
                    opd=form.cleaned_data["opd"],
                    note=form.cleaned_data["note"],
                    actor=request.user,
                )
            elif action == "follow_up":
                actions.do_follow_up_complaint(complaint, note=form.cleaned_data["text"], actor=request.user)
            elif action == "close":
                actions.do_close_complaint(complaint, answer=form.cleaned_data["text"], actor=request.user)
            else:
                actions.do_reject_complaint(complaint, reason=form.cleaned_data["text"], actor=request.user)
        except actions.ComplaintRefused as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Status pengaduan diperbarui."))
        return redirect("feedback:complaint_detail", number=complaint.number)
    forms = {"verify_form": form} if action == "verify" else {"note_form": form}
    context = _detail_context(request, complaint, error_action=action, **forms)
    return render(request, "feedback/complaint_detail.html", context, status=400)


def _mover(action: str):
    @require(Capability.MANAGE_COMPLAINTS)
    @require_POST
    def view(request, number):
        return _move(request, number, action)

    view.__name__ = f"complaint_{action}"
    return view


complaint_verify = _mover("verify")
complaint_follow_up = _mover("follow_up")
complaint_close = _mover("close")
complaint_reject = _mover("reject")


@require_GET
def complaint_attachment(request, number, pk):
    complaint = get_complaint_for_user(request.user, number)
    document = get_document(pk, owner_models=[Complaint])
    if document is None or document.object_id != complaint.pk:
        raise Http404(_("Lampiran tidak ditemukan."))
    do_record_download(document, actor=request.user)
    return document_response(document)


complaint_report, complaint_report_export, complaint_report_chart = MonthlyReport(
    capability=Capability.VIEW_COMPLAINTS,
    build=lambda request, month: register_report(request.user, month),
    template="feedback/complaint_report.html",
    xlsx=register_xlsx,
    chart=register_chart,
    filename="register-pengaduan",
).views()
