"""IP-ASN compute benchmark: ipasn_compute for the demo province, against reading its input rows.

Run: ``.venv/bin/python bench/ipasn_compute_bench.py [--n 10334] [--seed 2026] [--repeat 3]``.
Without ``DATABASE_URL`` it uses a throwaway SQLite file in a temporary directory; with a
PostgreSQL ``DATABASE_URL`` it creates a throwaway database on that server and drops it after.
It loads the minimal demo and ``demo.people.seed_demo_pegawai(n, seed)``, then times:

- the first ``do_compute_scores`` of the demo year, then the best of ``--repeat`` runs into
  an emptied year (every score written; the emptying is not timed), of runs with nothing
  changed, and a recompute with one input changed per hundred employees (only those rows
  written);
- the baseline, in the same run on the same database: ``read_inputs`` alone, the same five
  queries reading the same rows and throwing them away;
- the OPD ranking page and one employee's explanation page through the test client as the
  BKD Admin (p95 over ``--requests`` requests, and their query counts).

Prints the times, the ratio to the baseline, and whether the targets (< 5 s, ≤ 3× the
baseline, pages p95 < 200 ms) are met; exits 1 when one is not. DEBUG is off, as in
production (the query log is kept only while a page's queries are counted). Not run by the
CI suite.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timing import best_of, p95, timed_get


def setup_database(tmp: Path) -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    os.environ["PELITA_VAR_DIR"] = str(tmp)
    os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    if not url.startswith("postgres"):
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'bench.sqlite3'}"
        return None
    import psycopg

    name = f"pelita_ipasn_bench_{os.getpid()}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = url.rsplit("/", 1)[0] + "/" + name
    return url


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_334)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="pelita-ipasn-bench-") as tmp:
        server = setup_database(Path(tmp))
        try:
            return run(args)
        finally:
            if server is not None:
                import psycopg
                from django.db import connections

                connections.close_all()
                name = os.environ["DATABASE_URL"].rsplit("/", 1)[1]
                with psycopg.connect(server, autocommit=True) as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{name}"')


def run(args) -> int:
    import django

    django.setup()
    from django.conf import settings

    # As in production: with DEBUG on, Django keeps the SQL of every statement (with its
    # thousands of parameters quoted into text), which is the development server's cost.
    settings.DEBUG = False
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from demo.org import seed_minimal_demo
    from demo.people import AS_OF, seed_demo_pegawai
    from ipasn.models import Score
    from ipasn.scores.actions import do_compute_scores
    from ipasn.scores.queries import read_inputs
    from people.models import Pegawai, RiwayatDiklat

    call_command("migrate", verbosity=0)
    seed_minimal_demo(holiday_years=[])
    started = time.perf_counter()
    summary = seed_demo_pegawai(args.n, args.seed)
    seeded = time.perf_counter() - started
    year = AS_OF.year
    vendor = connection.vendor

    read_inputs(year)  # warm the database's pages and Python's imports
    baseline = best_of(args.repeat, lambda: read_inputs(year))
    started = time.perf_counter()
    first = do_compute_scores(year, actor=None)
    first_run = time.perf_counter() - started

    def rewrite() -> float:
        Score.objects.filter(year=year).delete()  # not timed: the run then writes every score
        started = time.perf_counter()
        do_compute_scores(year, actor=None)
        return time.perf_counter() - started

    full = min(rewrite() for _ in range(args.repeat))
    unchanged = best_of(args.repeat, lambda: do_compute_scores(year, actor=None))
    ids = list(Pegawai.objects.order_by("pk").values_list("pk", flat=True)[::100])
    RiwayatDiklat.objects.bulk_create(
        [RiwayatDiklat(pegawai_id=i, jenis="teknis", nama="Bimtek bench", tahun=year, jam=24) for i in ids]
    )
    started = time.perf_counter()
    changed = do_compute_scores(year, actor=None)
    incremental = time.perf_counter() - started

    ratio = full / baseline
    unchanged_ratio = unchanged / baseline
    print(f"database:          {vendor}")
    print(f"demo province:     {summary['pegawai']:,} pegawai (seed {args.seed}), seeded in {seeded:.1f} s")
    print(f"baseline (read the same input rows): {baseline:.3f} s (best of {args.repeat})")
    print(f"ipasn_compute, first run:  {first_run:.3f} s ({first['dinilai']:,} scores written)")
    print(
        f"ipasn_compute, every score rewritten: {full:.3f} s (best of {args.repeat}), {ratio:.1f}x the baseline"
    )
    print(
        f"ipasn_compute, nothing changed: {unchanged:.3f} s (best of {args.repeat}), "
        f"{unchanged_ratio:.1f}x the baseline"
    )
    print(f"recompute after {len(ids)} trainings added: {incremental:.3f} s ({changed['berubah']} changed)")
    sys.stdout.flush()

    from django.contrib.auth import get_user_model
    from django.core.signals import request_started
    from django.db import reset_queries

    # Outside the test runner every request empties the query log; keep it to count queries.
    request_started.disconnect(reset_queries)

    client = Client()
    client.force_login(get_user_model().objects.get(username="admin"))
    some = Score.objects.filter(year=year).order_by("pk").first()
    pages = {
        "OPD ranking": reverse("ipasn:ranking") + f"?tahun={year}",
        "explanation": reverse("ipasn:pegawai", args=[some.pegawai_id]) + f"?tahun={year}",
        "OPD drill-down": reverse("ipasn:opd", args=[some.opd_id]) + f"?tahun={year}",
    }
    results = {}
    for name, url in pages.items():
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        results[name] = (p95(timed_get(client, url, args.requests)), len(queries))

    for name, (ms, count) in results.items():
        print(f"{name:<16} p95 {ms:.0f} ms, {count} queries")
    met = full < 5 and ratio <= 3 and unchanged_ratio <= 3 and all(ms < 200 for ms, _ in results.values())
    print(f"targets (< 5 s, <= 3x, pages p95 < 200 ms): {'met' if met else 'NOT met'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
