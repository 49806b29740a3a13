"""The import screens, under /pegawai/impor/ (included by people/urls.py, namespace "people")."""

from django.urls import path

from people import import_views as views

urlpatterns = [
    path("", views.import_upload, name="import_upload"),
    path("riwayat/", views.import_list, name="import_list"),
    path("<int:pk>/", views.import_job, name="import_job"),
    path("<int:pk>/pratinjau/", views.import_preview, name="import_preview"),
    path("<int:pk>/mulai", views.import_confirm, name="import_confirm"),
    path("<int:pk>/batal", views.import_cancel, name="import_cancel"),
    path("<int:pk>/ulangi", views.import_retry, name="import_retry"),
    path("<int:pk>/status", views.import_status, name="import_status"),
    path("<int:pk>/laporan.csv", views.import_report, name="import_report"),
]
