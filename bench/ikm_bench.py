"""The IKM report over 100,000 survey answers: under 500 ms p95, within 3× of one raw
aggregate query of the same rows, in a constant number of queries.

Run: ``.venv/bin/python bench/ikm_bench.py [--responses 100000] [--samples 30]``.
Builds a throwaway SQLite database (or fills the empty PostgreSQL database given with
``--database-url``, production's engine): the service catalogue (``do_seed_catalogue``) and
``--responses`` answers spread over one semester, across the services and the respondent
profiles. Then measures ``feedback.ikm.queries.ikm_report`` for the semester (every
service, unit and the whole BKD, NRR, profile breakdowns, suggestions) against a baseline
measured in the same run: ONE raw aggregate query through the DB-API cursor over the same
rows (count and the nine sums per service for the semester), all rows fetched. Prints p50
and p95 of both and the ratio; exits 1 when a target is missed. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timing import p95, throwaway_sqlite, timed_calls

TARGET_MS = 500.0
TARGET_RATIO = 3.0
START, END = dt.date(2026, 1, 1), dt.date(2026, 6, 30)


def fill(count: int, seed: int) -> None:
    from django.utils import timezone

    from feedback.models import SurveyResponse
    from feedback.survey.rules import PROFILE_FIELDS, profile, unit_for_service
    from layanan.catalogue.actions import do_seed_catalogue
    from layanan.models import Service

    do_seed_catalogue(actor=None)
    rng = random.Random(seed)
    services = list(Service.objects.all())
    choices = {code: [c for c, _ in profile()[code].choices] for code in PROFILE_FIELDS}
    start = timezone.make_aware(dt.datetime.combine(START, dt.time(8)))
    span = int((END - START).total_seconds()) + 86_399 - 8 * 3600
    batch = []
    for i in range(count):
        service = services[i % len(services)]
        batch.append(
            SurveyResponse(
                service=service,
                unit=unit_for_service(service.slug),
                channel=SurveyResponse.Channel.WALK_IN,
                submitted_at=start + dt.timedelta(seconds=rng.randrange(span)),
                **{f"u{u}": rng.choices((1, 2, 3, 4), weights=(2, 8, 50, 40))[0] for u in range(1, 10)},
                **{code: rng.choice(values) for code, values in choices.items()},
                suggestion="Antrean lama." if rng.random() < 0.05 else "",
            )
        )
        if len(batch) == 5000:
            SurveyResponse.objects.bulk_create(batch)
            batch = []
    SurveyResponse.objects.bulk_create(batch)


def raw_aggregate(count: int) -> list[float]:
    from django.db import connection
    from django.utils import timezone

    low = timezone.make_aware(dt.datetime.combine(START, dt.time.min))
    high = timezone.make_aware(dt.datetime.combine(END + dt.timedelta(days=1), dt.time.min))
    params = [connection.ops.adapt_datetimefield_value(v) for v in (low, high)]
    sums = ", ".join(f"SUM(u{i})" for i in range(1, 10))
    sql = (
        f"SELECT service_id, COUNT(*), {sums} FROM feedback_surveyresponse "
        "WHERE submitted_at >= %s AND submitted_at < %s GROUP BY service_id"
    )
    if connection.vendor == "sqlite":
        sql = sql.replace("%s", "?")
    connection.ensure_connection()
    samples = []
    for _ in range(count):
        cursor = connection.connection.cursor()
        started = time.perf_counter()
        cursor.execute(sql, params)
        cursor.fetchall()
        samples.append((time.perf_counter() - started) * 1000)
        cursor.close()
    return samples


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=100_000)
    parser.add_argument("--samples", type=int, default=30)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--database-url", help="an EMPTY PostgreSQL database to use instead of the throwaway SQLite file"
    )
    args = parser.parse_args()
    with throwaway_sqlite("pelita-ikm-bench-"):
        if args.database_url:
            os.environ["DATABASE_URL"] = args.database_url
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from feedback.ikm.queries import ikm_report

        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        fill(args.responses, args.seed)
        print(f"{args.responses} jawaban dimuat dalam {time.perf_counter() - started:.1f} s")

        with CaptureQueriesContext(connection) as small_run:
            report = ikm_report(START, END)
        assert report.total.respondents == args.responses, report.total.respondents
        ikm_report(START, END)  # warm
        report_ms = timed_calls(lambda: ikm_report(START, END), args.samples)
        raw_aggregate(3)  # warm
        raw_ms = raw_aggregate(args.samples)
        queries = len(small_run.captured_queries)
        ratio = statistics.median(report_ms) / statistics.median(raw_ms)
        print(
            f"ikm_report: p50 {statistics.median(report_ms):.1f} ms, p95 {p95(report_ms):.1f} ms, {queries} query "
            f"(target p95 < {TARGET_MS:.0f} ms)"
        )
        print(f"raw aggregate (1 query): p50 {statistics.median(raw_ms):.1f} ms, p95 {p95(raw_ms):.1f} ms")
        print(f"database: {connection.vendor}")
        print(f"ratio (p50 report / p50 raw): {ratio:.2f}× (target ≤ {TARGET_RATIO:.0f}×)")
        print(
            f"IKM BKD {report.total.result.converted} mutu {report.total.result.mutu.grade}, "
            f"{len(report.services)} layanan, {len(report.units)} unit"
        )
        ok = p95(report_ms) < TARGET_MS and ratio <= TARGET_RATIO
        print("OK" if ok else "MELESET")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
