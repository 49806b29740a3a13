"""siasn_pull for a whole province against the local fake of the national service.

Run: ``.venv/bin/python bench/siasn_bench.py [--n 10334] [--rate R]``.
Seeds the demo province into a throwaway SQLite database (or the empty PostgreSQL database
in ``DATABASE_URL``), serves every employee from the fake national service (a real HTTP
server on 127.0.0.1, siasn/tests/fake_server.py) with one field changed in one record out of
ten, then:

1. the baseline: a pull of the first 1,000 employees with the rate limit out of the way
   (1,000,000 calls/s), i.e. what Pelita itself can do: its ceiling in calls per second;
2. the pull of all employees with the configured rate limit (``--rate``, by default half
   the ceiling, so that the limit, not Pelita, decides), reporting calls per second and
   their ratio to the limit: close to 1.0 means the run is bounded by the rate limit.
Three calls per employee (data-utama, rw-golongan and nilaiipasn). A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_334)
    parser.add_argument("--rate", type=int, default=0, help="calls per second (default: half the ceiling)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="pelita-siasn-bench-") as tmp:
        os.environ["PELITA_VAR_DIR"] = tmp
        os.environ.setdefault("DATABASE_URL", f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
        import logging

        import django

        django.setup()
        logging.getLogger("pelita.siasn").setLevel(logging.WARNING)  # 20,000 call lines otherwise
        from django.core.management import call_command
        from django.db import connection
        from django.test import override_settings

        from demo.org import seed_minimal_demo
        from demo.people import seed_demo_pegawai
        from people.models import Pegawai
        from siasn.models import SiasnDifference
        from siasn.reconciliation.actions import do_start_siasn_pull, run_siasn_pull
        from siasn.tests.fake_server import FakeSiasn, national_golongan, national_record

        call_command("migrate", verbosity=0)
        seed_minimal_demo(holiday_years=[2026])
        seed_demo_pegawai(args.n, 2026)
        fake = FakeSiasn().start()
        employees = Pegawai.objects.select_related("golongan", "opd").prefetch_related(
            "riwayat_golongan__golongan"
        )
        for i, pegawai in enumerate(employees.iterator(chunk_size=1000)):
            record = national_record(pegawai)
            if i % 10 == 0:
                record["alamat"] = f"Jl. SIASN {i}"
            fake.records[pegawai.nip] = record
            fake.histories[("golongan", pegawai.nip)] = national_golongan(pegawai)
        print(f"{len(fake.records)} employees served by the fake national service, {connection.vendor}")

        def run(nips: list[str] | None, rate: int) -> tuple[float, int, object]:
            with override_settings(SIASN=fake.settings(rate_per_second=rate)):
                pull = do_start_siasn_pull(actor=None, enqueue=False)
                if nips is not None:
                    pull.nips, pull.total = nips, len(nips)
                    pull.save(update_fields=["nips", "total"])
                calls_before = sum(fake.hits.values())
                started = time.perf_counter()
                pull = run_siasn_pull(pull.pk)
                seconds = time.perf_counter() - started
            return seconds, sum(fake.hits.values()) - calls_before, pull

        first = sorted(fake.records)[:1000]
        seconds, calls, _pull = run(first, 1_000_000)
        ceiling = calls / seconds
        print(
            f"baseline, no rate limit: {len(first)} employees, {calls} calls in {seconds:.1f} s = {ceiling:.0f} calls/s"
        )

        rate = args.rate or max(1, int(ceiling / 2))
        seconds, calls, pull = run(None, rate)
        achieved = calls / seconds
        print(
            f"full pull at {rate} calls/s: {pull.done} employees, {calls} calls in {seconds:.1f} s = "
            f"{achieved:.0f} calls/s ({pull.done / seconds:.0f} employees/s); "
            f"{SiasnDifference.objects.filter(pull=pull).count()} differences, {pull.rejected} rejected"
        )
        bound = achieved / rate
        print(f"achieved / limit = {bound:.2f}; ceiling / limit = {ceiling / rate:.2f}")
        print(
            "bounded by the rate limit"
            if bound >= 0.8 and ceiling > rate
            else "NOT bounded by the rate limit"
        )
        fake.stop()
        return 0 if pull.status == "selesai" else 1


if __name__ == "__main__":
    sys.exit(main())
