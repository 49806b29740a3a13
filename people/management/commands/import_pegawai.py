from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.commands import actor_named, add_actor_argument, add_file_arguments
from core.tables import UnreadableFile, read_table
from people.imports.actions import (
    do_create_import_opds,
    needs_opds_first,
    no_opd_message,
    opds_to_create,
)
from people.imports.files import siasn
from people.imports.files.tables import check_columns, do_import_pegawai, write_report_csv


class Command(BaseCommand):
    help = (
        "Impor berkas pegawai dari SIASN (Data ASN atau riwayat rw-*), CSV atau XLSX. "
        "Baris yang tidak valid dilewati dan dicatat; berkas yang tidak terbaca tidak mengubah apa pun."
    )

    def add_arguments(self, parser):
        add_file_arguments(parser)
        parser.add_argument(
            "--kind", choices=sorted(siasn.KINDS), help="jenis berkas (bawaan: dikenali dari judul kolom)"
        )
        parser.add_argument("--report", help="tulis daftar baris yang ditolak ke berkas CSV ini")
        add_actor_argument(parser)
        parser.add_argument(
            "--create-opd",
            action="store_true",
            help="buat dulu OPD yang disebut berkas Data ASN tetapi belum ada di Pelita",
        )

    def handle(self, *args, file, dry_run, kind, report, actor, create_opd, **options):
        user = actor_named(actor)
        try:
            table = read_table(file)
            file_kind = check_columns(table, kind).code
            new = opds_to_create(table) if create_opd and file_kind == "data-asn" else []
            if not new and needs_opds_first(file_kind):
                # One message instead of every row rejected for its unknown OPD.
                raise UnreadableFile(no_opd_message(can_create=True, command=True))
            # The new OPDs and the employees in one transaction: a file that cannot be
            # imported leaves no OPD behind, and a dry run leaves nothing at all.
            with transaction.atomic():
                created = do_create_import_opds(new, actor=user)
                result = do_import_pegawai(table, actor=user, kind=file_kind, dry_run=dry_run)
                if dry_run:
                    transaction.set_rollback(True)
        except UnreadableFile as exc:
            # exit 2: the file as a whole was refused and nothing changed
            raise CommandError(exc.message, returncode=2) from None
        if created:
            verb = "OPD yang akan dibuat" if dry_run else "OPD dibuat"
            self.stdout.write(
                f"{verb} ({len(created)}): " + "; ".join(f"{o.name} ({o.code})" for o in created)
            )
        if report:
            write_report_csv(result, report)
        for r in sorted(result.rejections, key=lambda r: r.line)[:20]:
            self.stderr.write(f"baris {r.line}, kolom {r.column}: {r.reason}")
        if result.rejected and len(result.rejections) > 20:
            self.stderr.write(f"… dan {len(result.rejections) - 20} catatan lagi (lihat --report).")
        self.stdout.write(result.summary + (" (dry run: nothing saved)" if dry_run else ""))
