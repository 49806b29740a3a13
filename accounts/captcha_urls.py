"""The captcha picture, public: it is shown on the login page, before anyone is logged in.

Only the image routes of django-simple-captcha: its audio route needs a speech synthesiser
(flite) that a server here does not have, and its refresh route is for a script, which the
login page does not run (a new picture comes with every new attempt).
"""

from captcha import views
from django.contrib.auth.decorators import login_not_required
from django.urls import re_path

image = login_not_required(views.captcha_image)

# The names are django-simple-captcha's own: its widget reverses "captcha-image".
urlpatterns = [
    re_path(r"image/(?P<key>\w+)/$", image, name="captcha-image", kwargs={"scale": 1}),
    re_path(r"image/(?P<key>\w+)@2/$", image, name="captcha-image-2x", kwargs={"scale": 2}),
]
