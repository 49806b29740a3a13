"""URLs of the campaigns app (mounted at /kampanye/).

The core screens (campaign admin, submitting, uploads, review) are listed here; the
participation and export screens are in campaigns/urls_participation.py and appended, in
the same "campaigns" namespace.
"""

from django.urls import path

from campaigns import review_views, submit_views, upload_views, urls_participation, views

app_name = "campaigns"
urlpatterns = [
    # Admin (manage_campaigns; the list also for reviewers)
    path("", views.campaign_list, name="campaign_list"),
    path("baru/", views.campaign_create, name="campaign_create"),
    path("saya/", submit_views.campaign_mine, name="campaign_mine"),
    path("<slug:slug>/ubah/", views.campaign_edit, name="campaign_edit"),
    path("<slug:slug>/terbitkan/", views.campaign_publish, name="campaign_publish"),
    path("<slug:slug>/pertanyaan/baru/", views.question_add, name="question_add"),
    path("<slug:slug>/pertanyaan/<int:pk>/ubah/", views.question_edit, name="question_edit"),
    path("<slug:slug>/pertanyaan/<int:pk>/hapus/", views.question_delete, name="question_delete"),
    path("<slug:slug>/pertanyaan/<int:pk>/geser/", views.question_move, name="question_move"),
    # Submitting (the employee themself, or an Operator OPD on behalf)
    path("<slug:slug>/isi/", submit_views.campaign_submit, name="campaign_submit"),
    path("<slug:slug>/isi/<int:pegawai>/", submit_views.campaign_submit_for, name="campaign_submit_for"),
    path("<slug:slug>/pegawai/", submit_views.campaign_opd_pegawai, name="campaign_opd_pegawai"),
    # Chunked uploads (JSON; the form also accepts a plain multipart file)
    path("<slug:slug>/unggah/", upload_views.upload_start, name="upload_start"),
    path("unggah/<uuid:upload>/", upload_views.upload_status, name="upload_status"),
    path("unggah/<uuid:upload>/potongan/", upload_views.upload_chunk, name="upload_chunk"),
    path("unggah/<uuid:upload>/selesai/", upload_views.upload_finish, name="upload_finish"),
    # Review (review_campaigns)
    path("<slug:slug>/isian/", review_views.submission_list, name="submission_list"),
    path("<slug:slug>/isian/<int:pk>/", review_views.submission_detail, name="submission_detail"),
    path("<slug:slug>/isian/<int:pk>/periksa/", review_views.submission_review, name="submission_review"),
    path(
        "<slug:slug>/isian/<int:pk>/berkas/<int:document>/",
        review_views.submission_document,
        name="submission_document",
    ),
    *urls_participation.urlpatterns,
]
