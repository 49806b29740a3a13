"""``python manage.py expire_stuck_jobs``: fail imports whose worker died (timer: every 5 minutes).

Idempotent: a job is failed once; a second run finds nothing new. It also deletes the kept
files of failed imports nobody retried within PELITA_IMPORT_RETRY_DAYS.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from people.imports.actions import do_drop_unretried_import_files, do_expire_stuck_import_jobs


class Command(BaseCommand):
    help = (
        "Tandai gagal impor yang berstatus Diproses tetapi pekerjanya tidak memberi tanda aktif "
        "selama PELITA_JOB_STUCK_MINUTES menit (dapat diulang dari halamannya), dan hapus berkas "
        "impor gagal yang tidak diulang dalam PELITA_IMPORT_RETRY_DAYS hari. Aman dijalankan berulang."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--minutes",
            type=int,
            default=None,
            help="tanpa tanda aktif selama sekian menit (bawaan: PELITA_JOB_STUCK_MINUTES); "
            "0 hanya bila Anda tahu pekerjanya sudah mati",
        )

    def handle(self, *args, minutes=None, **options):
        if minutes is not None and minutes < 0:
            minutes = 0
        minutes = settings.PELITA_JOB_STUCK_MINUTES if minutes is None else minutes
        # System work: the audit rows read "sistem" as their actor.
        expired = do_expire_stuck_import_jobs(actor=None, minutes=minutes)
        dropped = do_drop_unretried_import_files(actor=None)
        for job in expired:
            self.stdout.write(f"impor #{job.pk} ({job.original_name}) ditandai gagal: terhenti")
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(expired)} impor terhenti ditandai gagal; {dropped} berkas lama dihapus."
            )
        )
