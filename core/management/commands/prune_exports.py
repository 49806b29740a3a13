"""``manage.py prune_exports``: delete background exports (and their files) older than
PELITA_EXPORT_KEEP_DAYS days. Idempotent, for a daily timer (docs/operations.md)."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from core.exports.files import prune_export_jobs


class Command(BaseCommand):
    help = "Hapus ekspor latar belakang (dan berkasnya) yang lebih tua dari PELITA_EXPORT_KEEP_DAYS hari."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="umur maksimum dalam hari (bawaan: pengaturan)"
        )

    def handle(self, *args, days, **options):
        count = prune_export_jobs(keep_days=days)
        self.stdout.write(_("%(n)d ekspor dihapus.") % {"n": count})
