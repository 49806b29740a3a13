"""``python manage.py seed_helpdesk``: load the helpdesk's problem types, teams, canned answers
and FAQ from helpdesk/content/ (only what does not exist yet; an Admin's edits stay)."""

from django.core.management.base import BaseCommand

from core.commands import actor_named, add_actor_argument
from helpdesk.catalogue.actions import do_seed_helpdesk


class Command(BaseCommand):
    help = "Muat jenis permasalahan, tim, jawaban siap pakai dan FAQ helpdesk (yang belum ada saja)."

    def add_arguments(self, parser):
        add_actor_argument(parser)

    def handle(self, *args, **options):
        created = do_seed_helpdesk(actor=actor_named(options.get("actor")))
        self.stdout.write(
            self.style.SUCCESS(
                "Helpdesk siap (baru dibuat: " + ", ".join(f"{k} {v}" for k, v in created.items()) + ")."
            )
        )
