from django.core.management.base import BaseCommand, CommandError

from core.holidays.actions import do_load_national_holidays


class Command(BaseCommand):
    help = (
        "Muat hari libur nasional dan cuti bersama untuk tahun-tahun yang diberikan. "
        "Hari yang sudah ada (termasuk yang diubah atau dibatalkan Admin) tidak disentuh."
    )

    def add_arguments(self, parser):
        parser.add_argument("years", nargs="+", type=int)

    def handle(self, *args, years, **options):
        if any(not 1990 <= y <= 2100 for y in years):
            raise CommandError("Tahun harus antara 1990 dan 2100.")
        added = do_load_national_holidays(sorted(set(years)), actor=None)
        self.stdout.write(f"{added} hari libur baru dimuat.")
