"""/layanan/…: one namespace, one URL module per part of the app.

The public pages come last: their ``<slug>/`` would otherwise shadow the fixed prefixes.
"""

from django.urls import include, path

app_name = "layanan"
urlpatterns = [
    path("permohonan/", include("layanan.request_urls")),
    path("kotak-masuk/", include("layanan.inbox_urls")),
    path("kelola/", include("layanan.admin_urls")),
    path("sla/", include("layanan.sla_urls")),
    path("", include("layanan.product_urls")),  # produk/…, verifikasi/…, lacak/
    path("", include("layanan.public_urls")),
]
