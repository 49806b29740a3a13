"""Employee list and detail pages at province scale: p95 latency against a baseline.

Run: ``.venv/bin/python bench/pegawai_pages_bench.py [--n 10334] [--requests 60]``.
Seeds the demo province into a throwaway SQLite database (or the PostgreSQL database given
in ``DATABASE_URL``, which must be empty), logs in as the BKD admin through Django's test
client (in process: no network, no server noise) and requests the list (first page, a
name search, an OPD filter, a deep page, a sort) and the detail page of random employees.
The baseline, measured in the same run and the same way, is ``/healthz``: one query and no
template, i.e. the cost of the request cycle itself. Prints p50/p95 and the ratio of each
p95 to the baseline's, and whether the list's p95 is under the 150 ms target.
A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timing import p95, timed_get

TARGET_MS = 150.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_334)
    parser.add_argument("--requests", type=int, default=60)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="pelita-pages-bench-") as tmp:
        os.environ["PELITA_VAR_DIR"] = tmp
        os.environ.setdefault("DATABASE_URL", f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
        os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
        import django

        django.setup()
        from django.core.management import call_command
        from django.test import Client

        from accounts.models import User
        from demo.org import seed_minimal_demo
        from demo.people import seed_demo_pegawai
        from people.models import Pegawai

        call_command("migrate", verbosity=0)
        seed_minimal_demo(holiday_years=[2026])
        seed_demo_pegawai(args.n, 2026)

        client = Client()
        client.force_login(User.objects.get(username="admin"))
        rng = random.Random(7)
        pks = list(Pegawai.objects.values_list("pk", flat=True))
        some = Pegawai.objects.order_by("?").first()
        opd_id = some.opd_id
        pages = {
            "list, first page": "/pegawai/",
            "list, name search": f"/pegawai/?q={some.nama.split()[0]}",
            "list, OPD filter": f"/pegawai/?opd={opd_id}",
            "list, page 100": "/pegawai/?page=100",
            "list, sort by golongan": "/pegawai/?sort=-golongan",
        }
        # Warmed like the pages below: the first request of a process loads the URL conf and
        # middleware, which would otherwise land in the baseline's p95 alone.
        timed_get(client, "/healthz", 2)
        baseline = timed_get(client, "/healthz", args.requests)
        base95 = p95(baseline)
        print(f"{args.n} employees, {args.requests} requests per page, {django.db.connection.vendor}")
        print(f"{'baseline /healthz':<26} p50 {statistics.median(baseline):7.1f} ms  p95 {base95:7.1f} ms")
        worst_list = 0.0
        for label, url in pages.items():
            timed_get(client, url, 2)  # warm caches (template loading, first query plans)
            samples = timed_get(client, url, args.requests)
            worst_list = max(worst_list, p95(samples))
            print(
                f"{label:<26} p50 {statistics.median(samples):7.1f} ms  p95 {p95(samples):7.1f} ms"
                f"  ({p95(samples) / base95:5.1f}× baseline)"
            )
        detail = [timed_get(client, f"/pegawai/{rng.choice(pks)}/", 1)[0] for _ in range(args.requests)]
        print(
            f"{'detail, random employee':<26} p50 {statistics.median(detail):7.1f} ms  p95 {p95(detail):7.1f} ms"
            f"  ({p95(detail) / base95:5.1f}× baseline)"
        )
        met = worst_list < TARGET_MS
        print(
            f"list p95 worst {worst_list:.1f} ms: target < {TARGET_MS:.0f} ms {'met' if met else 'NOT met'}"
        )
        return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
