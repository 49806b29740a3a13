"""Load: 100 concurrent employees submitting a campaign form with a 200 KB PDF, against gunicorn.

Run: ``.venv/bin/python bench/campaign_load.py [--users 100] [--seconds 60] [--pg-port 55448]``
(needs locust: ``pip install -e .[bench]``). The driver starts a throwaway PostgreSQL
cluster (scripts/pg-throwaway.sh), migrates, seeds a small province with one account per
virtual user and an open campaign (a number and a PDF question), starts gunicorn on
127.0.0.1 (``--no-control-socket``), runs locust headless with this same file as the
locustfile, then checks the database: every submission locust saw accepted (a 302 after
the POST) must be stored as that version, its PDF's stored SHA-256 and the bytes on disk
equal to what was sent. Prints requests, failures, p50/p95 of the submit POST and the
check's verdict; exits non-zero on any error. A benchmark, not a test.

DJANGO_DEBUG=1 for the server: with DEBUG off the session and CSRF cookies are Secure and a
plain-HTTP client on 127.0.0.1 would not send them back (production runs behind TLS).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import itertools
import json
import os
import re
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SLUG = "beban-kinerja"
PASSWORD = "Beban#Uji2026"
PDF_BYTES = 200 * 1024

try:  # the locustfile part: only when locust imports this file
    from locust import HttpUser, between, task
except ImportError:  # the driver still prints a clear message below
    HttpUser = None

if HttpUser is not None:
    _numbers = itertools.count(1)

    def make_pdf() -> bytes:
        body = b"%PDF-1.4\n% " + secrets.token_hex(32).encode() + b"\n"
        filler = b"% " + b"x" * 76 + b"\n"
        return body + filler * ((PDF_BYTES - len(body) - 6) // len(filler)) + b"%%EOF\n"

    class Employee(HttpUser):
        wait_time = between(0.5, 2)

        def on_start(self):
            self.username = f"beban.{next(_numbers):03d}"
            page = self.client.get("/akun/masuk/", name="login page")
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
            self.client.post(
                "/akun/masuk/",
                data={"username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": token},
                name="login",
            )
            self.log = open(os.environ["PELITA_LOAD_LOG"], "a", encoding="utf-8")  # noqa: SIM115

        @task
        def submit(self):
            form = self.client.get(f"/kampanye/{SLUG}/isi/", name="form")
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
            version = int(re.search(r'name="version" value="(\d+)"', form.text).group(1))
            pdf = make_pdf()
            with self.client.post(
                f"/kampanye/{SLUG}/isi/",
                data={"csrfmiddlewaretoken": token, "version": version, "capaian": "88"},
                files={"laporan__file": ("laporan.pdf", pdf, "application/pdf")},
                allow_redirects=False,
                name="submit (200 KB PDF)",
                catch_response=True,
            ) as response:
                if response.status_code != 302:
                    response.failure(f"not accepted: {response.status_code}")
                    return
                response.success()
            self.log.write(
                json.dumps(
                    {"user": self.username, "version": version + 1, "sha256": hashlib.sha256(pdf).hexdigest()}
                )
                + "\n"
            )
            self.log.flush()


def seed(users: int) -> None:
    import datetime as dt

    from django.core.management import call_command
    from django.utils import timezone

    from accounts.models import User
    from accounts.roles import Role
    from accounts.users.actions import do_create_user
    from campaigns.design.actions import do_add_question, do_create_campaign, do_publish_campaign
    from demo.org import seed_minimal_demo
    from demo.people import seed_demo_pegawai
    from people.models import Pegawai

    call_command("migrate", verbosity=0)
    seed_minimal_demo(holiday_years=[2026])
    seed_demo_pegawai(max(users * 2, 200), 2026)
    for n, pegawai in enumerate(Pegawai.objects.filter(user__isnull=True).order_by("pk")[:users], start=1):
        user = do_create_user(
            username=f"beban.{n:03d}",
            name=pegawai.nama,
            password=PASSWORD,
            roles=[Role.PEGAWAI],
            opd=pegawai.opd,
            actor=None,
        )
        Pegawai.objects.filter(pk=pegawai.pk).update(user=user)
    admin = User.objects.get(username="admin")
    now = timezone.now()
    campaign = do_create_campaign(
        actor=admin,
        slug=SLUG,
        kind="performance_report",
        title="Uji Beban Laporan Kinerja",
        opens_at=now - dt.timedelta(days=1),
        closes_at=now + dt.timedelta(days=7),
        audience={"status": list(Pegawai.Status.values)},
    )
    do_add_question(
        campaign, actor=admin, code="capaian", label="Capaian", kind="number", min_value=0, max_value=100
    )
    do_add_question(
        campaign,
        actor=admin,
        code="laporan",
        label="Laporan (PDF)",
        kind="file",
        allowed_types=["pdf"],
        max_kb=300,
    )
    do_publish_campaign(campaign, actor=admin)


def check(log: Path) -> tuple[int, list[str]]:
    """(accepted submissions checked, problems): each must be stored with the sent SHA-256."""
    from campaigns.models import SubmissionVersion
    from core.documents import storage
    from core.models import Document

    problems = []
    records = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines() if line.strip()]
    versions = {
        (v.submission.pegawai.user.username, v.number): v
        for v in SubmissionVersion.objects.select_related("submission__pegawai__user").filter(
            submission__campaign__slug=SLUG
        )
    }
    documents = Document.objects.in_bulk([v.answers.get("laporan") for v in versions.values()])
    for record in records:
        version = versions.get((record["user"], record["version"]))
        if version is None:
            problems.append(f"{record['user']} v{record['version']}: accepted but not stored")
            continue
        document = documents.get(version.answers.get("laporan"))
        if document is None or document.sha256 != record["sha256"]:
            problems.append(f"{record['user']} v{record['version']}: stored SHA-256 differs")
            continue
        with storage().open(document.storage_name, "rb") as handle:
            if hashlib.sha256(handle.read()).hexdigest() != record["sha256"]:
                problems.append(f"{record['user']} v{record['version']}: bytes on disk differ")
    # Versions stored but never acknowledged are the POSTs in flight when locust stopped the
    # run: the server finished them after the client hung up. Reported, not a loss.
    unacknowledged = len(versions) - len(records)
    if unacknowledged < 0:
        problems.append(f"{len(versions)} versions stored, {len(records)} accepted by the server")
    elif unacknowledged:
        print(f"   {unacknowledged} versions stored whose response the stopped run never read")
    return len(records), problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--pg-port", type=int, default=55448)
    parser.add_argument("--http-port", type=int, default=8648)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    if HttpUser is None:
        print("locust is not installed: pip install -e .[bench]", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory(prefix="pelita-load-") as tmp:
        # mkdtemp makes the directory private; the cluster runs as the postgres user inside it.
        os.chmod(tmp, 0o755)
        cluster = Path(tmp) / "pg"
        url = subprocess.run(
            [str(ROOT / "scripts/pg-throwaway.sh"), "start", str(cluster), str(args.pg_port)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "PELITA_VAR_DIR": tmp,
            "DJANGO_DEBUG": "1",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "PELITA_LOAD_LOG": str(Path(tmp) / "accepted.jsonl"),
        }
        os.environ.update(env)
        server = None
        try:
            sys.path.insert(0, str(ROOT))
            import django

            django.setup()
            started = time.perf_counter()
            seed(args.users)
            print(f"seeded {args.users} accounts in {time.perf_counter() - started:.0f} s on PostgreSQL")
            from django.db import connections

            connections.close_all()
            server = subprocess.Popen(
                [
                    str(ROOT / ".venv/bin/gunicorn"),
                    "config.wsgi",
                    "--bind",
                    f"127.0.0.1:{args.http_port}",
                    "--workers",
                    str(args.workers),
                    "--worker-class",
                    "gthread",
                    "--threads",
                    "4",
                    "--no-control-socket",
                    # Longer than any pause between a virtual user's requests: gunicorn's 2 s
                    # default closes idle connections just as the client reuses them
                    # (RemoteDisconnected), which a reverse proxy in production never does.
                    "--keep-alive",
                    "75",
                    "--log-level",
                    "warning",
                ],
                cwd=ROOT,
                env=env,
            )
            time.sleep(4)
            prefix = Path(tmp) / "locust"
            subprocess.run(
                [
                    str(ROOT / ".venv/bin/locust"),
                    "-f",
                    str(Path(__file__).resolve()),
                    "--headless",
                    "-u",
                    str(args.users),
                    "-r",
                    str(max(args.users // 10, 1)),
                    "-t",
                    f"{args.seconds}s",
                    "--host",
                    f"http://127.0.0.1:{args.http_port}",
                    "--csv",
                    str(prefix),
                    "--only-summary",
                ],
                cwd=ROOT,
                env=env,
                check=False,
            )
            with open(f"{prefix}_stats.csv", encoding="utf-8") as handle:
                stats = {row["Name"]: row for row in csv.DictReader(handle)}
            total = stats["Aggregated"]
            posting = stats.get("submit (200 KB PDF)", {})
            log = Path(env["PELITA_LOAD_LOG"])
            log.touch()
            checked, problems = check(log)
            failures = int(total["Failure Count"])
            print(
                f"{args.users} users, {args.seconds} s, gunicorn {args.workers}×4 threads: "
                f"{total['Request Count']} requests, {failures} failures"
            )
            if posting:
                print(
                    f"submit (200 KB PDF): {posting['Request Count']} accepted-or-not, "
                    f"p50 {posting['50%']} ms, p95 {posting['95%']} ms, max {posting['Max Response Time']} ms, "
                    f"{float(posting['Requests/s']):.1f}/s"
                )
            print(f"SHA-256 check: {checked} accepted submissions, {len(problems)} problems")
            for problem in problems[:20]:
                print("  ", problem)
            return 0 if failures == 0 and not problems and checked else 1
        finally:
            if server is not None:
                server.terminate()
                server.wait(timeout=30)
            subprocess.run([str(ROOT / "scripts/pg-throwaway.sh"), "stop", str(cluster)], check=False)


if __name__ == "__main__":
    raise SystemExit(main())
