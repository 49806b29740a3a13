"""``python manage.py check_helpdesk_sla``: the helpdesk's periodic SLA sweep (every 15 minutes).

Idempotent: a ticket is marked and escalated once; a second run at the same moment does nothing.
"""

from django.core.management.base import BaseCommand

from helpdesk.sla.actions import do_check_helpdesk_sla


class Command(BaseCommand):
    help = (
        "Tandai tiket helpdesk yang melewati batas waktu, eskalasikan sekali ke tim dan Admin, dan tutup "
        "tiket terjawab yang tidak dibalas dalam batas hari buka kembali. Aman dijalankan berulang."
    )

    def handle(self, *args, **options):
        counts = do_check_helpdesk_sla(actor=None)
        self.stdout.write(
            self.style.SUCCESS(
                f"Helpdesk: {counts['terlambat']} tiket baru terlambat (dieskalasi), "
                f"{counts['ditutup']} tiket terjawab ditutup."
            )
        )
