from django.urls import include, path

from people import document_views, views

app_name = "people"
urlpatterns = [
    path("", views.pegawai_list, name="pegawai_list"),
    path("unduh/", views.pegawai_export, name="pegawai_export"),
    path("saya/", views.data_saya, name="data_saya"),
    path("impor/", include("people.import_urls")),
    path("perbaikan/", include("people.correction_urls")),
    path("<int:pk>/", views.pegawai_detail, name="pegawai_detail"),
    path(
        "<int:pk>/riwayat/<slug:tab>/<int:row>/dokumen/",
        document_views.document_upload,
        name="document_upload",
    ),
    path("<int:pk>/dokumen/<int:document>/", document_views.document_download, name="document_download"),
    path("<int:pk>/dokumen/<int:document>/hapus/", document_views.document_delete, name="document_delete"),
]
