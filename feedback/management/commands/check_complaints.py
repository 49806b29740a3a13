"""``python manage.py check_complaints``: the periodic sweep of the complaint register
(cron/systemd timer: every hour). Open complaints past their answer deadline are marked
escalated and reported to the complaint managers, each once; a second run does nothing."""

from django.core.management.base import BaseCommand

from feedback.complaints.actions import do_escalate_complaints


class Command(BaseCommand):
    help = "Eskalasikan pengaduan yang melewati batas waktu jawaban (sekali per pengaduan)."

    def handle(self, *args, **options):
        escalated = do_escalate_complaints(actor=None)
        self.stdout.write(self.style.SUCCESS(f"{len(escalated)} pengaduan dieskalasi."))
