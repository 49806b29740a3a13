"""``manage.py campaign_report SLUG --format csv|xlsx [--output FILE]``: participation per OPD.

Columns exactly ``opd, target, submitted, accepted, percent`` (see campaigns.participation.rules),
one row per OPD of the targeted population, by OPD name; every OPD, no user scope (a
command is run by the operators of the server). CSV goes to standard output unless
``--output`` is given; XLSX needs a file (default ``partisipasi-<slug>.xlsx``). An unknown
slug exits with status 2 and a message in Indonesian.
"""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from campaigns.models import Campaign
from campaigns.participation.queries import participation_rows
from campaigns.participation.rules import REPORT_COLUMNS, sort_rows
from core.spreadsheets import csv_writer, xlsx_bytes


def report_rows(campaign: Campaign) -> list[list]:
    """The report's rows (without the header): one query."""
    return [
        [row.opd, row.target, row.submitted, row.accepted, float(row.percent)]
        for row in sort_rows(participation_rows(campaign), "opd")
    ]


def write_csv(rows: list[list], stream) -> None:
    writer = csv_writer(stream, lineterminator="\n")  # an OPD name is never a live formula
    writer.writerow(REPORT_COLUMNS)
    writer.writerows(rows)


class Command(BaseCommand):
    help = "Tabel partisipasi kampanye per OPD (opd, target, submitted, accepted, percent) sebagai CSV atau XLSX."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="kode kampanye, mis. like-asn-2025")
        parser.add_argument("--format", choices=("csv", "xlsx"), default="csv", dest="fmt")
        parser.add_argument("--output", "-o", help="berkas tujuan (CSV: bawaan keluaran standar)")

    def handle(self, *args, slug, fmt, output, **options):
        campaign = Campaign.objects.filter(slug=slug).first()
        if campaign is None:
            raise CommandError(
                _("Kampanye dengan kode %(slug)s tidak ditemukan.") % {"slug": slug}, returncode=2
            )
        rows = report_rows(campaign)
        if fmt == "csv":
            if output:
                with open(output, "w", encoding="utf-8", newline="") as handle:
                    write_csv(rows, handle)
            else:
                write_csv(rows, self.stdout)
        else:
            output = output or f"partisipasi-{campaign.slug}.xlsx"
            with open(output, "wb") as handle:
                handle.write(xlsx_bytes(campaign.slug, REPORT_COLUMNS, rows))
        if output:
            self.stderr.write(_("%(n)s OPD ditulis ke %(file)s.") % {"n": len(rows), "file": output})
        sys.stdout.flush()
