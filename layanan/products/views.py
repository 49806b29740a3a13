"""Product screens: the template editor (Admin), the public verification page behind the QR
code, the product download, and the public tracker."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from accounts.roles import Capability
from core.clients import client_address
from core.documents import do_record_download, document_response
from core.inputs import edit_form
from core.permissions import require
from layanan.models import ProductTemplate
from layanan.products.actions import do_create_product_template, do_update_product_template
from layanan.products.files import DEFAULT_BODY, base_url_warning, mask_name, mask_nip, preview_pdf
from layanan.products.forms import ProductTemplateForm, TrackerForm
from layanan.products.queries import find_product_by_code, get_product_for_user, get_service_with_template
from layanan.tracking import queries as tracker


def _starting_template(service) -> ProductTemplate:
    """What the editor offers a service that has no template yet (unsaved)."""
    return ProductTemplate(
        service=service,
        title=_("Surat %(service)s") % {"service": service.name},
        number_format=f"800/{{seq}}/BKD-{service.slug.upper()}/{{year}}",
        body=DEFAULT_BODY,
        official_title=_("Kepala Badan Kepegawaian Daerah"),
    )


@require(Capability.MANAGE_SERVICES)
@require_http_methods(["GET", "POST"])
def product_template_edit(request, slug: str):
    service, template = get_service_with_template(slug)
    data = request.POST if request.method == "POST" else None
    if template is None:
        form = ProductTemplateForm(data, instance=_starting_template(service))
    else:
        form = edit_form(ProductTemplateForm, template, data)
    if request.method == "POST" and form.is_valid():
        try:
            if template is None:
                do_create_product_template(service, actor=request.user, **form.cleaned_data)
                changed = True
            else:
                changed = do_update_product_template(template, form.cleaned_data, actor=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if changed:
                messages.success(
                    request, _("Templat produk %(service)s disimpan.") % {"service": service.name}
                )
            else:
                messages.info(request, _("Tidak ada perubahan."))
            return redirect("layanan:product_template_edit", slug=service.slug)
    return render(
        request,
        "layanan/product_template_form.html",
        {"service": service, "template": template, "form": form, "base_url_warning": base_url_warning()},
    )


@require(Capability.MANAGE_SERVICES)
@require_GET
def product_template_preview(request, slug: str):
    """The saved template (or the starting one) with dummy data, as an inline PDF: nothing stored."""
    service, template = get_service_with_template(slug)
    pdf = preview_pdf(template or _starting_template(service))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="pratinjau-{service.slug}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


@login_not_required
@require_GET
def verify(request, code: str):
    """The page the QR code opens: is this document genuine? Holder's name and NIP masked."""
    product = find_product_by_code(code)
    if product is None:
        return render(request, "layanan/product_verify_unknown.html", status=404)
    pegawai = product.request.pegawai
    return render(
        request,
        "layanan/product_verify.html",
        {
            "product": product,
            "service": product.request.service,
            "instansi": product.request.opd.instansi,
            "holder_name": mask_name(pegawai.nama),
            "holder_nip": mask_nip(pegawai.nip),
        },
    )


@require_GET
def product_download(request, number: str):
    """The product PDF of request ``number``; every download is audited."""
    product = get_product_for_user(request.user, number)
    do_record_download(product.document, actor=request.user)
    return document_response(product.document)


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def tracker_page(request):
    """Number + NIP → status and steps. POST keeps the NIP out of URLs, logs and history."""
    form = TrackerForm(request.POST if request.method == "POST" else None)
    found = None
    refusal = ""
    if request.method == "POST" and form.is_valid():
        client = client_address(request)
        if tracker.is_blocked(client):
            refusal = _("Terlalu banyak pencarian yang gagal. Silakan coba lagi dalam 10 menit.")
        else:
            found = tracker.track(form.cleaned_data["number"], form.cleaned_data["nip"])
            if found is None:
                tracker.record_failure(client)
                refusal = _("Permohonan tidak ditemukan. Periksa kembali nomor permohonan dan NIP pemohon.")
    if form.is_bound and form.is_valid():
        # A fresh form for the next search: the NIP is never echoed back into the page.
        form = TrackerForm(initial={"number": form.cleaned_data["number"]})
    return render(
        request,
        "layanan/tracker.html",
        {"form": form, "found": found, "refusal": refusal},
    )
