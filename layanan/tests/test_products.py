"""Products: the PDF issued at completion, its register number, its QR code, and the template
editor."""

from __future__ import annotations

import datetime as dt
import io
import re

import pypdf
import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.documents import storage
from core.models import AuditLog, Document
from layanan.models import Action, Product, ProductTemplate, Request
from layanan.products.actions import do_update_product_template
from layanan.products.files import (
    NoProductTemplate,
    ProductAlreadyIssued,
    issue_product,
    product_context,
    render_html,
    render_pdf,
    url_fetcher,
    verification_url,
)
from layanan.tests.factories import make_service
from layanan.tests.product_builders import OFFICIAL, complete, give_template, submitted_request
from layanan.tests.workflow_helpers import act, holder, walk_to
from people.tests.factories import make_pegawai

pytestmark = pytest.mark.django_db


def pdf_text(document: Document) -> str:
    with storage().open(document.storage_name, "rb") as stored:
        reader = pypdf.PdfReader(io.BytesIO(stored.read()))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def andi(cast):
    return make_pegawai(cast.opd_a, nama="Andi Susanto", user=cast.pegawai_a)


def test_completing_a_request_issues_a_pdf_with_its_number_the_employee_and_the_official(
    cast, chain, izin_belajar, andi
):
    give_template(izin_belajar, actor=cast.admin)
    request = complete(submitted_request(izin_belajar, andi, created_by=cast.pegawai_a), chain)

    product = Product.objects.select_related("document").get(request=request)
    assert request.status == Request.Status.DONE
    assert product.number == f"800/1/BKD-IZIN-BELAJAR/{product.issued_at.year}"
    assert product.document.kind == Document.Kind.PRODUK
    assert product.document.owner == request
    assert product.document.mime_type == "application/pdf"
    text = pdf_text(product.document)
    assert product.number in text
    assert "Andi Susanto" in text
    assert OFFICIAL in text
    assert AuditLog.objects.filter(
        event="produk.diterbitkan", object_id=str(product.pk), actor=cast.unit_pengolah
    ).exists()


def test_register_numbers_count_per_service_and_start_again_each_year(cast, andi):
    izin = make_service("izin-belajar", "Izin Belajar")
    ujian = make_service("ujian-dinas", "Ujian Dinas")
    give_template(izin, actor=cast.admin, number_format="800/{seq}/IB/{year}")
    give_template(ujian, actor=cast.admin, number_format="UD-{year}-{seq}")

    def issue(service, when):
        with time_machine.travel(when, tick=False):
            request = submitted_request(service, andi, created_by=cast.pegawai_a)
            return issue_product(request, actor=cast.unit_pengolah).number

    first = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    assert issue(izin, first) == "800/1/IB/2026"
    assert issue(izin, first + dt.timedelta(days=1)) == "800/2/IB/2026"
    assert issue(ujian, first) == "UD-2026-1"
    # 31 December 18:00 UTC is already 1 January in Jakarta: the year is the office's.
    assert issue(izin, dt.datetime(2026, 12, 31, 18, 0, tzinfo=dt.UTC)) == "800/1/IB/2027"
    assert issue(izin, dt.datetime(2027, 1, 5, 9, 0, tzinfo=dt.UTC)) == "800/2/IB/2027"


def test_the_rendered_letter_embeds_the_qr_code_of_its_verification_url(cast, izin_belajar, andi, settings):
    settings.PELITA_BASE_URL = "https://pelita.example.go.id/"
    template = give_template(izin_belajar, actor=cast.admin)
    product = issue_product(
        submitted_request(izin_belajar, andi, created_by=cast.pegawai_a), actor=cast.admin
    )

    assert len(product.verification_code) >= 20
    assert re.fullmatch(r"[A-Za-z0-9_-]+", product.verification_code)
    url = verification_url(product.verification_code)
    assert url == f"https://pelita.example.go.id/layanan/verifikasi/{product.verification_code}/"
    html = render_html(
        template, product_context(template=template, request=product.request, product=product, verify_url=url)
    )
    assert re.search(r"<svg[^>]*class=\"segno\"", html)
    assert url in html
    assert url in pdf_text(product.document).replace("\n", "")


def test_each_product_has_its_own_verification_code(cast, izin_belajar, andi):
    give_template(izin_belajar, actor=cast.admin)
    codes = {
        issue_product(
            submitted_request(izin_belajar, andi, created_by=cast.pegawai_a), actor=cast.admin
        ).verification_code
        for _ in range(3)
    }
    assert len(codes) == 3


def test_a_service_without_a_template_cannot_be_completed_and_nothing_changes(
    cast, chain, izin_belajar, andi
):
    request = walk_to(submitted_request(izin_belajar, andi, created_by=cast.pegawai_a), "penerbitan", chain)
    documents = Document.objects.count()

    with pytest.raises(NoProductTemplate, match="belum punya templat produk"):
        act(request, holder(chain, request.step.code), Action.COMPLETE)

    request.refresh_from_db()
    assert request.status == Request.Status.IN_PROCESS
    assert request.step.code == "penerbitan"
    assert not Product.objects.exists()
    assert Document.objects.count() == documents


def test_a_request_gets_one_product_only(cast, izin_belajar, andi):
    give_template(izin_belajar, actor=cast.admin)
    request = submitted_request(izin_belajar, andi, created_by=cast.pegawai_a)
    issue_product(request, actor=cast.admin)
    with pytest.raises(ProductAlreadyIssued):
        issue_product(request, actor=cast.admin)
    assert Product.objects.count() == 1


