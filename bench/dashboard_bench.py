"""Dashboard benchmark: the p95 of the dashboard per persona against a plain page of the same shell.

Run: ``.venv/bin/python bench/dashboard_bench.py [--n 10334] [--requests 30]``.
Seeds the demo (``seed_demo``: the province, its requests, campaigns, tickets, complaints,
scores) into a throwaway SQLite database (or the empty PostgreSQL database in
``DATABASE_URL``) and GETs ``/`` through Django's test client as each demo persona. The
baseline, measured in the same run the same way, is the notification page: the same shell
(menu, header, instansi) with one small list, so the ratio is what the dashboard's own tiles
and panels cost. Prints p50/p95, the ratio, the first (cold: the data-quality ranking is
computed, then cached) request and the queries per persona. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timing import p95, timed_get

PERSONAS = ("admin", "kepala.badan", "unit.pengolah", "helpdesk", "operator.dinkes", "pegawai.dinkes")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_334)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="pelita-dashboard-bench-") as tmp:
        os.environ["PELITA_VAR_DIR"] = tmp
        os.environ.setdefault("DATABASE_URL", f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
        os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
        import django

        django.setup()
        from django.conf import settings

        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the seed's survey mails
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext
        from django.urls import reverse

        from accounts.models import User

        call_command("migrate", verbosity=0)
        call_command("createcachetable", verbosity=0)
        started = time.perf_counter()
        call_command(
            "seed_demo",
            "--i-know-this-is-demo",
            "--pegawai",
            str(args.n),
            "--seed",
            str(args.seed),
            verbosity=0,
        )
        print(f"seeded {args.n} employees in {time.perf_counter() - started:.0f} s, {connection.vendor}")

        dashboard, baseline_url = reverse("reports:dashboard"), reverse("core:notifications")
        print(
            f"{'persona':<17} {'page':<14} {'p50 ms':>8} {'p95 ms':>8} {'× base':>7} {'cold ms':>8} {'queries':>8}"
        )
        worst = 0.0
        for username in PERSONAS:
            client = Client()
            client.force_login(User.objects.get(username=username))
            timed_get(client, baseline_url, 2)
            base = timed_get(client, baseline_url, args.requests)
            cold = timed_get(client, dashboard, 1)[0]
            samples = timed_get(client, dashboard, args.requests)
            with CaptureQueriesContext(connection) as captured:
                client.get(dashboard)
            ratio = p95(samples) / p95(base)
            worst = max(worst, p95(samples))
            print(
                f"{username:<17} {'notifikasi':<14} {statistics.median(base):8.1f} {p95(base):8.1f} {'':>7} {'':>8} {'':>8}"
            )
            print(
                f"{'':<17} {'beranda':<14} {statistics.median(samples):8.1f} {p95(samples):8.1f}"
                f" {ratio:6.1f}× {cold:8.1f} {len(captured):8d}"
            )
        print(f"worst dashboard p95: {worst:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
