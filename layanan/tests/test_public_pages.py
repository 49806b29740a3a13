"""The public catalogue: without logging in, anyone reads the services and each standard
with all 14 components, its checklist, its steps, its time and its product."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from layanan.catalogue.actions import do_add_requirement, do_seed_catalogue, do_update_service
from layanan.catalogue.files import SERVICES
from layanan.models import Component, Service
from layanan.tests.factories import make_service

pytestmark = pytest.mark.django_db

SLUGS = [spec.slug for spec in SERVICES]


@pytest.fixture
def seeded(db):
    do_seed_catalogue(actor=None)


def _detail(client, slug):
    return client.get(reverse("layanan:public_detail", kwargs={"slug": slug}))


def test_the_list_shows_every_open_service_without_login(seeded, client):
    response = client.get(reverse("layanan:public_list"))
    assert response.status_code == 200
    html = response.content.decode()
    for service in Service.objects.all():
        assert service.name in html
        assert reverse("layanan:public_detail", kwargs={"slug": service.slug}) in html
    assert "3 hari kerja" in html and "1 hari kerja" in html and "2 bulan" in html
    # in catalogue order
    positions = [html.index(f'data-service="{slug}"') for slug in SLUGS]
    assert positions == sorted(positions)


@pytest.mark.parametrize("slug", SLUGS)
def test_the_standard_shows_all_14_components_in_published_order(seeded, client, slug):
    service = Service.objects.get(slug=slug)
    response = _detail(client, slug)
    assert response.status_code == 200
    html = response.content.decode()
    found = re.findall(r'data-component="([a-z_]+)"', html)
    assert found == Component.values  # all 14, in the order of PermenPAN-RB 15/2014
    for component in service.components.all():
        assert str(component.get_component_display()) in html
        first_line = component.text.splitlines()[0]
        assert first_line.replace("'", "&#x27;").replace('"', "&quot;") in html


def test_the_standard_shows_checklist_steps_duration_and_product(seeded, client):
    html = _detail(client, "laporan-ip-asn").content.decode()
    assert "1 hari kerja" in html
    assert "Laporan Data IP-ASN" in html
    assert "Surat pengantar dari Perangkat Daerah" in html
    checklist = html[html.index('data-testid="requirements"') :]
    assert checklist.index("Surat pengantar") < checklist.index("Laporan/rekapitulasi")
    steps = html[html.index('data-testid="steps"') :]
    order = [
        steps.index(name)
        for name in ("Registrasi dan nomor agenda", "Disposisi Kepala Badan", "Penerbitan produk")
    ]
    assert order == sorted(order)
    assert "Petugas Administrasi" in steps and "Unit Pengolah" in steps


def test_optional_and_archived_documents_are_marked(seeded, client):
    html = _detail(client, "kp-reguler").content.decode()
    assert "bila diperlukan" in html  # STLUD, only when moving to the next golongan
    assert "Dapat diambil dari arsip kepegawaian Anda." in html  # SK pangkat terakhir


def test_the_sk_stage_links_back_to_the_rekomendasi_stage(seeded, client):
    html = _detail(client, "tugas-belajar-sk").content.decode()
    assert reverse("layanan:public_detail", kwargs={"slug": "tugas-belajar-rekomendasi"}) in html


def test_the_apply_button_opens_the_request_form_of_the_service(seeded, client):
    html = _detail(client, "izin-belajar").content.decode()
    assert reverse("layanan:request_create", kwargs={"slug": "izin-belajar"}) in html
    assert "Ajukan permohonan" in html


def test_the_page_carries_a_print_stylesheet(seeded, client):
    html = _detail(client, "ujian-dinas").content.decode()
    assert re.search(r'href="[^"]*layanan/print\.css"[^>]*media="print"', html)


def test_a_closed_service_is_not_published(seeded, client, cast):
    service = Service.objects.get(slug="upkp")
    do_update_service(service, changes={"active": False}, actor=cast.admin)
    assert _detail(client, "upkp").status_code == 404
    assert (
        "Ujian Penyesuaian Kenaikan Pangkat"
        not in client.get(reverse("layanan:public_list")).content.decode()
    )


def test_an_unknown_service_is_404(seeded, client):
    assert _detail(client, "tidak-ada").status_code == 404


def test_the_public_pages_only_answer_get(seeded, client):
    assert client.post(reverse("layanan:public_list")).status_code == 405
    assert client.post(reverse("layanan:public_detail", kwargs={"slug": "izin-belajar"})).status_code == 405


def _queries(call) -> int:
    with CaptureQueriesContext(connection) as context:
        call()
    return len(context)


def test_the_list_uses_the_same_queries_however_many_services(seeded, client):
    url = reverse("layanan:public_list")
    few = _queries(lambda: client.get(url))
    for i in range(8):
        make_service(f"layanan-uji-{i}", f"Layanan Uji {i}")
    assert _queries(lambda: client.get(url)) == few
    assert few == 1  # the services; an anonymous visitor has no session to read
    assert "Layanan Uji 7" in client.get(url).content.decode()


def test_the_standard_uses_the_same_queries_however_long_its_checklist(seeded, client, cast):
    few = _queries(lambda: _detail(client, "laporan-ip-asn"))
    service = Service.objects.get(slug="laporan-ip-asn")
    for i in range(10):
        do_add_requirement(service, name=f"Lampiran {i}", actor=cast.admin)
    assert _queries(lambda: _detail(client, "laporan-ip-asn")) == few
    # service + template + previous stage (one join), components, requirements, steps
    assert few == 4
    assert "Lampiran 9" in _detail(client, "laporan-ip-asn").content.decode()
