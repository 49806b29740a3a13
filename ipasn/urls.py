"""/ipasn/…: every route of the IP-ASN app, in one namespace."""

from django.urls import path

from ipasn.national import views as national
from ipasn.reports import views as reports
from ipasn.scores import views as scores

app_name = "ipasn"
urlpatterns = [
    path("", reports.ranking, name="ranking"),
    path("opd/<int:pk>/", reports.opd_detail, name="opd"),
    path("laporan.xlsx", reports.report_xlsx_view, name="report_xlsx"),
    path("laporan.pdf", reports.report_pdf_view, name="report_pdf"),
    path("saya/", scores.mine, name="mine"),
    path("saya/pelatihan/", scores.record_training, name="record_training"),
    path("pegawai/<int:pk>/", scores.pegawai_score, name="pegawai"),
    path("nasional/", national.national, name="national"),
    path("nasional/impor/", national.national_import, name="national_import"),
]
