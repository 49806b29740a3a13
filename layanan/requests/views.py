"""The applicant's pages: the list of requests, opening one for a service, the request page
(answers, documents, eligibility verdict, timeline) and its POST actions.

Reads go through layanan.requests.queries (a request outside the user's scope is a 404); writes go
through layanan.requests.actions. A user who may see a request but not act for its
employee (a BKD official) gets 403 on the writes.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.roles import Capability
from core.documents import DocumentRejected, do_record_download, document_response
from core.paging import paginate
from core.permissions import user_can
from layanan.models import Request, Requirement, Service
from layanan.requests import rules as eligibility
from layanan.requests.actions import (
    MissingDocuments,
    NotEligible,
    RequestError,
    do_create_request,
    do_remove_request_document,
    do_submit_request,
    do_update_request_answers,
    do_upload_request_document,
    do_use_file_document,
)
from layanan.requests.forms import RequestFilterForm, UploadForm, answer_definitions, answers_form
from layanan.requests.queries import (
    active_service,
    document_of_request,
    file_documents,
    find_pegawai_for_applicant,
    get_request_for_user,
    list_requests_for_user,
    on_behalf_choices,
    pegawai_for_eligibility,
    request_documents,
    request_trail,
)
from people.records.queries import may_act_for, own_pegawai_or_none, pegawai_of_user

EDITABLE_DOCUMENTS = (Request.Status.DRAFT, Request.Status.RETURNED)


@require_GET
def request_list(request):
    form = RequestFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    requests = list_requests_for_user(
        request.user,
        q=filters.get("q", ""),
        service=filters.get("service"),
        status=filters.get("status", ""),
    )
    may_apply = user_can(request.user, Capability.SUBMIT_ON_BEHALF) or pegawai_of_user(request.user).exists()
    services = list(Service.objects.filter(active=True).order_by("order", "name")) if may_apply else []
    return render(
        request,
        "layanan/request_list.html",
        {"form": form, "services": services, **paginate(request, requests)},
    )


@require_http_methods(["GET", "POST"])
def request_create(request, slug: str):
    """The requirement checklist and the eligibility verdict *before* anything is written;
    POST opens the draft. An Operator OPD chooses the employee by NIP."""
    service = active_service(slug)
    user = request.user
    own = own_pegawai_or_none(user)
    on_behalf = user_can(user, Capability.SUBMIT_ON_BEHALF)
    if own is None and not on_behalf:
        raise PermissionDenied
    nip = (request.POST if request.method == "POST" else request.GET).get("nip", "").strip()
    subject, error = own, ""
    if nip:
        subject = find_pegawai_for_applicant(user, nip)
        if subject is None:
            error = _("Tidak ada pegawai dengan NIP %(nip)s yang dapat Anda ajukan.") % {"nip": nip}
    if request.method == "POST" and subject is not None:
        try:
            created = do_create_request(service, subject, actor=user)
        except RequestError as exc:
            error = str(exc)
        else:
            messages.success(
                request,
                _("Draf permohonan %(number)s dibuat. Lengkapi isian dan berkas, lalu ajukan.")
                % {"number": created.number},
            )
            return redirect("layanan:request_detail", number=created.number)
    verdict = None
    if subject is not None:
        verdict = eligibility.check(service, pegawai_for_eligibility(subject), timezone.localdate())
    return render(
        request,
        "layanan/request_create.html",
        {
            "service": service,
            "requirements": list(service.requirements.order_by("order", "id")),
            "subject": subject,
            "own": own,
            "on_behalf": on_behalf,
            "choices": on_behalf_choices(user) if on_behalf else [],
            "nip": nip,
            "error": error,
            "verdict": verdict,
        },
        status=200,
    )


def _requirement_rows(request_obj: Request, editable: bool) -> list[dict]:
    requirements = list(request_obj.service.requirements.order_by("order", "id"))
    given = request_documents(request_obj)
    from_file = {}
    if editable:
        kinds = {r.from_file_kind for r in requirements if r.from_file_kind}
        for document in file_documents(request_obj.pegawai, kinds):
            from_file.setdefault(document.kind, []).append(document)
    return [
        {
            "requirement": r,
            "given": given.get(r.pk),
            "file_options": from_file.get(r.from_file_kind, []),
        }
        for r in requirements
    ]


def _answer_rows(request_obj: Request) -> list[tuple[str, str]]:
    rows = []
    for spec in answer_definitions(request_obj.service):
        value = request_obj.answers.get(spec.code)
        if value is None:
            continue
        rows.append((spec.label, str(dict(spec.choices).get(value, value))))
    return rows


def _render_detail(request, request_obj: Request, form=None):
    may_act = may_act_for(request.user, request_obj.pegawai)
    is_draft = request_obj.status == Request.Status.DRAFT
    documents_editable = may_act and request_obj.status in EDITABLE_DOCUMENTS
    if is_draft:
        verdict = eligibility.check(
            request_obj.service,
            pegawai_for_eligibility(request_obj.pegawai),
            timezone.localdate(),
            request_obj.answers,
        )
    else:
        verdict = request_obj.eligibility or None
    if may_act and is_draft and form is None and answer_definitions(request_obj.service):
        form = answers_form(request_obj.service, initial=request_obj.answers)
    return render(
        request,
        "layanan/request_detail.html",
        {
            "request_obj": request_obj,
            "may_act": may_act,
            "is_draft": is_draft,
            "documents_editable": documents_editable,
            "rows": _requirement_rows(request_obj, documents_editable),
            "answers": _answer_rows(request_obj),
            "answers_form": form if may_act and is_draft else None,
            "verdict": verdict,
            "trail": request_trail(request_obj),
        },
    )


@require_GET
def request_detail(request, number: str):
    return _render_detail(request, get_request_for_user(request.user, number))


def _actionable(request, number: str) -> Request:
    """The request if in scope (else 404) and the user may act for its employee (else 403)."""
    request_obj = get_request_for_user(request.user, number)
    if not may_act_for(request.user, request_obj.pegawai):
        raise PermissionDenied
    return request_obj


def _requirement(request_obj: Request, pk: int) -> Requirement:
    return get_object_or_404(Requirement, pk=pk, service=request_obj.service_id)


def _back(request_obj: Request, anchor: str = "") -> str:
    url = reverse("layanan:request_detail", args=[request_obj.number])
    return f"{url}#{anchor}" if anchor else url


@require_POST
def request_answers(request, number: str):
    request_obj = _actionable(request, number)
    form = answers_form(request_obj.service, data=request.POST)
    if not form.is_valid():
        messages.error(request, _("Isian belum lengkap; periksa kolom yang ditandai."))
        return _render_detail(request, request_obj, form=form)
    try:
        changed = do_update_request_answers(request_obj, form.cleaned_answers(), actor=request.user)
    except RequestError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Isian disimpan.") if changed else _("Tidak ada perubahan isian."))
    return redirect(_back(request_obj, "isian"))


@require_POST
def request_upload(request, number: str, requirement: int):
    request_obj = _actionable(request, number)
    req = _requirement(request_obj, requirement)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Pilih berkas untuk %(name)s.") % {"name": req.name})
        return redirect(_back(request_obj, f"persyaratan-{req.pk}"))
    try:
        do_upload_request_document(request_obj, req, form.cleaned_data["berkas"], actor=request.user)
    except (DocumentRejected, RequestError) as exc:
        messages.error(request, _("%(name)s: %(error)s") % {"name": req.name, "error": exc})
    else:
        messages.success(request, _("Berkas %(name)s diunggah.") % {"name": req.name})
    return redirect(_back(request_obj, f"persyaratan-{req.pk}"))


@require_POST
def request_use_file(request, number: str, requirement: int):
    request_obj = _actionable(request, number)
    req = _requirement(request_obj, requirement)
    try:
        document_pk = int(request.POST.get("document", ""))
    except ValueError:
        messages.error(request, _("Pilih dokumen dari arsip."))
        return redirect(_back(request_obj, f"persyaratan-{req.pk}"))
    document = file_documents(request_obj.pegawai, [req.from_file_kind]).filter(pk=document_pk).first()
    if document is None:
        messages.error(request, _("Dokumen arsip tidak ditemukan untuk persyaratan ini."))
        return redirect(_back(request_obj, f"persyaratan-{req.pk}"))
    try:
        do_use_file_document(request_obj, req, document, actor=request.user)
    except RequestError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("%(name)s diambil dari arsip kepegawaian.") % {"name": req.name})
    return redirect(_back(request_obj, f"persyaratan-{req.pk}"))


@require_POST
def request_remove_document(request, number: str, requirement: int):
    request_obj = _actionable(request, number)
    req = _requirement(request_obj, requirement)
    try:
        removed = do_remove_request_document(request_obj, req, actor=request.user)
    except RequestError as exc:
        messages.error(request, str(exc))
    else:
        if removed:
            messages.success(request, _("Berkas %(name)s dihapus.") % {"name": req.name})
    return redirect(_back(request_obj, f"persyaratan-{req.pk}"))


@require_POST
def request_submit(request, number: str):
    request_obj = _actionable(request, number)
    if request.POST.get("version") != str(request_obj.version):
        messages.error(request, _("Halaman ini sudah usang; muat ulang dan coba lagi."))
        return redirect(_back(request_obj))
    try:
        do_submit_request(request_obj, actor=request.user)
    except MissingDocuments as exc:
        messages.error(request, str(exc))
    except NotEligible as exc:
        messages.error(request, _("Permohonan belum dapat diajukan karena belum memenuhi syarat."))
        for reason in exc.result.hard_failures:
            messages.error(request, reason.message)
    except RequestError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("Permohonan %(number)s diajukan dan diterima di tahap %(step)s.")
            % {"number": request_obj.number, "step": request_obj.step.name},
        )
    return redirect(_back(request_obj))


@require_GET
def request_document(request, number: str, document: int):
    request_obj = get_request_for_user(request.user, number)
    found = document_of_request(request_obj, document)
    do_record_download(found, actor=request.user)
    return document_response(found)
