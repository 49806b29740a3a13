from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LayananConfig(AppConfig):
    name = "layanan"
    verbose_name = _("Layanan kepegawaian")

    def ready(self) -> None:
        from django.core import checks

        checks.register(base_url_check, checks.Tags.security, deploy=True)


def base_url_check(app_configs, **kwargs):
    from django.conf import settings
    from django.core import checks

    if settings.PELITA_BASE_URL_SET:
        return []
    return [
        checks.Warning(
            "PELITA_BASE_URL is not set: product QR codes and e-mail links use the default address.",
            hint="Set PELITA_BASE_URL to the public https:// address (docs/operations.md).",
            id="layanan.W001",
        )
    ]
