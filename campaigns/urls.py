"""URLs of the campaigns app (mounted at /kampanye/), one "campaigns" namespace."""

from django.urls import path

from campaigns.design import views as design
from campaigns.exports import views as exports
from campaigns.participation import views as participation
from campaigns.review import views as review
from campaigns.submissions import views as submissions
from campaigns.uploads import views as uploads

app_name = "campaigns"
urlpatterns = [
    # Admin (manage_campaigns; the list also for reviewers)
    path("", design.campaign_list, name="campaign_list"),
    path("baru/", design.campaign_create, name="campaign_create"),
    path("saya/", submissions.campaign_mine, name="campaign_mine"),
    path("<slug:slug>/ubah/", design.campaign_edit, name="campaign_edit"),
    path("<slug:slug>/terbitkan/", design.campaign_publish, name="campaign_publish"),
    path("<slug:slug>/pertanyaan/baru/", design.question_add, name="question_add"),
    path("<slug:slug>/pertanyaan/<int:pk>/ubah/", design.question_edit, name="question_edit"),
    path("<slug:slug>/pertanyaan/<int:pk>/hapus/", design.question_delete, name="question_delete"),
    path("<slug:slug>/pertanyaan/<int:pk>/geser/", design.question_move, name="question_move"),
    # Submitting (the employee themself, or an Operator OPD on behalf)
    path("<slug:slug>/isi/", submissions.campaign_submit, name="campaign_submit"),
    path("<slug:slug>/isi/<int:pegawai>/", submissions.campaign_submit_for, name="campaign_submit_for"),
    path("<slug:slug>/pegawai/", submissions.campaign_opd_pegawai, name="campaign_opd_pegawai"),
    # Chunked uploads (JSON; the form also accepts a plain multipart file)
    path("<slug:slug>/unggah/", uploads.upload_start, name="upload_start"),
    path("unggah/<uuid:upload>/", uploads.upload_status, name="upload_status"),
    path("unggah/<uuid:upload>/potongan/", uploads.upload_chunk, name="upload_chunk"),
    path("unggah/<uuid:upload>/selesai/", uploads.upload_finish, name="upload_finish"),
    # Review (review_campaigns)
    path("<slug:slug>/isian/", review.submission_list, name="submission_list"),
    path("<slug:slug>/isian/<int:pk>/", review.submission_detail, name="submission_detail"),
    path("<slug:slug>/isian/<int:pk>/periksa/", review.submission_review, name="submission_review"),
    path(
        "<slug:slug>/isian/<int:pk>/berkas/<int:document>/",
        review.submission_document,
        name="submission_document",
    ),
    # Participation and who is missing (view_participation)
    path("partisipasi/", participation.campaign_participation_index, name="campaign_participation_index"),
    path("<slug:slug>/partisipasi/", participation.campaign_participation, name="campaign_participation"),
    path(
        "<slug:slug>/partisipasi/data.json",
        participation.campaign_participation_data,
        name="campaign_participation_data",
    ),
    path("<slug:slug>/partisipasi/<int:opd>/belum/", participation.campaign_missing, name="campaign_missing"),
    path(
        "<slug:slug>/partisipasi/<int:opd>/belum.xlsx",
        participation.campaign_missing_xlsx,
        name="campaign_missing_xlsx",
    ),
    # Exports
    path("<slug:slug>/unduh/", exports.campaign_exports, name="campaign_exports"),
    path("<slug:slug>/unduh/isian.xlsx", exports.campaign_export_xlsx, name="campaign_export_xlsx"),
    path("<slug:slug>/unduh/berkas/", exports.campaign_export_files, name="campaign_export_files"),
    path(
        "<slug:slug>/unduh/berkas/<int:job>/status.json",
        exports.campaign_export_status,
        name="campaign_export_status",
    ),
    path(
        "<slug:slug>/unduh/berkas/<int:job>/unduh/",
        exports.campaign_export_download,
        name="campaign_export_download",
    ),
]
