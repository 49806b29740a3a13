from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from core.commands import actor_named, add_actor_argument, add_file_arguments
from core.tables import UnreadableFile, read_table
from org.models import Instansi
from org.unor.actions import UnorFileError, do_import_unor, plan_unor_import


class Command(BaseCommand):
    help = (
        "Impor daftar unor SIASN (CSV atau XLSX; kolom unor_id, unor_nama, unor_induk_id): unor tanpa "
        "induk (atau di bawah unor instansi) menjadi OPD, yang lain menjadi unit kerja di bawah induknya. "
        "Dicocokkan dengan unor_id, jadi aman diulang. Satu baris salah: tidak ada yang disimpan."
    )

    def add_arguments(self, parser):
        add_file_arguments(parser)
        parser.add_argument(
            "--instansi", help="kode instansi (wajib bila Pelita memuat lebih dari satu instansi)"
        )
        parser.add_argument(
            "--root-unor-id",
            default="",
            help="unor_id unor instansi sendiri; anak-anaknya menjadi OPD (bawaan: baris tanpa induk "
            "yang bernama sama dengan instansi, atau yang tersimpan dari impor sebelumnya)",
        )
        add_actor_argument(parser)

    def handle(self, *args, file, dry_run, instansi, root_unor_id, actor, **options):
        user = actor_named(actor)
        target = self._instansi(instansi)
        try:
            table = read_table(file)
            plan = plan_unor_import(table.columns, table.rows, instansi=target, root_id=root_unor_id)
        except (UnreadableFile, UnorFileError) as exc:
            raise CommandError(exc.message, returncode=2) from None
        if plan.rejections:
            for r in sorted(plan.rejections, key=lambda r: r.line):
                self.stderr.write(
                    f"baris {r.line}" + (f" (unor {r.unor_id})" if r.unor_id else "") + f": {r.reason}"
                )
            raise CommandError(
                f"{len({r.line for r in plan.rejections})} baris ditolak; tidak ada yang disimpan. "
                "Perbaiki baris-baris itu lalu impor lagi (--dry-run untuk memeriksa saja)."
            )
        try:
            result = do_import_unor(plan, actor=user, dry_run=dry_run)
        except ValidationError as exc:
            raise CommandError(
                "Impor dibatalkan, tidak ada yang disimpan: " + " ".join(exc.messages)
            ) from None
        if plan.root_id:
            self.stdout.write(f"Unor instansi: {plan.root_id} (anak-anaknya menjadi OPD).")
        self.stdout.write(result.summary + (" (dry run: tidak ada yang disimpan)" if dry_run else ""))

    def _instansi(self, code: str | None) -> Instansi:
        if code:
            found = Instansi.objects.filter(code=code).first()
            if found is None:
                raise CommandError(f"Instansi dengan kode {code!r} tidak ada.", returncode=2)
            return found
        every = list(Instansi.objects.all()[:2])
        if not every:
            raise CommandError(
                "Belum ada instansi. Jalankan setup_instansi lebih dulu (lihat docs/installation.md).",
                returncode=2,
            )
        if len(every) > 1:
            raise CommandError(
                "Pelita memuat lebih dari satu instansi: sebutkan --instansi KODE.", returncode=2
            )
        return every[0]
