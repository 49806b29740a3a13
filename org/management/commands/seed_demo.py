from django.core.management.base import BaseCommand
from django.utils import timezone

from org.demo import DEMO_PASSWORD, USERS, seed_minimal_demo


class Command(BaseCommand):
    help = "Muat data demo (provinsi, 37 OPD, hari libur, satu pengguna per peran). Aman dijalankan berulang."

    def handle(self, *args, **options):
        year = timezone.localdate().year
        created = seed_minimal_demo(holiday_years=[year - 1, year, year + 1])
        summary = ", ".join(f"{k} {v}" for k, v in created.items())
        self.stdout.write(self.style.SUCCESS(f"Data demo siap (baru dibuat: {summary})."))
        self.stdout.write(f"Akun demo (kata sandi sama untuk semua: {DEMO_PASSWORD}):")
        for username, _name, roles, _opd in USERS:
            self.stdout.write(f"  {username:<16} {', '.join(str(r.label) for r in roles)}")
