"""Employee-list export benchmark: 10,334 rows inline vs. as a background job, against plain openpyxl.

Run: ``.venv/bin/python bench/export_bench.py [--n 10334] [--repeat 3] [--parallel 6]``.
Uses a throwaway SQLite file in a temporary directory (``DATABASE_URL`` and
``PELITA_VAR_DIR`` are set before Django starts), migrates it and loads the demo province
(``demo.people.seed_demo_pegawai``). Then, as the BKD admin (every employee):

- inline: ``GET /pegawai/unduh/`` with the inline limit raised above N, the whole XLSX
  built inside the request (what every export did before background jobs);
- background: the same export with the default limit: the request that queues it
  (``POST``), then the worker's run of the job (query, rows, workbook, storage);
- ``--parallel`` inline requests at once from threads (each its own connection), the
  load that made six simultaneous exports take over a minute;
- the baseline, in the same run: the same rows (already in memory) written with plain
  openpyxl in write-only mode, the floor any XLSX export pays.

Prints the best time of each over ``--repeat`` runs and its ratio to the baseline. A
benchmark, not a test: the CI suite does not run it.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timing import best_of, throwaway_sqlite

LIMIT = 2000  # the default PELITA_EXPORT_INLINE_MAX_ROWS


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_334)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--parallel", type=int, default=6, help="inline requests at once (0: skip)")
    args = parser.parse_args()

    with throwaway_sqlite("pelita-export-bench-"):
        os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver"
        # The worker is run by hand below; the request must only queue the job.
        os.environ["PELITA_TASK_BACKEND"] = "django_tasks_db.DatabaseBackend"
        # Inline by default, for every thread (override_settings is not thread-safe); the
        # background runs lower the limit in the main thread only.
        os.environ["PELITA_EXPORT_INLINE_MAX_ROWS"] = str(args.n + 1)
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connections
        from django.test import Client, override_settings
        from django.urls import reverse
        from openpyxl import Workbook

        from accounts.models import User
        from core.exports.files import run_export_job
        from core.models import ExportJob
        from demo.org import seed_minimal_demo
        from demo.people import seed_demo_pegawai
        from people.records.files import _header, _rows
        from people.records.queries import list_pegawai_for_user

        call_command("migrate", verbosity=0)
        seed_minimal_demo(holiday_years=[])
        seed_demo_pegawai(args.n, args.seed)
        admin = User.objects.get(username="admin")
        url = reverse("people:pegawai_export")
        client = Client()
        client.force_login(admin)

        def inline():
            response = client.get(url)
            assert response.status_code == 200 and response["Content-Type"].endswith(".sheet"), response
            return response.content

        requests, runs = [], []

        def queue_and_run():
            ExportJob.objects.all().delete()  # so that the running-jobs limit never refuses
            started = time.perf_counter()
            with override_settings(PELITA_EXPORT_INLINE_MAX_ROWS=LIMIT):
                response = client.post(url)
            requests.append(time.perf_counter() - started)
            assert response.status_code == 302, response.status_code
            job = ExportJob.objects.get()
            started = time.perf_counter()
            run_export_job(job.pk)
            runs.append(time.perf_counter() - started)
            job.refresh_from_db()
            assert (job.status, job.total) == ("selesai", args.n), (job.status, job.total, job.error)

        rows = list(_rows(list_pegawai_for_user(admin)))  # the same cells, already in memory

        def plain_openpyxl():
            workbook = Workbook(write_only=True)
            sheet = workbook.create_sheet("Pegawai")
            sheet.append(_header())
            for row in rows:
                sheet.append(row)
            workbook.save(io.BytesIO())

        def parallel():
            errors = []

            def one():
                try:
                    local = Client()
                    local.force_login(admin)
                    if local.get(url).status_code != 200:
                        errors.append("status")
                except Exception as exc:  # reported below: a bench must say what broke
                    errors.append(repr(exc))
                finally:
                    connections.close_all()

            threads = [threading.Thread(target=one) for _ in range(args.parallel)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            if errors:
                raise SystemExit(f"parallel exports failed: {errors}")

        inline()  # warm: imports, SQLite pages
        plain_openpyxl()
        # Interleaved, so that other work on the machine slows each of them alike.
        baselines, inlines = [], []
        for _ in range(args.repeat):
            baselines.append(best_of(1, plain_openpyxl))
            inlines.append(best_of(1, inline))
            queue_and_run()
        baseline, inline_time, background = min(baselines), min(inlines), min(runs)
        together = best_of(1, parallel) if args.parallel else None
        connections.close_all()

    print(
        f"employee list export, {args.n} rows (best of {args.repeat} interleaved runs; background above {LIMIT} rows)"
    )
    print(f"baseline, plain openpyxl write-only of the same rows: {baseline:.2f} s")
    print(
        f"inline request (query + rows + workbook):            {inline_time:.2f} s  {inline_time / baseline:.1f}x"
    )
    print(f"background: the request that queues the job:         {min(requests) * 1000:.0f} ms")
    print(
        f"background: the worker's run of the job:             {background:.2f} s  {background / baseline:.1f}x"
    )
    if together is not None:
        print(
            f"{args.parallel} inline requests at once (threads):         {together:.2f} s"
            f"  {together / baseline:.1f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
