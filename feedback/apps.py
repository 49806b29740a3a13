from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = _("Pengaduan dan survei kepuasan")

    def ready(self) -> None:
        from core.audit import recorded
        from feedback.survey.actions import offer_on_completion
        from feedback.survey.queries import tracker_follow_up
        from layanan.tracking.queries import register_follow_up

        # Layanan and the helpdesk sit below feedback: they announce their completions and
        # feedback offers the survey, so neither has to know feedback exists.
        recorded.connect(offer_on_completion, dispatch_uid="feedback.offer_on_completion")
        # The public tracker of a finished request offers the same one-time link.
        register_follow_up("survey", tracker_follow_up)
