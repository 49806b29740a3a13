"""``manage.py prune_uploads``: remove abandoned campaign uploads (cron or a systemd timer).

Chunked uploads idle for longer than ``PELITA_UPLOAD_MAX_AGE_HOURS`` (or ``--hours``) are
closed and their parts deleted from the storage; refused uploads and finished uploads that
no submission uses are removed one period later (campaigns.uploads.actions.do_prune_uploads).
Idempotent: a second run changes nothing. Daily is enough; hourly does no harm.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from campaigns.uploads.actions import do_prune_uploads


class Command(BaseCommand):
    help = "Hapus unggahan kampanye yang terbengkalai beserta potongan berkasnya."

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours",
            type=int,
            default=None,
            help="umur minimal dalam jam (bawaan: PELITA_UPLOAD_MAX_AGE_HOURS)",
        )

    def handle(self, *args, hours=None, **options):
        hours = hours if hours is not None else settings.PELITA_UPLOAD_MAX_AGE_HOURS
        if hours < 1:  # a running upload must never be cut off mid-transfer
            raise CommandError(_("--hours harus sedikitnya 1."), returncode=2)
        counts = do_prune_uploads(actor=None, max_age=dt.timedelta(hours=hours))
        self.stdout.write(
            _(
                "Unggahan kedaluwarsa: %(expired)s; baris dihapus: %(deleted_sessions)s; "
                "berkas tak terpakai dihapus: %(deleted_documents)s; potongan yatim dihapus: %(orphan_parts)s."
            )
            % counts
        )
