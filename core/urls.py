from django.urls import path

from core.auditlog import views as auditlog
from core.exports import views as exports
from core.holidays import views as holidays
from core.notifications import views as notifications

app_name = "core"
urlpatterns = [
    path("hari-libur/", holidays.holiday_list, name="holiday_list"),
    path("hari-libur/tambah/", holidays.holiday_add, name="holiday_add"),
    path("hari-libur/<int:pk>/ubah/", holidays.holiday_edit, name="holiday_edit"),
    path("hari-libur/<int:pk>/batalkan/", holidays.holiday_cancel, name="holiday_cancel"),
    path("audit/", auditlog.audit_list, name="audit_list"),
    path("notifikasi/", notifications.notification_list, name="notifications"),
    path("notifikasi/tandai-dibaca/", notifications.notifications_read, name="notifications_read"),
    path("ekspor/", exports.export_list, name="export_list"),
    path("ekspor/<int:pk>/", exports.export_job, name="export_job"),
    path("ekspor/<int:pk>/status/", exports.export_status, name="export_status"),
    path("ekspor/<int:pk>/unduh/", exports.export_download, name="export_download"),
]
