"""/siasn/…: every route of the SIASN app, in one namespace."""

from django.urls import path

from siasn.reconciliation import views

app_name = "siasn"
urlpatterns = [
    path("", views.worklist, name="worklist"),
    path("<int:pk>/terima/", views.accept, name="accept"),
    path("<int:pk>/pertahankan/", views.keep, name="keep"),
    path("<int:pk>/perbaikan/", views.correct, name="correct"),
]
