from django.urls import path

from jafung import views

app_name = "jafung"
urlpatterns = [
    path("", views.ranking, name="ranking"),
    path("jenis/", views.jf_types, name="types"),
    path("opd/<int:pk>/", views.opd_detail, name="opd"),
]
