"""/layanan/…: every route of the app, in one namespace.

No path matches two routes, so their order does not matter. ``/layanan/<slug>/`` (a service's
public page) sits beside fixed prefixes such as ``/layanan/lacak/`` and ``/layanan/sla/``;
``/layanan/permohonan/<number>/isian/`` beside ``/layanan/permohonan/baru/<slug>/``. With plain
``slug``/``str`` converters a service slugged "lacak" or a request numbered "baru" would be
shadowed by (or shadow) another page depending on which route is listed first. The converters
below refuse the fixed words, so at most one route matches any path, and reversing with such a
value fails loudly instead of linking elsewhere. layanan/tests/test_url_order.py checks the
lists against the routes.
"""

from __future__ import annotations

import re

from django.urls import path, register_converter

from layanan.catalogue import views as catalogue
from layanan.products import views as products
from layanan.requests import views as requests
from layanan.sla import views as sla
from layanan.workflow import views as workflow

# The first word of every other route under /layanan/ (below).
RESERVED_SERVICE_SLUGS = (
    "kelola",
    "kelola-produk",
    "kotak-masuk",
    "lacak",
    "permohonan",
    "produk",
    "sla",
    "verifikasi",
)
# The fixed first word beside <number> under /layanan/permohonan/ (below).
RESERVED_REQUEST_NUMBERS = ("baru",)


class _Except:
    """A path segment of ``base`` that is none of ``reserved``."""

    base = ""
    reserved: tuple[str, ...] = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        words = "|".join(re.escape(word) for word in cls.reserved)
        cls.regex = rf"(?!(?:{words})(?:/|$)){cls.base}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value) -> str:
        value = str(value)
        if value in self.reserved:
            raise ValueError(f"{value!r} is a fixed word of another route")
        return value


class ServiceSlugConverter(_Except):
    base = "[-a-zA-Z0-9_]+"
    reserved = RESERVED_SERVICE_SLUGS


class RequestNumberConverter(_Except):
    base = "[^/]+"
    reserved = RESERVED_REQUEST_NUMBERS


register_converter(ServiceSlugConverter, "layanan_service")
register_converter(RequestNumberConverter, "layanan_number")


app_name = "layanan"
urlpatterns = [
    # The applicant's requests.
    path("permohonan/", requests.request_list, name="request_list"),
    path("permohonan/baru/<slug:slug>/", requests.request_create, name="request_create"),
    path("permohonan/<layanan_number:number>/", requests.request_detail, name="request_detail"),
    path("permohonan/<layanan_number:number>/isian/", requests.request_answers, name="request_answers"),
    path("permohonan/<layanan_number:number>/ajukan/", requests.request_submit, name="request_submit"),
    path(
        "permohonan/<layanan_number:number>/berkas/<int:requirement>/",
        requests.request_upload,
        name="request_upload",
    ),
    path(
        "permohonan/<layanan_number:number>/berkas/<int:requirement>/arsip/",
        requests.request_use_file,
        name="request_use_file",
    ),
    path(
        "permohonan/<layanan_number:number>/berkas/<int:requirement>/hapus/",
        requests.request_remove_document,
        name="request_remove_document",
    ),
    path(
        "permohonan/<layanan_number:number>/berkas/<int:document>/unduh/",
        requests.request_document,
        name="request_document",
    ),
    # The officials' inboxes, and the applicant's resubmission of a returned request.
    path("kotak-masuk/", workflow.inbox, name="inbox"),
    path("kotak-masuk/massal/", workflow.inbox_bulk, name="inbox_bulk"),
    path("kotak-masuk/<str:number>/tindak/", workflow.inbox_act, name="inbox_act"),
    path("kotak-masuk/<str:number>/ajukan-ulang/", workflow.resubmit, name="resubmit"),
    # The catalogue's Admin screens.
    path("kelola/", catalogue.service_admin_list, name="service_admin_list"),
    path("kelola/<int:pk>/", catalogue.service_admin_edit, name="service_admin_edit"),
    path("kelola/<int:pk>/komponen/<slug:component>/", catalogue.component_edit, name="component_edit"),
    path("kelola/<int:pk>/persyaratan/tambah/", catalogue.requirement_add, name="requirement_add"),
    path("kelola/persyaratan/<int:pk>/", catalogue.requirement_edit, name="requirement_edit"),
    path("kelola/persyaratan/<int:pk>/hapus/", catalogue.requirement_delete, name="requirement_delete"),
    path("kelola/tahap/<int:pk>/", catalogue.step_edit, name="step_edit"),
    path("kelola/<int:pk>/transisi/tambah/", catalogue.transition_add, name="transition_add"),
    path("kelola/transisi/<int:pk>/hapus/", catalogue.transition_delete, name="transition_delete"),
    path("kelola/<int:pk>/riwayat/", catalogue.service_history, name="service_history"),
    # The SLA compliance report.
    path("sla/", sla.sla_report_view, name="sla_report"),
    path("sla/unduh/", sla.sla_export, name="sla_export"),
    path("sla/grafik.json", sla.sla_chart_data_view, name="sla_chart_data"),
    # Products and the public tracker.
    path("kelola-produk/<slug:slug>/", products.product_template_edit, name="product_template_edit"),
    path(
        "kelola-produk/<slug:slug>/pratinjau/",
        products.product_template_preview,
        name="product_template_preview",
    ),
    path("verifikasi/<str:code>/", products.verify, name="verify"),
    path("produk/<str:number>/unduh/", products.product_download, name="product_download"),
    path("lacak/", products.tracker_page, name="tracker"),
    # The public catalogue.
    path("", catalogue.public_list, name="public_list"),
    path("<layanan_service:slug>/", catalogue.public_detail, name="public_detail"),
]
