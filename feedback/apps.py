from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = _("Pengaduan dan survei kepuasan")

    def ready(self) -> None:
        from core.audit import recorded
        from feedback.survey.actions import offer_on_completion

        # Layanan and the helpdesk sit below feedback: they announce their completions and
        # feedback offers the survey, so neither has to know feedback exists.
        recorded.connect(offer_on_completion, dispatch_uid="feedback.offer_on_completion")
