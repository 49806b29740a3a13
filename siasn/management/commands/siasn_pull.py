"""``siasn_pull [--opd ID] [--nip N] [--resume PULL] [--background]``: fetch from SIASN into the
reconciliation worklist (nothing in the master data changes until staff decide)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from core.commands import actor_named, add_actor_argument
from org.models import Opd
from siasn.models import SiasnPull
from siasn.reconciliation.actions import do_start_siasn_pull, run_siasn_pull


class Command(BaseCommand):
    help = "Tarik data pegawai dari SIASN ke daftar rekonsiliasi (tanpa menimpa data Pelita)."

    def add_arguments(self, parser):
        parser.add_argument("--opd", type=int, help="ID OPD (bawaan: seluruh instansi)")
        parser.add_argument("--nip", default="", help="satu NIP saja")
        parser.add_argument(
            "--resume", type=int, help="lanjutkan penarikan dengan ID ini dari posisi terakhirnya"
        )
        parser.add_argument("--background", action="store_true", help="serahkan ke worker (make worker)")
        add_actor_argument(parser)

    def handle(self, *args, **options):
        if options["resume"]:
            pull = SiasnPull.objects.filter(pk=options["resume"]).first()
            if pull is None:
                raise CommandError(f"Penarikan {options['resume']} tidak ada.", returncode=2)
        else:
            opd = None
            if options["opd"]:
                opd = Opd.objects.filter(pk=options["opd"]).first()
                if opd is None:
                    raise CommandError(f"OPD {options['opd']} tidak ada.", returncode=2)
            try:
                pull = do_start_siasn_pull(
                    actor=actor_named(options["actor"]),
                    opd=opd,
                    nip=options["nip"],
                    enqueue=options["background"],
                )
            except ValidationError as exc:
                raise CommandError(" ".join(exc.messages), returncode=2) from None
        if options["background"]:
            self.stdout.write(f"Penarikan {pull.pk} diserahkan ke worker: {pull.total} pegawai.")
            return
        step = max(1, pull.total // 20)

        def report(done: int, total: int) -> None:
            if done == total or done % step < 50:
                self.stdout.write(f"{done}/{total} pegawai")

        pull = run_siasn_pull(pull.pk, report=report)
        self.stdout.write(
            f"Penarikan {pull.pk}: {pull.get_status_display()}, {pull.done}/{pull.total} pegawai, "
            f"{pull.differences} selisih, {pull.rejected} catatan ditolak."
        )
        for rejection in pull.rejections[:20]:
            self.stdout.write(f"  ditolak {rejection['nip']}: {rejection['reason']}")
        if pull.status == SiasnPull.Status.GAGAL:
            raise CommandError(f"{pull.error} Lanjutkan dengan: siasn_pull --resume {pull.pk}", returncode=1)
