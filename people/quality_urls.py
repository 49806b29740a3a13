from django.urls import path

from people import quality_views

app_name = "quality"
urlpatterns = [
    path("", quality_views.quality_ranking, name="ranking"),
    path("opd/<int:pk>/", quality_views.quality_opd, name="opd"),
    path("opd/<int:pk>/unduh/", quality_views.quality_opd_export, name="opd_export"),
]
