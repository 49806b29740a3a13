"""``manage.py ppo_list --from 2026-01-01 --to 2026-12-31 [--format csv|xlsx] [--output FILE]``:
everyone whose BUP falls in the window, every OPD."""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from kpo.inputs.files import write_table
from kpo.pension import files
from kpo.pension.queries import ppo_all


def _date(value: str, name: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"{name} harus tanggal YYYY-MM-DD, bukan {value!r}.", returncode=2) from exc


class Command(BaseCommand):
    help = "Daftar PNS yang mencapai BUP dalam rentang tanggal (CSV/XLSX)."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", required=True)
        parser.add_argument("--to", dest="end", required=True)
        parser.add_argument("--format", choices=("csv", "xlsx"), default="csv")
        parser.add_argument("--output", help="berkas tujuan (bawaan: stdout)")

    def handle(self, *args, **options):
        start, end = _date(options["start"], "--from"), _date(options["end"], "--to")
        if end < start:
            raise CommandError("--to sebelum --from.", returncode=2)
        count = write_table(
            options["format"],
            options["output"],
            "Daftar PPO",
            files.COLUMNS,
            files.rows(ppo_all(start, end)),
            self.stdout,
        )
        self.stderr.write(f"{count} pegawai mencapai BUP antara {start.isoformat()} dan {end.isoformat()}.")
