import getpass
import os
import sys

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from org.install.actions import (
    InstansiSetup,
    SetupRefused,
    admin_candidate,
    do_setup_instansi,
    plan_setup,
    resolve_kind,
    resolve_time_zone,
)

PASSWORD_VARIABLE = "PELITA_ADMIN_PASSWORD"


class Command(BaseCommand):
    help = (
        "Instalasi pertama: buat instansi, jam kerja standarnya, hari libur nasional tahun ini dan "
        "tahun depan, dan Admin pertama. Kata sandi dari PELITA_ADMIN_PASSWORD atau ditanyakan. "
        "Aman diulang: yang sudah ada dibiarkan. Lihat docs/installation.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help='nama instansi, mis. "Pemerintah Provinsi …"')
        parser.add_argument("--kind", required=True, help="provinsi, kabupaten atau kota")
        parser.add_argument(
            "--timezone",
            required=True,
            help="Asia/Jakarta atau Asia/Pontianak (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT)",
        )
        parser.add_argument("--admin-username", required=True)
        parser.add_argument("--admin-email", required=True)
        parser.add_argument("--admin-name", default="Administrator", help="nama lengkap Admin")
        parser.add_argument("--code", default="", help="kode instansi (bawaan: dari nama)")
        parser.add_argument("--address", default="", help="alamat instansi")

    def handle(self, *args, **options):
        try:
            setup = InstansiSetup(
                name=options["name"].strip(),
                kind=resolve_kind(options["kind"]),
                time_zone=resolve_time_zone(options["timezone"]),
                admin_username=options["admin_username"].strip(),
                admin_email=options["admin_email"].strip(),
                admin_name=options["admin_name"].strip(),
                code=options["code"].strip(),
                address=options["address"].strip(),
            )
            if not setup.name:
                raise SetupRefused("Nama instansi wajib diisi.")
            plan = plan_setup(setup)
            password = self._password(setup) if plan.create_admin else None
            year = timezone.localdate().year
            result = do_setup_instansi(setup, password=password, holiday_years=[year, year + 1], actor=None)
        except SetupRefused as exc:
            raise CommandError(exc.message) from None
        if setup.time_zone != options["timezone"].strip():
            self.stdout.write(f"Zona waktu {options['timezone'].strip()} disimpan sebagai {setup.time_zone}.")
        instansi = result.instansi
        if not result.changed:
            self.stdout.write(
                self.style.SUCCESS(f"Instansi {instansi.name} sudah ada, tidak ada yang diubah.")
            )
            return
        made = []
        if result.instansi_created:
            made.append(f"instansi {instansi.name} (kode {instansi.code}, {instansi.time_zone})")
        if result.office_days:
            made.append(f"jam kerja {result.office_days} hari")
        if result.holidays:
            made.append(f"{result.holidays} hari libur nasional {year}–{year + 1}")
        if result.admin is not None:
            made.append(f"Admin {result.admin.username}")
        self.stdout.write(self.style.SUCCESS("Dibuat: " + "; ".join(made) + "."))
        self.stdout.write(
            "Berikutnya: impor OPD dengan manage.py import_opd BERKAS (lihat docs/installation.md)."
        )

    def _password(self, setup: InstansiSetup) -> str:
        """From the environment, else asked twice on the terminal; validated either way."""
        password = os.environ.get(PASSWORD_VARIABLE)
        if password is None:
            if not sys.stdin.isatty():
                raise SetupRefused(
                    f"Kata sandi Admin tidak diberikan: setel {PASSWORD_VARIABLE} atau jalankan perintah ini "
                    "di terminal agar kata sandi ditanyakan."
                )
            password = getpass.getpass(f"Kata sandi untuk {setup.admin_username}: ")
            if getpass.getpass("Ulangi kata sandi: ") != password:
                raise SetupRefused("Kedua kata sandi tidak sama; tidak ada yang dibuat.")
        try:
            validate_password(password, user=admin_candidate(setup))
        except ValidationError as exc:
            raise SetupRefused(
                "Kata sandi Admin ditolak; tidak ada yang dibuat. " + " ".join(exc.messages)
            ) from None
        return password
