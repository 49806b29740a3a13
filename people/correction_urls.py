from django.urls import path

from people import correction_views as views

# Included under /pegawai/perbaikan/ by people/urls.py (namespace "people").
urlpatterns = [
    path("", views.correction_queue, name="correction_queue"),
    path("saya/", views.correction_mine, name="correction_mine"),
    path("usul/<int:pk>/", views.correction_propose, name="correction_propose"),
    path("<int:pk>/", views.correction_detail, name="correction_detail"),
    path("<int:pk>/setujui/", views.correction_approve, name="correction_approve"),
    path("<int:pk>/tolak/", views.correction_reject, name="correction_reject"),
]
