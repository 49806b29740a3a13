from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Inti")

    def ready(self):
        # Django's empty choice of a select is "- Select an option -", which its Indonesian
        # catalogue leaves untranslated; Django lets an app's ready() replace it.
        from django.db.models import fields

        fields.BLANK_CHOICE_LABEL = _("- Pilih -")
