"""``manage.py send_campaign_reminders``: the periodic reminder run (cron or a systemd timer).

For every open campaign, sends what is due now (campaigns.reminders.rules: offsets before the
close, PELITA_CAMPAIGN_REMINDER_DAYS) through campaigns.reminders.actions. Idempotent: run
it as often as you like (hourly is a good rhythm); a second run sends nothing new.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.participation.queries import open_campaigns
from campaigns.reminders.actions import do_send_campaign_reminders


class Command(BaseCommand):
    help = "Kirim pengingat kampanye kepada pegawai sasaran yang belum mengirim isian, dan eskalasi ke OPD."

    def add_arguments(self, parser):
        parser.add_argument("--campaign", help="hanya kampanye dengan kode ini")

    def handle(self, *args, campaign=None, **options):
        now = timezone.now()
        campaigns = open_campaigns(now)
        if campaign:
            campaigns = campaigns.filter(slug=campaign)
            if not campaigns.exists():
                raise CommandError(
                    _("Kampanye terbuka dengan kode %(slug)s tidak ditemukan.") % {"slug": campaign},
                    returncode=2,
                )
        total = 0
        for item in campaigns:
            run = do_send_campaign_reminders(item, actor=None, now=now)
            total += run.sent
            if run.offset is None:
                continue
            escalated = sum(run.escalated.values())
            self.stdout.write(
                _(
                    "%(slug)s H-%(days)s: %(reminded)s pengingat, %(fix)s pengingat perbaikan, "
                    "%(escalated)s eskalasi."
                )
                % {
                    "slug": item.slug,
                    "days": run.offset,
                    "reminded": run.reminded,
                    "fix": run.fix_reminded,
                    "escalated": escalated,
                }
            )
        self.stdout.write(_("Selesai: %(n)s pemberitahuan dikirim.") % {"n": total})
