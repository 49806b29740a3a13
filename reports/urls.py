from django.urls import path

from reports import views
from reports.duk import views as duk

app_name = "reports"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("laporan/duk/", duk.duk_page, name="duk_page"),
    path("laporan/duk/unduh/", duk.duk_export, name="duk_export"),
]
