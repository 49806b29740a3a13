"""``manage.py kpo_list --period 2026-04-01 [--format csv|xlsx] [--output FILE] [--no-refresh]``:
the KP list of a period, every OPD (for the BKD's cron and for checking). Computes the
period first unless ``--no-refresh`` (then the stored list is printed as it is)."""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from core.commands import actor_named, add_actor_argument
from kpo.inputs.files import write_table
from kpo.models import KpCandidate
from kpo.periods import files
from kpo.periods.actions import do_compute_kp_list
from regulations.promotion import is_kp_period


class Command(BaseCommand):
    help = "Daftar KP satu periode (CSV/XLSX)."

    def add_arguments(self, parser):
        parser.add_argument("--period", required=True, help="tanggal periode KP, YYYY-MM-DD")
        parser.add_argument(
            "--no-refresh", action="store_true", help="cetak daftar tersimpan tanpa menghitung ulang"
        )
        parser.add_argument("--format", choices=("csv", "xlsx"), default="csv")
        parser.add_argument("--output", help="berkas tujuan (bawaan: stdout)")
        add_actor_argument(parser)

    def handle(self, *args, **options):
        try:
            period = date.fromisoformat(options["period"])
        except ValueError as exc:
            raise CommandError(
                f"--period harus tanggal YYYY-MM-DD, bukan {options['period']!r}.", returncode=2
            ) from exc
        if not is_kp_period(period):
            raise CommandError(f"{period.isoformat()} bukan periode KP.", returncode=2)
        if not options["no_refresh"]:
            do_compute_kp_list(period, actor=actor_named(options["actor"]))
        rows = (
            KpCandidate.objects.filter(period=period)
            .select_related("opd")
            .order_by("opd__name", "nama", "pk")
        )
        count = write_table(
            options["format"],
            options["output"],
            "Daftar KP",
            files.COLUMNS,
            files.rows(rows.iterator(chunk_size=2000)),
            self.stdout,
        )
        self.stderr.write(f"{count} pegawai jatuh tempo pada periode {period.isoformat()}.")
