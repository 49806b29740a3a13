from django.urls import path

from org.units import views

app_name = "org"
urlpatterns = [
    path("opd/", views.opd_list, name="opd_list"),
    path("opd/tambah/", views.opd_create, name="opd_create"),
    path("opd/<int:pk>/", views.opd_detail, name="opd_detail"),
    path("opd/<int:pk>/ubah/", views.opd_edit, name="opd_edit"),
    path("opd/<int:opd_pk>/unit/tambah/", views.unit_create, name="unit_create"),
    path("unit/<int:pk>/ubah/", views.unit_edit, name="unit_edit"),
    path("instansi/", views.instansi_list, name="instansi_list"),
    path("instansi/<int:pk>/", views.instansi_detail, name="instansi_detail"),
    path("instansi/<int:pk>/ubah/", views.instansi_edit, name="instansi_edit"),
    path("instansi/<int:pk>/jam-kerja/", views.office_hours_edit, name="office_hours_edit"),
]
