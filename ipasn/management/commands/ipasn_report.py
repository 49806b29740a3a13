import sys

from django.core.management.base import BaseCommand, CommandError

from ipasn.models import Score
from ipasn.reports.files import report_xlsx, write_csv
from ipasn.reports.queries import report_rows


class Command(BaseCommand):
    help = "Laporan Data IP-ASN dari skor tersimpan: CSV atau XLSX ke stdout atau --output."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help="tahun pengukuran")
        parser.add_argument("--format", choices=("csv", "xlsx"), default="csv")
        parser.add_argument("--output", help="berkas tujuan (bawaan: stdout)")

    def handle(self, *args, **options):
        year = options["year"]
        rows = report_rows(Score.objects.all(), year)
        if not rows.exists():
            raise CommandError(f"Belum ada skor IP-ASN tahun {year}: jalankan ipasn_compute --year {year}.")
        if options["format"] == "xlsx":
            data = report_xlsx(rows, year)
            if options["output"]:
                with open(options["output"], "wb") as file:
                    file.write(data)
            else:
                sys.stdout.buffer.write(data)
            return
        if options["output"]:
            with open(options["output"], "w", newline="", encoding="utf-8") as file:
                write_csv(file, rows)
        else:
            write_csv(self.stdout, rows)
