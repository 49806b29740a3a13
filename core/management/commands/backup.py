"""``manage.py backup DIR``: the database and every stored file, with a manifest (docs/backup.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from core.backup import BackupError, create_backup
from core.commands import error_line, line_writer

# Exit codes: 1 nothing was written; 2 the backup is complete but files the database refers
# to were already missing from the storage (listed in the manifest), so the timer fails loudly.
FAILED, MISSING_FILES = 1, 2


class Command(BaseCommand):
    help = _(
        "Cadangkan basis data dan semua berkas tersimpan ke subdirektori baru bertanda waktu "
        "di DIR (DIR dibuat bila belum ada)."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", metavar="DIR")

    def handle(self, *args, directory, **options):
        try:
            path, manifest = create_backup(Path(directory), line_writer(self.stdout))
        except Exception as exc:  # BackupError; a storage or disk error too: a message, nothing left behind
            self.stderr.write(
                _("Cadangan GAGAL, tidak ada cadangan yang ditulis: %(error)s")
                % {"error": error_line(exc, BackupError)}
            )
            raise SystemExit(FAILED) from exc
        size = manifest["database"]["size"] + sum(f["size"] for f in manifest["files"])
        self.stdout.write(
            _("Cadangan selesai: %(path)s (%(files)s berkas, %(mb)s MB).")
            % {
                "path": path,
                "files": number_format(len(manifest["files"]), force_grouping=True),
                "mb": number_format(round(size / 1024 / 1024, 1), 1),
            }
        )
        if manifest["missing_files"]:
            self.stderr.write(
                _(
                    "PERHATIAN: %(n)s berkas yang dirujuk basis data sudah tidak ada di penyimpanan "
                    "sebelum pencadangan (tercatat di manifest.json, missing_files)."
                )
                % {"n": len(manifest["missing_files"])}
            )
            raise SystemExit(MISSING_FILES)
