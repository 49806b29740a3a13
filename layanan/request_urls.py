"""URLs of layanan (see layanan/urls.py): the applicant's requests, under /layanan/permohonan/."""

from django.urls import path

from layanan import url_converters  # noqa: F401  (registers layanan_number)
from layanan import views_requests as views

urlpatterns = [
    path("", views.request_list, name="request_list"),
    path("baru/<slug:slug>/", views.request_create, name="request_create"),
    path("<layanan_number:number>/", views.request_detail, name="request_detail"),
    path("<layanan_number:number>/isian/", views.request_answers, name="request_answers"),
    path("<layanan_number:number>/ajukan/", views.request_submit, name="request_submit"),
    path("<layanan_number:number>/berkas/<int:requirement>/", views.request_upload, name="request_upload"),
    path(
        "<layanan_number:number>/berkas/<int:requirement>/arsip/",
        views.request_use_file,
        name="request_use_file",
    ),
    path(
        "<layanan_number:number>/berkas/<int:requirement>/hapus/",
        views.request_remove_document,
        name="request_remove_document",
    ),
    path(
        "<layanan_number:number>/berkas/<int:document>/unduh/",
        views.request_document,
        name="request_document",
    ),
]
