from django.core.management.base import BaseCommand
from django.utils import timezone

from org.demo import DEMO_PASSWORD, USERS, seed_minimal_demo


class Command(BaseCommand):
    help = (
        "Muat data demo (provinsi, 37 OPD, hari libur, satu pengguna per peran, dan pegawai sintetis "
        "dengan riwayatnya). Aman dijalankan berulang: yang sudah ada dibiarkan."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--pegawai",
            type=int,
            default=10_334,
            help="jumlah pegawai sintetis (bawaan 10334; 0: tanpa pegawai)",
        )
        parser.add_argument(
            "--seed", type=int, default=2026, help="benih acak; seed sama, data sama (bawaan 2026)"
        )

    def handle(self, *args, **options):
        # Commands are assembly: org may not import people at module level, this command may.
        from people.demo import seed_demo_pegawai

        year = timezone.localdate().year
        created = seed_minimal_demo(holiday_years=[year - 1, year, year + 1])
        summary = ", ".join(f"{k} {v}" for k, v in created.items())
        self.stdout.write(self.style.SUCCESS(f"Data demo siap (baru dibuat: {summary})."))
        loaded = seed_demo_pegawai(options["pegawai"], options["seed"])
        if loaded["pegawai"]:
            defects = ", ".join(f"{k} {v}" for k, v in loaded["defects"].items())
            self.stdout.write(
                self.style.SUCCESS(
                    f"Pegawai demo dimuat: {loaded['pegawai']} pegawai "
                    f"({loaded['jenis_jabatan']['fungsional']} fungsional), seed {options['seed']}; "
                    f"cacat data yang disengaja: {defects}."
                )
            )
        else:
            self.stdout.write("Pegawai demo sudah ada (atau --pegawai 0): tidak ada yang ditambahkan.")
        self.stdout.write(f"Akun demo (kata sandi sama untuk semua: {DEMO_PASSWORD}):")
        for username, _name, roles, _opd in USERS:
            self.stdout.write(f"  {username:<16} {', '.join(str(r.label) for r in roles)}")
