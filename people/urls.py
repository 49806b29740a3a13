from django.urls import path

from people import views

app_name = "people"
urlpatterns = [
    path("", views.pegawai_list, name="pegawai_list"),
    path("unduh/", views.pegawai_export, name="pegawai_export"),
    path("saya/", views.data_saya, name="data_saya"),
    path("<int:pk>/", views.pegawai_detail, name="pegawai_detail"),
]
