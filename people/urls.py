"""/pegawai/…: every route of the people app, in one namespace."""

from django.urls import path

from people.corrections import views as corrections
from people.documents import views as documents
from people.imports import views as imports
from people.quality import views as quality
from people.records import views as records

app_name = "people"
urlpatterns = [
    path("", records.pegawai_list, name="pegawai_list"),
    path("unduh/", records.pegawai_export, name="pegawai_export"),
    path("saya/", records.data_saya, name="data_saya"),
    path("<int:pk>/", records.pegawai_detail, name="pegawai_detail"),
    # Scans attached to history rows.
    path(
        "<int:pk>/riwayat/<slug:tab>/<int:row>/dokumen/",
        documents.document_upload,
        name="document_upload",
    ),
    path("<int:pk>/dokumen/<int:document>/", documents.document_download, name="document_download"),
    path("<int:pk>/dokumen/<int:document>/hapus/", documents.document_delete, name="document_delete"),
    # Data ASN imports.
    path("impor/", imports.import_upload, name="import_upload"),
    path("impor/riwayat/", imports.import_list, name="import_list"),
    path("impor/<int:pk>/", imports.import_job, name="import_job"),
    path("impor/<int:pk>/pratinjau/", imports.import_preview, name="import_preview"),
    path("impor/<int:pk>/mulai", imports.import_confirm, name="import_confirm"),
    path("impor/<int:pk>/batal", imports.import_cancel, name="import_cancel"),
    path("impor/<int:pk>/ulangi", imports.import_retry, name="import_retry"),
    path("impor/<int:pk>/status", imports.import_status, name="import_status"),
    path("impor/<int:pk>/laporan.csv", imports.import_report, name="import_report"),
    # Corrections proposed with a scan, decided by a verifier.
    path("perbaikan/", corrections.correction_queue, name="correction_queue"),
    path("perbaikan/saya/", corrections.correction_mine, name="correction_mine"),
    path("perbaikan/usul/<int:pk>/", corrections.correction_propose, name="correction_propose"),
    path("perbaikan/<int:pk>/", corrections.correction_detail, name="correction_detail"),
    path("perbaikan/<int:pk>/setujui/", corrections.correction_approve, name="correction_approve"),
    path("perbaikan/<int:pk>/tolak/", corrections.correction_reject, name="correction_reject"),
    # Data quality per OPD.
    path("kualitas-data/", quality.quality_ranking, name="quality_ranking"),
    path("kualitas-data/opd/<int:pk>/", quality.quality_opd, name="quality_opd"),
    path("kualitas-data/opd/<int:pk>/unduh/", quality.quality_opd_export, name="quality_opd_export"),
]
