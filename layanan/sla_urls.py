"""URLs of layanan (see layanan/urls.py): /layanan/sla/…, the SLA compliance report."""

from django.urls import path

from layanan import views_sla

urlpatterns = [
    path("", views_sla.sla_report_view, name="sla_report"),
    path("unduh/", views_sla.sla_export, name="sla_export"),
    path("grafik.json", views_sla.sla_chart_data_view, name="sla_chart_data"),
]
