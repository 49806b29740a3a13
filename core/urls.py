from django.urls import path

from core import notification_views, views

app_name = "core"
urlpatterns = [
    path("hari-libur/", views.holiday_list, name="holiday_list"),
    path("hari-libur/tambah/", views.holiday_add, name="holiday_add"),
    path("hari-libur/<int:pk>/ubah/", views.holiday_edit, name="holiday_edit"),
    path("hari-libur/<int:pk>/batalkan/", views.holiday_cancel, name="holiday_cancel"),
    path("audit/", views.audit_list, name="audit_list"),
    path("notifikasi/", notification_views.notification_list, name="notifications"),
    path("notifikasi/tandai-dibaca/", notification_views.notifications_read, name="notifications_read"),
]
