"""REST API at province scale: the employee list's p95 and a full cursor sync against raw SQL.

Run: ``.venv/bin/python bench/api_bench.py [--n 10334] [--requests 60]``.
Seeds the demo province into a throwaway SQLite database (or the empty PostgreSQL database
in ``DATABASE_URL``), issues a token with every read scope and calls /api/v1/pegawai through
Django's test client (in process: the request cycle without network noise).

- p95 of the first page and of a page deep in the cursor (page size 100), target < 100 ms;
  the baseline is /healthz measured the same way;
- a full sync of every employee by cursor, 1,000 a page (the largest the API serves): the
  time Pelita spends serving the pages (best of three), against the same columns of the same
  rows read by one raw query (the floor, best of three), target within 3×;
- the number of queries per page, which must not grow with the depth of the cursor.
A benchmark, not a test.
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

from timing import p95, timed_calls, timed_get

TARGET_MS = 100.0
SYNC_RATIO = 3.0
SYNC_PAGE = 1000  # the largest page the API serves: a sync asks for as few pages as it may


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_334)
    parser.add_argument("--requests", type=int, default=60)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="pelita-api-bench-") as tmp:
        os.environ["PELITA_VAR_DIR"] = tmp
        os.environ.setdefault("DATABASE_URL", f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
        os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
        import django

        django.setup()
        from django.conf import settings

        settings.DEBUG = False  # as in production: no query log (CaptureQueriesContext keeps its own)
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        from accounts.models import User
        from api.tokens.actions import do_create_api_token
        from demo.org import seed_minimal_demo
        from demo.people import seed_demo_pegawai

        call_command("migrate", verbosity=0)
        seed_minimal_demo(holiday_years=[2026])
        seed_demo_pegawai(args.n, 2026)
        _row, token = do_create_api_token(
            name="Bench",
            scopes=["read:pegawai", "read:organisasi"],
            actor=User.objects.get(username="admin"),
            rate_per_minute=1_000_000,
        )
        client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")

        def page(cursor: str = "", limit: int = 100) -> dict:
            response = client.get(f"/api/v1/pegawai?limit={limit}&cursor={cursor}")
            if response.status_code != 200:
                raise SystemExit(f"/api/v1/pegawai answered {response.status_code}")
            return response.json()

        def sync() -> tuple[int, float]:
            """(rows, seconds Pelita spent serving the pages): the client's own decoding of
            each page is outside the clock, as the raw query's rows are never decoded."""
            count, cursor, spent = 0, "", 0.0
            while True:
                started = time.perf_counter()
                response = client.get(f"/api/v1/pegawai?limit={SYNC_PAGE}&cursor={cursor}")
                spent += time.perf_counter() - started
                if response.status_code != 200:
                    raise SystemExit(f"/api/v1/pegawai answered {response.status_code}")
                body = response.json()
                count += len(body["items"])
                cursor = body["next_cursor"]
                if not cursor:
                    return count, spent

        timed_get(client, "/healthz", 2)
        baseline = timed_get(client, "/healthz", args.requests)
        print(f"{args.n} employees, page size 100, {args.requests} requests per page, {connection.vendor}")
        print(
            f"{'baseline /healthz':<28} p50 {statistics.median(baseline):7.1f} ms  p95 {p95(baseline):7.1f} ms"
        )

        deep = ""
        for _ in range(args.n // 200):  # the cursor half-way through
            deep = page(deep)["next_cursor"]
        worst = 0.0
        for label, cursor in (("list, first page", ""), ("list, cursor half-way", deep)):
            page(cursor)
            samples = timed_calls(lambda cursor=cursor: page(cursor), args.requests)
            worst = max(worst, p95(samples))
            print(
                f"{label:<28} p50 {statistics.median(samples):7.1f} ms  p95 {p95(samples):7.1f} ms"
                f"  ({p95(samples) / p95(baseline):.1f}× baseline)"
            )
        with CaptureQueriesContext(connection) as captured:
            page("")
        first = len(captured)
        with CaptureQueriesContext(connection) as captured:
            page(deep)
        later = len(captured)
        print(f"queries per page: first {first}, half-way {later}")

        sync()  # warm: the first pass reads the table into the database's cache
        synced, api_seconds = min((sync() for _ in range(3)), key=lambda run: run[1])
        columns = (
            "p.id, p.nip, p.nama, p.gelar_depan, p.gelar_belakang, p.tanggal_lahir, p.jenis_kelamin, "
            "p.jenis_pegawai, p.status, p.opd_id, o.name, g.code, p.tmt_golongan, p.jenis_jabatan, "
            "p.jabatan, p.jenjang, p.eselon, p.tmt_jabatan, p.pendidikan, p.tmt_cpns, p.tmt_pns"
        )

        def read_raw() -> int:
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT {columns} FROM people_pegawai p JOIN org_opd o ON o.id = p.opd_id "
                    "LEFT JOIN people_golongan g ON g.id = p.golongan_id ORDER BY p.id"
                )
                return len(cursor.fetchall())

        raw = read_raw()
        raw_seconds = min(timed_calls(read_raw, 3)) / 1000
        ratio = api_seconds / raw_seconds
        print(
            f"full sync by cursor ({SYNC_PAGE} a page): {synced} rows in {api_seconds:.2f} s; raw query: {raw} rows in {raw_seconds:.3f} s"
        )
        print(f"sync / raw = {ratio:.1f}×")
        ok_p95, ok_sync = worst < TARGET_MS, ratio <= SYNC_RATIO and synced == raw
        ok_queries = first == later
        print(
            f"list p95 {worst:.1f} ms {'<' if ok_p95 else '>='} {TARGET_MS:.0f} ms; "
            f"sync {'within' if ok_sync else 'NOT within'} {SYNC_RATIO:.0f}× of raw; "
            f"queries per page {'constant' if ok_queries else 'GROW'}"
        )
        return 0 if ok_p95 and ok_queries and ok_sync else 1


if __name__ == "__main__":
    sys.exit(main())
