"""``manage.py kgb_list --month 2026-04 [--format csv|xlsx] [--output FILE]``: who is due for a
KGB in the month, with the new gaji pokok, every OPD."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from kpo.inputs.files import write_table
from kpo.kgb import files
from kpo.kgb.queries import kgb_all


class Command(BaseCommand):
    help = "Daftar kenaikan gaji berkala satu bulan (CSV/XLSX)."

    def add_arguments(self, parser):
        parser.add_argument("--month", required=True, help="YYYY-MM")
        parser.add_argument("--format", choices=("csv", "xlsx"), default="csv")
        parser.add_argument("--output", help="berkas tujuan (bawaan: stdout)")

    def handle(self, *args, **options):
        try:
            year, month = (int(x) for x in options["month"].split("-"))
            if not (1900 <= year <= 2200 and 1 <= month <= 12):
                raise ValueError
        except ValueError as exc:
            raise CommandError(f"--month harus YYYY-MM, bukan {options['month']!r}.", returncode=2) from exc
        count = write_table(
            options["format"],
            options["output"],
            "Daftar KGB",
            files.COLUMNS,
            files.rows(kgb_all(year, month)),
            self.stdout,
        )
        self.stderr.write(f"{count} pegawai jatuh tempo KGB pada {year:04d}-{month:02d}.")
