"""Every route of accounts: logging in and out, the password, user management; the captcha.

The captcha picture is public (it is shown on the login page, before anyone is logged in).
Only the image routes of django-simple-captcha: its audio route needs a speech synthesiser
(flite) that a server here does not have, and its refresh route is for a script, which the
login page does not run (a new picture comes with every new attempt). Its widget reverses
"captcha-image" without a namespace, so config/urls.py mounts ``captcha_urlpatterns``
outside the "accounts" namespace.
"""

from captcha import views as captcha
from django.contrib.auth.decorators import login_not_required
from django.urls import path, re_path

from accounts.login import views as login
from accounts.users import views as users

app_name = "accounts"
urlpatterns = [
    path("masuk/", login.LoginView.as_view(), name="login"),
    path("keluar/", login.LogoutView.as_view(), name="logout"),
    path("kata-sandi/", login.password_change, name="password_change"),
    path("pengguna/", users.user_list, name="user_list"),
    path("pengguna/tambah/", users.user_create, name="user_create"),
    path("pengguna/<int:pk>/ubah/", users.user_edit, name="user_edit"),
]

_image = login_not_required(captcha.captcha_image)

# The names are django-simple-captcha's own.
captcha_urlpatterns = [
    re_path(r"image/(?P<key>\w+)/$", _image, name="captcha-image", kwargs={"scale": 1}),
    re_path(r"image/(?P<key>\w+)@2/$", _image, name="captcha-image-2x", kwargs={"scale": 2}),
]
