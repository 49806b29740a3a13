"""URLs of layanan products and tracking (see layanan/urls.py): under /layanan/."""

from django.urls import path

from layanan import views_products as views

urlpatterns = [
    path("kelola-produk/<slug:slug>/", views.product_template_edit, name="product_template_edit"),
    path(
        "kelola-produk/<slug:slug>/pratinjau/",
        views.product_template_preview,
        name="product_template_preview",
    ),
    path("verifikasi/<str:code>/", views.verify, name="verify"),
    path("produk/<str:number>/unduh/", views.product_download, name="product_download"),
    path("lacak/", views.tracker_page, name="tracker"),
]
