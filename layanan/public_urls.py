"""URLs of layanan (see layanan/urls.py): the public catalogue, /layanan/ and /layanan/<slug>/.
Included last, so ``<slug>/`` shadows none of the app's fixed prefixes."""

from django.urls import path

from . import views_public as views

urlpatterns = [
    path("", views.public_list, name="public_list"),
    path("<slug:slug>/", views.public_detail, name="public_detail"),
]
