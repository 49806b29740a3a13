"""/layanan/…: one namespace, one URL module per part of the app.

No path matches two routes, so their order does not matter: a service's public page
``<layanan_service:slug>/`` refuses the fixed prefixes below, and a request number refuses the
fixed words beside it (layanan.url_converters; checked by layanan/tests/test_url_order.py).
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
