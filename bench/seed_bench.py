"""Demo-province benchmark: 10,334 employees with histories must load in under 60 seconds.

Run: ``.venv/bin/python bench/seed_bench.py [--n 10334] [--seed 2026] [--target SECONDS]``.
Always uses a throwaway SQLite file in a temporary directory (``DATABASE_URL`` and
``PELITA_VAR_DIR`` are set before Django starts), migrates it, loads the minimal demo
(instansi, 37 OPDs, users), then times ``demo.people.seed_demo_pegawai``. The baseline,
measured in the same run on the same database, is a ``bulk_create`` of the same number of
bare Pegawai rows without any history: the floor any loader pays for the employees alone.
Prints both times, their ratio and whether the target is met; exits 1 when it is not.
A benchmark, not a test: the CI suite does not run it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timing import throwaway_sqlite


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_334)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--target", type=float, default=60.0, help="seconds (default 60)")
    args = parser.parse_args()

    with throwaway_sqlite("pelita-seed-bench-"):
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connections, transaction

        from demo.org import seed_minimal_demo
        from demo.people import seed_demo_pegawai
        from org.models import Opd
        from people.models import Pegawai
        from regulations.identity import make_nip

        call_command("migrate", verbosity=0)
        seed_minimal_demo(holiday_years=[2026])

        started = time.perf_counter()
        summary = seed_demo_pegawai(args.n, args.seed)
        elapsed = time.perf_counter() - started

        # Baseline: the same number of bare Pegawai rows, one bulk_create, one transaction.
        opds = list(Opd.objects.all())
        bare = [
            Pegawai(
                nip=make_nip(dt.date(1970, 1, 1) + dt.timedelta(days=i // 900), 1995, 3, "L", i % 900 + 1),
                nama=f"Pegawai Dasar {i}",
                tanggal_lahir=dt.date(1970, 1, 1) + dt.timedelta(days=i // 900),
                jenis_kelamin="L",
                opd=opds[i % len(opds)],
            )
            for i in range(args.n)
        ]
        with transaction.atomic():
            Pegawai.objects.all().delete()
        base_started = time.perf_counter()
        with transaction.atomic():
            Pegawai.objects.bulk_create(bare, batch_size=1000)
        baseline = time.perf_counter() - base_started
        connections.close_all()

    rows = sum(
        v
        for k, v in summary.items()
        if isinstance(v, int) and (k == "pegawai" or k.startswith(("riwayat", "keluarga", "sertifikat")))
    )
    print(f"demo province: {summary['pegawai']} pegawai, {rows} rows in all, {elapsed:.2f} s")
    print(f"baseline (bulk_create of {args.n} bare Pegawai rows): {baseline:.2f} s")
    print(f"ratio: {elapsed / baseline:.1f}x the baseline")
    met = elapsed < args.target
    print(f"target < {args.target:.0f} s: {'met' if met else 'NOT met'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
