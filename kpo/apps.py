from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KpoConfig(AppConfig):
    name = "kpo"
    verbose_name = _("KPO dan PPO")

    def ready(self) -> None:
        from core.audit import recorded
        from kpo.periods.actions import on_recorded

        recorded.connect(on_recorded, dispatch_uid="kpo.periods.on_recorded")
