"""Acceptance of the first installation in production: from an empty PostgreSQL database,
the commands of docs/installation.md (setup_instansi → import_opd → import_pegawai) run as an
administrator runs them (DJANGO_DEBUG=0, the documented variables), and the first Admin logs in
over HTTPS (nginx in front of a gunicorn in production mode) and sees the imported employees; no demo account
exists. Runs in the PostgreSQL pass of ``make test``."""

from __future__ import annotations

import json

from demo.org import USERS
from org.tests.helpers import SETUP_INSTANSI_ARGS, write_unor_csv
from people.tests.siasn_files import Named, asn_row, write_csv
from tests.servers import (
    Gunicorn,
    HttpClient,
    Nginx,
    drop_database,
    fresh_database_url,
    manage,
    production_env,
)

PASSWORD = "Tepian#Kapuas2026"
ROOT, BKD, DINKES = "A5EB03E23BFBF6A0E040640A040252AD", "8AE4-BKD", "8AE4-DINKES"


def test_an_empty_database_becomes_a_working_installation_without_demo_accounts(tmp_path):
    database_url = fresh_database_url("pelita_first_install")
    try:
        env = production_env(database_url, tmp_path / "var", PELITA_ADMIN_PASSWORD=PASSWORD)
        manage(env, "migrate", "--no-input")
        installed = manage(env, "setup_instansi", *SETUP_INSTANSI_ARGS)
        assert "bkd.admin" in installed.stdout
        unor = write_unor_csv(
            tmp_path / "unor.csv",
            [
                [ROOT, "Pemerintah Provinsi Kalimantan Barat", "", ""],
                [BKD, "Badan Kepegawaian Daerah", ROOT, "BKD"],
                [DINKES, "Dinas Kesehatan", ROOT, "Dinkes"],
            ],
        )
        manage(env, "import_opd", str(unor))
        rows = [asn_row(Named("Dinas Kesehatan"), n) for n in (1, 2, 3)]
        imported = manage(
            env, "import_pegawai", str(write_csv(tmp_path / "asn.csv", rows)), "--actor", "bkd.admin"
        )
        assert "imported 3" in imported.stdout + imported.stderr

        # A second setup_instansi changes nothing and says so.
        again = manage(env, "setup_instansi", *SETUP_INSTANSI_ARGS)
        assert "tidak ada yang diubah" in again.stdout

        manage(env, "collectstatic", "--no-input")
        # Behind nginx as in docs/operations.md: it terminates TLS, so the login form's CSRF
        # check sees the https origin it expects.
        with Gunicorn(env, workers=1) as app, Nginx([app.port], tmp_path / "var" / "static") as web:
            client = HttpClient(web.url)
            for username, *_ in USERS:  # no demo account answers with any password
                assert "/akun/masuk/" in client.login(username, "Pelita#Demo2026").url
            landed = client.login("bkd.admin", PASSWORD)
            assert landed.status == 200 and "/akun/masuk/" not in landed.url, landed.text[:500]
            listing = client.get("/pegawai/")
            assert listing.status == 200 and "Pegawai Uji 2" in listing.text
            assert "Traceback" not in app.log() and " 500 " not in app.log(), app.log()[-3000:]

        users = manage(
            env,
            "shell",
            "-c",
            "import json; from accounts.models import User; "
            "print(json.dumps(sorted(User.objects.values_list('username', flat=True))))",
        )
        assert json.loads(users.stdout.strip().splitlines()[-1]) == ["bkd.admin"]
    finally:
        drop_database(database_url)
