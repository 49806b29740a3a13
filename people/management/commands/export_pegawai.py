import sys

from django.core.management.base import BaseCommand

from people.imports.files.export import write_data_asn


class Command(BaseCommand):
    help = "Ekspor semua pegawai dalam format Data ASN (CSV atau XLSX); mengimpor hasilnya tidak mengubah apa pun."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["csv", "xlsx"], default="csv", dest="fmt")
        parser.add_argument("--output", help="berkas tujuan (bawaan: keluaran standar)")

    def handle(self, *args, fmt, output, **options):
        if output:
            count = write_data_asn(output, fmt=fmt)
            self.stderr.write(f"{count} pegawai diekspor ke {output}.")
        else:
            write_data_asn(sys.stdout.buffer, fmt=fmt)
            sys.stdout.buffer.flush()
