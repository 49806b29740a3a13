from django.core.management.base import BaseCommand, CommandError

from core.commands import actor_named, add_actor_argument
from ipasn.scores.actions import do_compute_scores


class Command(BaseCommand):
    help = "Hitung dan simpan skor IP-ASN seluruh pegawai instansi untuk satu tahun pengukuran."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help="tahun pengukuran, mis. 2026")
        add_actor_argument(parser)

    def handle(self, *args, **options):
        year = options["year"]
        if not 2019 <= year <= 2100:
            raise CommandError("Tahun pengukuran harus antara 2019 dan 2100.")
        counts = do_compute_scores(year, actor=actor_named(options["actor"]))
        self.stdout.write(
            self.style.SUCCESS(
                f"IP-ASN {year}: {counts['dinilai']} pegawai dinilai, {counts['berubah']} skor berubah, "
                f"{counts['dihapus']} dihapus."
            )
        )
