from django.urls import path

from feedback.complaints import views as complaints
from feedback.ikm import views as ikm
from feedback.survey import views as survey

app_name = "feedback"

urlpatterns = [
    path("pengaduan/", complaints.complaint_list, name="complaint_list"),
    path("pengaduan/kirim/", complaints.complaint_public, name="complaint_public"),
    path("pengaduan/status/", complaints.complaint_status, name="complaint_status"),
    path("pengaduan/catat/", complaints.complaint_enter, name="complaint_enter"),
    path("pengaduan/laporan/", complaints.complaint_report, name="complaint_report"),
    path("pengaduan/laporan/xlsx/", complaints.complaint_report_export, name="complaint_report_export"),
    path("pengaduan/laporan/grafik.json", complaints.complaint_report_chart, name="complaint_report_chart"),
    path("pengaduan/<str:number>/", complaints.complaint_detail, name="complaint_detail"),
    path("pengaduan/<str:number>/verifikasi/", complaints.complaint_verify, name="complaint_verify"),
    path("pengaduan/<str:number>/tindak-lanjut/", complaints.complaint_follow_up, name="complaint_follow_up"),
    path("pengaduan/<str:number>/selesai/", complaints.complaint_close, name="complaint_close"),
    path("pengaduan/<str:number>/tolak/", complaints.complaint_reject, name="complaint_reject"),
    path(
        "pengaduan/<str:number>/lampiran/<int:pk>/",
        complaints.complaint_attachment,
        name="complaint_attachment",
    ),
    path("survei/layanan/<slug:slug>/", survey.survey_walk_in, name="survey_walk_in"),
    path("survei/layanan/<slug:slug>/qr/", survey.survey_qr, name="survey_qr"),
    path("survei/<str:token>/", survey.survey_answer, name="survey_answer"),
    path("ikm/", ikm.ikm_report_view, name="ikm_report"),
    path("ikm/xlsx/", ikm.ikm_export, name="ikm_export"),
    path("ikm/pdf/", ikm.ikm_pdf_view, name="ikm_pdf"),
    path("ikm/grafik.json", ikm.ikm_chart, name="ikm_chart"),
    path(
        "ikm/saran/<int:pk>/jadikan-pengaduan/", ikm.suggestion_to_complaint, name="suggestion_to_complaint"
    ),
]
