"""``create_api_token --name N --scopes a,b [--opd ID] [--expires D]``: issue a token and print it once."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from api.tokens.actions import do_create_api_token
from core.commands import actor_named, add_actor_argument
from org.models import Opd


class Command(BaseCommand):
    help = "Terbitkan token API untuk sistem klien; token dicetak sekali dan tidak disimpan."

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True)
        parser.add_argument("--scopes", required=True, help="mis. read:pegawai,read:layanan")
        parser.add_argument("--opd", type=int, help="batasi ke OPD dengan ID ini")
        parser.add_argument("--expires", help="berlaku sampai tanggal ini (YYYY-MM-DD)")
        parser.add_argument(
            "--address", action="append", default=[], help="alamat/jaringan klien yang diizinkan"
        )
        parser.add_argument("--rate", type=int, default=600, help="batas permintaan per menit")
        add_actor_argument(parser)

    def handle(self, *args, **options):
        opd = None
        if options["opd"]:
            opd = Opd.objects.filter(pk=options["opd"]).first()
            if opd is None:
                raise CommandError(f"OPD {options['opd']} tidak ada.", returncode=2)
        expires = None
        if options["expires"]:
            try:
                day = dt.date.fromisoformat(options["expires"])
            except ValueError:
                raise CommandError("--expires harus berupa tanggal YYYY-MM-DD.", returncode=2) from None
            expires = timezone.make_aware(dt.datetime.combine(day, dt.time(23, 59, 59)))
        try:
            token, plain = do_create_api_token(
                name=options["name"],
                scopes=[s.strip() for s in options["scopes"].split(",") if s.strip()],
                opd=opd,
                expires_at=expires,
                allowed_addresses=options["address"],
                rate_per_minute=options["rate"],
                actor=actor_named(options["actor"]),
            )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages), returncode=2) from None
        self.stderr.write(
            f"Token {token.name} diterbitkan; simpan sekarang, token tidak akan ditampilkan lagi."
        )
        self.stdout.write(plain)
