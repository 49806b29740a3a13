"""URLs of layanan (see layanan/urls.py): the catalogue's Admin screens under /layanan/kelola/."""

from django.urls import path

from layanan import views_admin as views

urlpatterns = [
    path("", views.service_admin_list, name="service_admin_list"),
    path("<int:pk>/", views.service_admin_edit, name="service_admin_edit"),
    path("<int:pk>/komponen/<slug:component>/", views.component_edit, name="component_edit"),
    path("<int:pk>/persyaratan/tambah/", views.requirement_add, name="requirement_add"),
    path("persyaratan/<int:pk>/", views.requirement_edit, name="requirement_edit"),
    path("persyaratan/<int:pk>/hapus/", views.requirement_delete, name="requirement_delete"),
    path("tahap/<int:pk>/", views.step_edit, name="step_edit"),
    path("<int:pk>/transisi/tambah/", views.transition_add, name="transition_add"),
    path("transisi/<int:pk>/hapus/", views.transition_delete, name="transition_delete"),
    path("<int:pk>/riwayat/", views.service_history, name="service_history"),
]
