"""``python manage.py ikm_report --from D --to D [--service SLUG] [--weighting 0.11|exact]
--format csv|xlsx [--output FILE]``: the IKM table a BKD publishes, one line per service,
per unit and for the whole BKD (columns service, level, respondents, u1..u9 as NRR, ikm,
nilai_konversi, mutu, kinerja, populasi, sampel_krejcie_morgan)."""

import datetime as dt
import sys

from django.core.management.base import BaseCommand, CommandError

from feedback.ikm.files import ikm_csv, ikm_xlsx
from feedback.ikm.queries import ikm_report
from layanan.models import Service
from regulations.skm import Weighting


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"Tanggal harus ISO YYYY-MM-DD, bukan {value!r}.") from None


class Command(BaseCommand):
    help = "Tabel IKM (PermenPANRB 14/2017) untuk rentang tanggal, sebagai CSV atau XLSX."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", required=True, help="tanggal awal YYYY-MM-DD")
        parser.add_argument("--to", dest="end", required=True, help="tanggal akhir YYYY-MM-DD")
        parser.add_argument("--service", help="kode (slug) layanan; tanpa ini: semua layanan")
        parser.add_argument(
            "--weighting", choices=[w.value for w in Weighting], default=Weighting.ROUNDED.value
        )
        parser.add_argument("--format", choices=["csv", "xlsx"], required=True)
        parser.add_argument("--output", help="berkas tujuan (wajib untuk xlsx; CSV tanpa ini ke layar)")

    def handle(self, *args, **options):
        start, end = _date(options["start"]), _date(options["end"])
        if start > end:
            raise CommandError("--from tidak boleh sesudah --to.")
        slug = options.get("service")
        if slug and not Service.objects.filter(slug=slug).exists():
            raise CommandError(f"Layanan {slug!r} tidak dikenal.")
        report = ikm_report(start, end, service_slug=slug, weighting=Weighting(options["weighting"]))
        output = options.get("output")
        if options["format"] == "csv":
            text = ikm_csv(report)
            if output:
                with open(output, "w", encoding="utf-8", newline="") as stream:
                    stream.write(text)
            else:
                self.stdout.write(text, ending="")
            return
        data = ikm_xlsx(report)
        if output:
            with open(output, "wb") as stream:
                stream.write(data)
        elif not sys.stdout.isatty():
            sys.stdout.buffer.write(data)
        else:
            raise CommandError("XLSX perlu --output BERKAS (atau arahkan keluaran ke berkas).")
