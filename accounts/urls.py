from django.urls import path

from accounts import views

app_name = "accounts"
urlpatterns = [
    path("masuk/", views.LoginView.as_view(), name="login"),
    path("keluar/", views.LogoutView.as_view(), name="logout"),
    path("kata-sandi/", views.password_change, name="password_change"),
    path("pengguna/", views.user_list, name="user_list"),
    path("pengguna/tambah/", views.user_create, name="user_create"),
    path("pengguna/<int:pk>/ubah/", views.user_edit, name="user_edit"),
]
