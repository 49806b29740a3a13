from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IpasnConfig(AppConfig):
    name = "ipasn"
    verbose_name = _("Indeks Profesionalitas ASN")

    def ready(self) -> None:
        # Scores follow their inputs: every committed write of people's records is announced
        # by core.audit, and people sits below ipasn, so it cannot call us.
        from core.audit import recorded
        from ipasn.scores.actions import follow_recorded_change

        recorded.connect(follow_recorded_change, dispatch_uid="ipasn.follow_recorded_change")
