from django.conf.urls.i18n import set_language
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path

from accounts.urls import captcha_urlpatterns
from api.gateway.views import urlpatterns as api_v1
from core.health.views import healthz

urlpatterns = [
    path("", include("reports.urls")),
    path("healthz", healthz, name="healthz"),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("akun/", include("accounts.urls")),
    path("akun/captcha/", include(captcha_urlpatterns)),
    path("organisasi/", include("org.urls")),
    path("pegawai/", include("people.urls")),
    path("layanan/", include("layanan.urls")),
    path("kampanye/", include("campaigns.urls")),
    path("bantuan/", include("helpdesk.urls")),
    path("jafung/", include("jafung.urls")),
    path("ipasn/", include("ipasn.urls")),
    path("kpo/", include("kpo.urls")),
    path("siasn/", include("siasn.urls")),
    path("api/v1/", api_v1()),
    path("api/token/", include("api.urls")),
    path("", include("feedback.urls")),
    path("", include("core.urls")),
]
