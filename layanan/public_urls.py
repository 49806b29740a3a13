"""URLs of layanan (see layanan/urls.py): the public catalogue, /layanan/ and /layanan/<slug>/.
A service slug is never one of the app's fixed prefixes (layanan.url_converters)."""

from django.urls import path

from layanan import url_converters  # noqa: F401  (registers layanan_service)
from layanan import views_public as views

urlpatterns = [
    path("", views.public_list, name="public_list"),
    path("<layanan_service:slug>/", views.public_detail, name="public_detail"),
]
