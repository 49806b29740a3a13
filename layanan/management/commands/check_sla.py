"""``python manage.py check_sla``: the periodic SLA sweep (cron: every 15 minutes).

Idempotent: run it as often as you like; a second run at the same moment does nothing.
"""

from django.core.management.base import BaseCommand

from layanan.sla.actions import do_check_sla


class Command(BaseCommand):
    help = (
        "Tandai permohonan yang melewati batas waktu dan eskalasikan tahap yang melewati target "
        "ke atasan pemegang tahap (notifikasi aplikasi dan surel). Aman dijalankan berulang."
    )

    def handle(self, *args, **options):
        # System work: the audit row reads "sistem" as its actor.
        result = do_check_sla(actor=None)
        style = self.style.WARNING if result.unrouted else self.style.SUCCESS
        self.stdout.write(style(result.summary()))
