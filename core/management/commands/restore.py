"""``manage.py restore DIR``: check a backup completely, then restore it into an empty database."""

from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from core.backup import BackupError, check_backup, restore_backup
from core.commands import error_line, line_writer


class Command(BaseCommand):
    help = _(
        "Pulihkan cadangan dari DIR ke basis data kosong dan penyimpanan dokumen kosong. "
        "Semua checksum diperiksa lebih dulu; cadangan yang rusak ditolak tanpa mengubah apa pun."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", metavar="DIR")
        parser.add_argument(
            "--check-only",
            action="store_true",
            help=_("Hanya periksa cadangan (manifest, versi, checksum); basis data tidak disentuh."),
        )

    def handle(self, *args, directory, check_only, **options):
        try:
            if check_only:
                manifest = check_backup(Path(directory), line_writer(self.stdout))
                self.stdout.write(
                    _("Cadangan utuh: %(files)s berkas dan basis data cocok dengan manifest (%(created)s).")
                    % {
                        "files": number_format(len(manifest["files"]), force_grouping=True),
                        "created": manifest["created_at"],
                    }
                )
                return
            manifest = restore_backup(Path(directory), line_writer(self.stdout))
        except Exception as exc:  # BackupError; anything else (an unreadable directory) by its type too
            failed = _("Pemeriksaan GAGAL") if check_only else _("Pemulihan GAGAL")
            self.stderr.write(f"{failed}: {error_line(exc, BackupError)}")
            raise SystemExit(1) from exc
        self.stdout.write(
            _("Pemulihan selesai: %(tables)s tabel dan %(files)s berkas, jumlah baris cocok dengan manifest.")
            % {
                "tables": number_format(len(manifest["row_counts"]), force_grouping=True),
                "files": number_format(len(manifest["files"]), force_grouping=True),
            }
        )
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            self.stdout.write(
                _(
                    "Cadangan lebih lama dari kode ini: jalankan `manage.py migrate` sebelum melayani pengguna."
                )
            )
