"""Participation, who-is-missing and export URLs (namespace "campaigns", appended by campaigns/urls.py)."""

from django.urls import path

from campaigns import views_participation as views

urlpatterns = [
    path("partisipasi/", views.campaign_participation_index, name="campaign_participation_index"),
    path("<slug:slug>/partisipasi/", views.campaign_participation, name="campaign_participation"),
    path(
        "<slug:slug>/partisipasi/data.json",
        views.campaign_participation_data,
        name="campaign_participation_data",
    ),
    path("<slug:slug>/partisipasi/<int:opd>/belum/", views.campaign_missing, name="campaign_missing"),
    path(
        "<slug:slug>/partisipasi/<int:opd>/belum.xlsx",
        views.campaign_missing_xlsx,
        name="campaign_missing_xlsx",
    ),
    path("<slug:slug>/unduh/", views.campaign_exports, name="campaign_exports"),
    path("<slug:slug>/unduh/isian.xlsx", views.campaign_export_xlsx, name="campaign_export_xlsx"),
    path("<slug:slug>/unduh/berkas/", views.campaign_export_files, name="campaign_export_files"),
    path(
        "<slug:slug>/unduh/berkas/<int:job>/status.json",
        views.campaign_export_status,
        name="campaign_export_status",
    ),
    path(
        "<slug:slug>/unduh/berkas/<int:job>/unduh/",
        views.campaign_export_download,
        name="campaign_export_download",
    ),
]
