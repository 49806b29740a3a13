from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from demo.campaigns import seed_demo_campaigns
from demo.feedback import seed_demo_feedback
from demo.helpdesk import seed_demo_helpdesk
from demo.ipasn import seed_demo_ipasn
from demo.kpo import seed_demo_kpo
from demo.layanan import seed_demo_layanan
from demo.org import DEMO_PASSWORD, USERS, seed_minimal_demo
from demo.people import seed_demo_pegawai
from layanan.catalogue.actions import do_seed_catalogue


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

        parser.add_argument(
            "--i-know-this-is-demo",
            action="store_true",
            dest="demo_confirmed",
            help="izinkan data demo saat DJANGO_DEBUG=0 (akun demo memakai kata sandi yang dipublikasikan)",
        )

    def handle(self, *args, **options):
        # Demo accounts share a published password: in a production configuration they
        # would be an open door, so loading them there must be a deliberate choice.
        if not settings.PELITA_DEMO_ALLOWED and not options["demo_confirmed"]:
            raise CommandError(
                "seed_demo menolak berjalan dengan DJANGO_DEBUG=0: data demo membuat akun dengan kata "
                "sandi yang dipublikasikan. Untuk instalasi nyata pakai setup_instansi; untuk server "
                "demo yang disengaja tambahkan --i-know-this-is-demo."
            )
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
        # The two demo campaigns, LIKE ASN 2025 and SI JAFUNG 2025: created once, after the
        # employees they target.
        for slug, counts in seed_demo_campaigns(options["seed"]).items():
            if counts.get("created"):
                self.stdout.write(
                    self.style.SUCCESS(
                        f"Kampanye demo {slug}: {counts['submissions']} isian dari {counts['targets']} sasaran."
                    )
                )
        # The service catalogue (idempotent: a second run creates nothing).
        catalogue = do_seed_catalogue(actor=None)
        self.stdout.write(
            self.style.SUCCESS(
                "Katalog layanan siap (baru dibuat: "
                + ", ".join(f"{k} {v}" for k, v in catalogue.items())
                + ")."
            )
        )
        # Demo requests need the catalogue's services and the demo employees, so they come last.
        self.stdout.write(seed_demo_layanan(options["seed"]))
        ipasn = seed_demo_ipasn(options["seed"])
        if ipasn:
            self.stdout.write(
                self.style.SUCCESS(
                    f"IP-ASN {ipasn['tahun']}: {ipasn['dinilai']} pegawai dinilai, "
                    f"{ipasn['nasional']} nilai nasional contoh diimpor."
                )
            )
        # Survey answers follow the completed demo requests.
        self.stdout.write(seed_demo_feedback(options["seed"]))
        # The KP lists of the next periods, after every employee and history above.
        self.stdout.write(seed_demo_kpo())
        # Helpdesk tickets in every state, answered by the demo Operator Helpdesk.
        self.stdout.write(seed_demo_helpdesk(options["seed"]))
        self.stdout.write(f"Akun demo (kata sandi sama untuk semua: {DEMO_PASSWORD}):")
        for username, _name, roles, _opd in USERS:
            self.stdout.write(f"  {username:<16} {', '.join(str(r.label) for r in roles)}")
