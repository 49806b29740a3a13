from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from people import siasn
from people.imports import UnreadableFile, do_import_pegawai, write_report_csv


class Command(BaseCommand):
    help = (
        "Impor berkas pegawai dari SIASN (Data ASN atau riwayat rw-*), CSV atau XLSX. "
        "Baris yang tidak valid dilewati dan dicatat; berkas yang tidak terbaca tidak mengubah apa pun."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="periksa dan hitung saja, tanpa menyimpan")
        parser.add_argument(
            "--kind", choices=sorted(siasn.KINDS), help="jenis berkas (bawaan: dikenali dari judul kolom)"
        )
        parser.add_argument("--report", help="tulis daftar baris yang ditolak ke berkas CSV ini")
        parser.add_argument("--actor", help="username pelaku yang dicatat di log audit (bawaan: sistem)")

    def handle(self, *args, file, dry_run, kind, report, actor, **options):
        user = None
        if actor:
            user = get_user_model().objects.filter(username=actor).first()
            if user is None:
                raise CommandError(f"Pengguna {actor!r} tidak ada.", returncode=2)
        try:
            result = do_import_pegawai(file, actor=user, kind=kind, dry_run=dry_run)
        except UnreadableFile as exc:
            # exit 2: the file as a whole was refused and nothing changed
            raise CommandError(exc.message, returncode=2) from None
        if report:
            write_report_csv(result, report)
        for r in sorted(result.rejections, key=lambda r: r.line)[:20]:
            self.stderr.write(f"baris {r.line}, kolom {r.column}: {r.reason}")
        if result.rejected and len(result.rejections) > 20:
            self.stderr.write(f"… dan {len(result.rejections) - 20} catatan lagi (lihat --report).")
        self.stdout.write(result.summary + (" (dry run: nothing saved)" if dry_run else ""))
