"""Every product letter of the catalogue fits its pages: a letter is one page, and a decree
(keputusan, with its Menimbang/Mengingat/Memutuskan) at most two whose last page goes on with
the decree itself; the signature, the copies and the QR code never stand on a page of their own.
Rendered with a long name and long answers."""

from __future__ import annotations

import io

import pypdf
import pytest

from layanan.catalogue.actions import do_seed_catalogue
from layanan.models import ProductTemplate
from layanan.products.files import render_html, render_pdf, sample_context

pytestmark = pytest.mark.django_db

LONG_ANSWERS = {
    "jenjang": "s2",
    "program_studi": "Magister Administrasi Publik Konsentrasi Manajemen Sumber Daya Aparatur",
    "perguruan_tinggi": "Universitas Negeri Contoh Kampus Daerah Perbatasan Utara",
    "sumber_biaya": "Beasiswa Pemerintah Provinsi melalui Program Peningkatan Kapasitas Aparatur",
}


def test_every_letter_of_the_catalogue_is_one_page(cast):
    do_seed_catalogue(actor=None)
    templates = list(ProductTemplate.objects.select_related("service"))
    assert len(templates) >= 10
    wrong = {}
    for template in templates:
        context = sample_context(template.service, template)
        context["request"].answers = LONG_ANSWERS
        context["pegawai"].nama = "Nama Pegawai Contoh yang Cukup Panjang Sekali"
        pages = pypdf.PdfReader(io.BytesIO(render_pdf(render_html(template, context)))).pages
        decree = "Ditetapkan di" in pages[-1].extract_text()
        last = pages[-1].extract_text().lstrip()
        closing_only = last.startswith(("Ditetapkan", "Tembusan", "Dokumen ini diterbitkan"))
        if len(pages) > (2 if decree else 1) or (len(pages) > 1 and closing_only):
            wrong[template.service.slug] = len(pages)
    assert wrong == {}


def test_production_without_a_base_url_says_so_on_the_template_page_and_in_the_deploy_check(
    cast, client_for, settings
):
    from django.core.checks import run_checks
    from django.urls import reverse

    do_seed_catalogue(actor=None)
    url = reverse("layanan:product_template_edit", args=["izin-belajar"])
    settings.DEBUG, settings.PELITA_BASE_URL_SET = False, False
    page = client_for(cast.admin).get(url)
    assert page.status_code == 200
    assert "PELITA_BASE_URL belum diatur" in page.text and "http://127.0.0.1:8000" in page.text
    assert "layanan.W001" in {m.id for m in run_checks(include_deployment_checks=True)}

    settings.PELITA_BASE_URL_SET = True
    assert "PELITA_BASE_URL belum diatur" not in client_for(cast.admin).get(url).text
    assert "layanan.W001" not in {m.id for m in run_checks(include_deployment_checks=True)}