def test_the_pdf_renderer_fetches_no_outside_address():
    for url in ("http://169.254.169.254/latest", "file:///etc/passwd", "https://example.org/logo.png"):
        with pytest.raises(ValueError, match="disallowed protocol"):
            url_fetcher()(url)
    # A refused image is left out; the letter still renders.
    pdf = render_pdf('<p>Logo</p><img src="file:///etc/passwd"><img src="http://127.0.0.1:9/x.png">')
    assert pdf.startswith(b"%PDF-")
    assert "Logo" in pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


# --- Editing the template -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"body": "<p>{% if pegawai %}tanpa penutup</p>"}, "body", "Templat tidak valid"),
        ({"body": "<p>{{ pegawai.nama|tidak_ada }}</p>"}, "body", "Templat tidak valid"),
        ({"body": "{% include 'base.html' %}"}, "body", "gagal ditampilkan"),
        ({"number_format": "800/BKD/{year}"}, "number_format", "{seq}"),
        ({"number_format": "800/{seq}/BKD"}, "number_format", "{year}"),
    ],
)
def test_an_unusable_template_edit_is_refused_in_indonesian_and_changes_nothing(
    cast, izin_belajar, changes, field, message
):
    template = give_template(izin_belajar, actor=cast.admin)
    before = ProductTemplate.objects.values().get(pk=template.pk)
    audits = AuditLog.objects.count()

    with pytest.raises(ValidationError) as refused:
        do_update_product_template(template, changes, actor=cast.admin)

    assert any(message in error for error in refused.value.message_dict[field])
    assert ProductTemplate.objects.values().get(pk=template.pk) == before
    assert AuditLog.objects.count() == audits


def test_two_services_cannot_share_a_number_format(cast):
    give_template(
        make_service("izin-belajar", "Izin Belajar"), actor=cast.admin, number_format="800/{seq}/{year}"
    )
    other = make_service("ujian-dinas", "Ujian Dinas")
    with pytest.raises(ValidationError, match="sudah dipakai layanan Izin Belajar"):
        give_template(other, actor=cast.admin, number_format="800/{seq}/{year}")
    assert not ProductTemplate.objects.filter(service=other).exists()


def test_a_service_gets_one_template_and_edits_are_audited_with_before_and_after(cast, izin_belajar):
    template = give_template(izin_belajar, actor=cast.admin)
    with pytest.raises(ValidationError, match="sudah punya templat"):
        give_template(izin_belajar, actor=cast.admin, number_format="X/{seq}/{year}")

    assert do_update_product_template(template, {"official_name": "Ir. Citra Lestari"}, actor=cast.admin)
    row = AuditLog.objects.filter(event="templat_produk.diubah").get()
    assert row.before == {"official_name": OFFICIAL} and row.after == {"official_name": "Ir. Citra Lestari"}
    assert not do_update_product_template(template, {"official_name": "Ir. Citra Lestari"}, actor=cast.admin)


def test_the_admin_creates_a_template_from_the_suggested_start(cast, client_for, izin_belajar):
    client = client_for(cast.admin)
    url = reverse("layanan:product_template_edit", args=[izin_belajar.slug])
    page = client.get(url)
    assert "belum punya templat produk" in page.content.decode()
    form = page.context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data["official_name"] = "Dr. Bambang Wijaya, M.Si."

    response = client.post(url, data)

    assert response.status_code == 302
    template = ProductTemplate.objects.get(service=izin_belajar)
    assert template.number_format == "800/{seq}/BKD-IZIN-BELAJAR/{year}"
    assert "{{ qr_svg }}" in template.body


def test_the_editor_shows_a_bad_body_next_to_the_field_and_keeps_the_saved_one(
    cast, client_for, izin_belajar
):
    template = give_template(izin_belajar, actor=cast.admin)
    client = client_for(cast.admin)
    url = reverse("layanan:product_template_edit", args=[izin_belajar.slug])
    data = {
        "title": template.title,
        "number_format": template.number_format,
        "official_name": template.official_name,
        "official_nip": template.official_nip,
        "official_title": template.official_title,
        "body": "<p>{% for x in %}</p>",
    }

    response = client.post(url, data)

    assert response.status_code == 200
    assert "Templat tidak valid" in " ".join(response.context["form"].errors["body"])
    template.refresh_from_db()
    assert "{% for x in %}" not in template.body


def test_the_preview_renders_sample_data_to_a_pdf_and_stores_nothing(cast, client_for, izin_belajar):
    give_template(izin_belajar, actor=cast.admin)
    documents = Document.objects.count()

    response = client_for(cast.admin).get(
        reverse("layanan:product_template_preview", args=[izin_belajar.slug])
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(response.content)).pages)
    assert "Nama Pegawai Contoh" in text and OFFICIAL in text and "Izin Belajar" in text
    assert Document.objects.count() == documents
    assert not Product.objects.exists()


def test_every_seeded_template_passes_the_editors_checks_and_renders_to_pdf(cast):
    from layanan.catalogue.actions import do_seed_catalogue
    from layanan.products.files import check_template, preview_pdf

    do_seed_catalogue(actor=cast.admin)
    templates = list(ProductTemplate.objects.select_related("service"))
    assert templates
    for template in templates:
        check_template(body=template.body, number_format=template.number_format, service=template.service)
    # One full render is enough to know the shared letter parts print.
    pdf = preview_pdf(templates[0])
    assert "Nama Pegawai Contoh" in pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
