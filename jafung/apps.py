from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JafungConfig(AppConfig):
    name = "jafung"
    verbose_name = _("Pemantauan jabatan fungsional")
