"""A real worker killed (SIGKILL) half-way through a large import, and what follows.

A fresh database (PostgreSQL in the PostgreSQL pass of ``make test``, a temporary SQLite
file in the SQLite pass) is migrated; a ``manage.py shell`` process uploads and confirms a
generated Data ASN file of 5,000 employees through the actions the screens call, which
queue the run on the database queue. A real ``manage.py db_worker`` takes it; a gunicorn,
another process with its own connections, answers the job's status endpoint. Once the
status shows the import mid-way, the worker is killed with SIGKILL. Then:

- not one employee of the file is in the database (the import is one transaction);
- ``manage.py expire_stuck_jobs`` marks the job failed, with its reason;
- "Ulangi impor" (a POST to the retry URL, through gunicorn) queues it again, and a new
  worker imports all 5,000.

Everything happens in one test so the database is built once. Every process is started by
the test and ended by its own PID.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import time
from types import SimpleNamespace

import pytest

from people.tests.siasn_files import asn_row, write_csv
from tests.servers import (
    DbWorker,
    Gunicorn,
    HttpClient,
    drop_database,
    fresh_database_url,
    manage,
    production_env,
)

ROWS = 5000  # five chunks of 1,000 (people.imports.files.tables.CHUNK): progress is published four times

SETUP = """
import json, os
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.core.files import File
from accounts.users.actions import do_create_user
from accounts.roles import Role
from org.units.actions import do_create_instansi, do_create_opd
from org.models import Instansi
from people.imports.actions import do_confirm_import_job, do_create_import_job
from people.imports.files.tables import read_table

instansi = do_create_instansi(
    actor=None, code="9900", name="Pemerintah Provinsi Uji", kind=Instansi.Kind.PROVINSI,
    time_zone=Instansi.TimeZone.WIB,
)
bkd = do_create_opd(actor=None, instansi=instansi, code="07", name="Badan Kepegawaian Daerah", short_name="BKD")
do_create_opd(actor=None, instansi=instansi, code="13", name="Dinas Kesehatan", short_name="Dinkes")
admin = do_create_user(
    username="admin", name="Admin BKD", password=os.environ["TEST_PASSWORD"], roles=[Role.ADMIN], opd=bkd,
    actor=None,
)
path = os.environ["TEST_IMPORT_FILE"]
with open(path, "rb") as handle:
    job = do_create_import_job(
        upload=File(handle, name="data-asn-besar.csv"), table=read_table(path), kind=None, opd=None, actor=admin
    )
do_confirm_import_job(job, actor=admin)  # queues the run once it commits, as "Impor sekarang" does

# A logged-in browser's session, so the HTTP client needs no login page (no static files).
session = SessionStore()
session[SESSION_KEY] = str(admin.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = admin.get_session_auth_hash()
session.create()
print(json.dumps({"job": job.pk, "session": session.session_key}))
"""

STATE = """
import json
from people.models import ImportJob, Pegawai
job = ImportJob.objects.get()
print(json.dumps({"pegawai": Pegawai.objects.count(), "status": job.status, "attempt": job.attempt,
                  "imported": job.imported, "error": job.error}))
"""


@pytest.fixture
def database_url(tmp_path):
    if os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        url = fresh_database_url("pelita_worker_death")
        yield url
        drop_database(url)
    else:
        yield f"sqlite:///{tmp_path / 'pelita.sqlite3'}"


def large_data_asn_file(path):
    opd = SimpleNamespace(name="Dinas Kesehatan")
    # One birth date per employee keeps every NIP and NIK unique.
    rows = [
        asn_row(opd, seq, birth=dt.date(1970, 1, 1) + dt.timedelta(days=seq)) for seq in range(1, ROWS + 1)
    ]
    return write_csv(path, rows)


def shell(env, code: str) -> dict:
    return json.loads(manage(env, "shell", "-c", code).stdout.strip().splitlines()[-1])


def test_a_worker_killed_mid_import_leaves_nothing_half_imported_and_the_retried_job_completes(
    database_url, tmp_path
):
    password = secrets.token_urlsafe(12)
    env = production_env(
        database_url,
        tmp_path / "var",
        TEST_IMPORT_FILE=large_data_asn_file(tmp_path / "data-asn-besar.csv"),
        TEST_PASSWORD=password,
    )
    manage(env, "migrate", "--no-input")
    setup = shell(env, SETUP)
    job = setup["job"]
    before = shell(env, STATE)
    assert (before["pegawai"], before["status"], before["attempt"]) == (0, "menunggu", 0)
    assert before["imported"] == ROWS, "the preview (a dry run) counted every row as new"

    with Gunicorn(env, workers=1) as app:
        client = HttpClient(app.url)
        client.cookies["sessionid"] = setup["session"]
        status_url = f"/pegawai/impor/{job}/status"

        def status() -> dict:
            response = client.get(status_url, follow=False)
            assert response.status == 200, f"{response.status}\n{app.log()[-3000:]}"
            return json.loads(response.body)

        worker = DbWorker(env, tmp_path / "worker-1.log", "--interval", "0.2")
        try:
            # Progress visible from another process while the import's transaction is open.
            deadline = time.monotonic() + 300
            seen = status()
            while not (seen["status"] == "diproses" and 0 < seen["done"] < seen["total"]):
                assert seen["status"] in {"menunggu", "diproses"}, f"{seen}\n{worker.log()[-3000:]}"
                assert time.monotonic() < deadline, (
                    f"no progress within 300 s: {seen}\n{worker.log()[-3000:]}"
                )
                time.sleep(0.05)
                seen = status()
            worker.kill()
        finally:
            worker.stop()
        assert seen["total"] == ROWS and seen["done"] % 1000 == 0, seen

        after_kill = shell(env, STATE)
        assert after_kill["pegawai"] == 0, "nothing of the file may remain after the kill"
        assert after_kill["status"] == "diproses", "nobody has noticed yet"
        assert status()["done"] == seen["done"], "the dead worker's last progress is still shown"

        # The timer's sweep (0 minutes: we know this worker is dead; the default waits 10).
        swept = manage(env, "expire_stuck_jobs", "--minutes", "0").stdout
        assert "1 impor terhenti ditandai gagal" in swept
        failed = status()
        assert (failed["status"], failed["finished"]) == ("gagal", True)
        state = shell(env, STATE)
        assert state["status"] == "gagal" and "Impor terhenti" in state["error"], state
        assert "1 impor" not in manage(env, "expire_stuck_jobs", "--minutes", "0").stdout, "idempotent"

        # "Ulangi impor" on the job page: a form POST with the CSRF cookie and token.
        client.cookies["csrftoken"] = secrets.token_hex(16)
        response = client.post(
            f"/pegawai/impor/{job}/ulangi",
            follow=False,
            headers={"Origin": app.url.replace("http:", "https:")},
        )
        assert response.status == 302 and response.header("Location") == f"/pegawai/impor/{job}/", (
            f"{response.status} {response.text[:500]}"
        )
        assert status()["status"] == "menunggu"

        second = DbWorker(env, tmp_path / "worker-2.log", "--interval", "0.2", "--batch")
        try:
            second.process.wait(300)
        finally:
            second.stop()
        assert second.process.returncode == 0, second.log()[-3000:]
        done = status()
        assert (done["status"], done["finished"], done["imported"], done["done"]) == (
            "selesai",
            True,
            ROWS,
            ROWS,
        )

    assert shell(env, STATE) == {
        "pegawai": ROWS,
        "status": "selesai",
        "attempt": 2,
        "imported": ROWS,
        "error": "",
    }
