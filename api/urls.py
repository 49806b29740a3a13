"""/api/…: the REST API (/api/v1/, namespace "api") and the Admin's token screens (/api/token/)."""

from django.urls import path

from api.tokens import views

app_name = "api_tokens"
urlpatterns = [
    path("", views.token_list, name="token_list"),
    path("baru/", views.token_create, name="token_create"),
    path("<int:pk>/cabut/", views.token_revoke, name="token_revoke"),
]
