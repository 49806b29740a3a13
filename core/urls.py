from django.urls import path

from core import notification_views, views, views_exports

app_name = "core"
urlpatterns = [
    path("hari-libur/", views.holiday_list, name="holiday_list"),
    path("hari-libur/tambah/", views.holiday_add, name="holiday_add"),
    path("hari-libur/<int:pk>/ubah/", views.holiday_edit, name="holiday_edit"),
    path("hari-libur/<int:pk>/batalkan/", views.holiday_cancel, name="holiday_cancel"),
    path("audit/", views.audit_list, name="audit_list"),
    path("notifikasi/", notification_views.notification_list, name="notifications"),
    path("notifikasi/tandai-dibaca/", notification_views.notifications_read, name="notifications_read"),
    path("ekspor/", views_exports.export_list, name="export_list"),
    path("ekspor/<int:pk>/", views_exports.export_job, name="export_job"),
    path("ekspor/<int:pk>/status/", views_exports.export_status, name="export_status"),
    path("ekspor/<int:pk>/unduh/", views_exports.export_download, name="export_download"),
]
