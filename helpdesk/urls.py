from django.urls import path, re_path

from helpdesk.catalogue import views as catalogue
from helpdesk.faq import views as faq
from helpdesk.queue import views as queue
from helpdesk.selfcheck import views as selfcheck
from helpdesk.sla import views as sla
from helpdesk.tickets import views as tickets

app_name = "helpdesk"

NUMBER = r"(?P<number>HD-[0-9A-Z]{8})"

urlpatterns = [
    path("", tickets.index, name="index"),
    path("tanya/<slug:code>/", tickets.ticket_create, name="ticket_create"),
    path("terkirim/", tickets.ticket_sent, name="ticket_sent"),
    path("status/", tickets.status, name="status"),
    path("faq/", faq.faq_list, name="faq"),
    path("faq/saran/", faq.faq_suggest, name="faq_suggest"),
    path("faq/<int:pk>/nilai/", faq.faq_rate, name="faq_rate"),
    path("cek-cpns/", selfcheck.selfcheck, name="selfcheck"),
    path("antrian/", queue.queue_list, name="queue"),
    path("antrian/laporan/", sla.report, name="report"),
    path("antrian/laporan/xlsx/", sla.report_export, name="report_export"),
    path("antrian/laporan/grafik.json", sla.report_chart, name="report_chart"),
    path("antrian/faq/", faq.faq_admin, name="faq_admin"),
    path("antrian/faq/baru/", faq.faq_create, name="faq_create"),
    path("antrian/faq/<int:pk>/", faq.faq_edit, name="faq_edit"),
    path("antrian/jawaban-siap/", catalogue.canned_list, name="canned_list"),
    path("antrian/jawaban-siap/baru/", catalogue.canned_edit, name="canned_create"),
    path("antrian/jawaban-siap/<int:pk>/", catalogue.canned_edit, name="canned_edit"),
    path("antrian/jenis/", catalogue.type_list, name="type_list"),
    path("antrian/jenis/<int:pk>/", catalogue.type_edit, name="type_edit"),
    re_path(rf"^antrian/{NUMBER}/$", queue.ticket_detail, name="ticket_detail"),
    re_path(rf"^antrian/{NUMBER}/aksi/$", queue.ticket_act, name="ticket_act"),
    re_path(
        rf"^antrian/{NUMBER}/berkas/(?P<document>[0-9]+)/$", queue.ticket_document, name="ticket_document"
    ),
    re_path(rf"^antrian/{NUMBER}/faq/(?P<message>[0-9]+)/$", queue.faq_from_answer, name="faq_from_answer"),
]
