import datetime as dt

from django.core.management.base import BaseCommand
from django.utils import timezone

from accounts.actions import do_prune_login_failures


class Command(BaseCommand):
    help = "Hapus catatan gagal masuk yang lebih tua dari N hari (default 30). Untuk cron harian."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=30)

    def handle(self, *args, days, **options):
        deleted = do_prune_login_failures(older_than=timezone.now() - dt.timedelta(days=days))
        self.stdout.write(f"{deleted} catatan gagal masuk dihapus.")
