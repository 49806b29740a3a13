from django.urls import path

from reports.dashboard import views
from reports.duk import views as duk
from reports.statistics import views as statistics

app_name = "reports"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("laporan/duk/", duk.duk_page, name="duk_page"),
    path("laporan/duk/unduh/", duk.duk_export, name="duk_export"),
    path("laporan/statistik/", statistics.statistics_page, name="statistics_page"),
    path("laporan/statistik/unduh/", statistics.statistics_export, name="statistics_export"),
]
