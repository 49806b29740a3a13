"""Campaign participation at province scale: the page, its JSON and campaign_report vs one GROUP BY.

Run: ``.venv/bin/python bench/campaign_bench.py [--n 10334] [--submissions 9500] [--requests 40]``.
Seeds the demo province into a throwaway SQLite database (or the empty PostgreSQL database
given in ``DATABASE_URL``), adds a campaign targeting every employee (``--n`` of them) and
bulk-inserts ``--submissions`` submissions spread over the OPDs, the days and the review
statuses (bench data: inserted directly, not through do_submit, which would take minutes).
Then, logged in as the BKD admin through Django's test client (in process), it times the
participation page, its data.json and ``campaign_report`` (CSV), and, as the baseline in the
same run, ONE raw ``GROUP BY`` of the same data through the database cursor: the least any
per-OPD table can cost. Prints p50/p95, the ratio of each p95 to the baseline's, the number
of queries of each (the same for 1 or 37 OPDs: see campaigns/tests/test_participation.py),
and whether each is under the 300 ms target. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timing import p95, timed_calls

TARGET_MS = 300.0


def seed_campaign(n_submissions: int):
    from django.db import transaction
    from django.utils import timezone

    from accounts.models import User
    from campaigns.design.actions import do_add_question, do_create_campaign, do_publish_campaign
    from campaigns.models import Submission
    from people.models import Pegawai

    admin = User.objects.get(username="admin")
    now = timezone.now()
    opens = now - dt.timedelta(days=20)
    campaign = do_create_campaign(
        actor=admin,
        slug="bench-kinerja",
        kind="performance_report",
        title="Bench Laporan Kinerja",
        opens_at=opens,
        closes_at=now + dt.timedelta(days=10),
        # Every employee of the demo province, whatever their status: the target is --n.
        audience={"status": list(Pegawai.Status.values)},
    )
    do_add_question(campaign, actor=admin, code="capaian", label="Capaian", kind="number")
    do_publish_campaign(campaign, actor=admin)
    rng = random.Random(11)
    people = list(Pegawai.objects.values_list("pk", "opd_id"))
    chosen = rng.sample(people, min(n_submissions, len(people)))
    statuses = (
        [Submission.Status.ACCEPTED] * 12 + [Submission.Status.SUBMITTED] * 7 + [Submission.Status.NEEDS_FIX]
    )
    rows = []
    for pk, opd_id in chosen:
        when = opens + dt.timedelta(seconds=rng.randrange(20 * 86400))
        rows.append(
            Submission(
                campaign=campaign,
                pegawai_id=pk,
                opd_id=opd_id,
                status=rng.choice(statuses),
                answers={"capaian": rng.randrange(60, 101)},
                submitted_at=when,
                updated_at=when,
            )
        )
    with transaction.atomic():
        Submission.objects.bulk_create(rows, batch_size=2000)
    return campaign, len(people)


BASELINE_SQL = """
SELECT p.opd_id, COUNT(*), COUNT(s.id),
       SUM(CASE WHEN s.status = 'accepted' THEN 1 ELSE 0 END),
       SUM(CASE WHEN s.status = 'needs_fix' THEN 1 ELSE 0 END)
FROM people_pegawai p
LEFT JOIN campaigns_submission s ON s.pegawai_id = p.id AND s.campaign_id = %s
GROUP BY p.opd_id
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_334)
    parser.add_argument("--submissions", type=int, default=9_500)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument(
        "--keep", metavar="DIR", help="seed into DIR once and reuse it on later runs (SQLite)"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="pelita-campaign-bench-") as tmp:
        if args.keep:
            tmp = args.keep
            Path(tmp).mkdir(parents=True, exist_ok=True)
        reuse = bool(args.keep) and (Path(tmp) / "bench.sqlite3").exists()
        os.environ["PELITA_VAR_DIR"] = tmp
        os.environ.setdefault("DATABASE_URL", f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
        os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client

        from accounts.models import User
        from campaigns.models import Submission
        from demo.org import seed_minimal_demo
        from demo.people import seed_demo_pegawai

        started = time.perf_counter()
        if reuse:
            from campaigns.models import Campaign
            from people.models import Pegawai

            campaign, targeted = Campaign.objects.get(slug="bench-kinerja"), Pegawai.objects.count()
        else:
            call_command("migrate", verbosity=0)
            seed_minimal_demo(holiday_years=[2026])
            seed_demo_pegawai(args.n, 2026)
            campaign, targeted = seed_campaign(args.submissions)
        submitted = Submission.objects.filter(campaign=campaign).count()
        print(
            f"{targeted} targeted employees, {submitted} submissions, {connection.vendor}; "
            f"seeded in {time.perf_counter() - started:.0f} s; {args.requests} runs each"
        )

        client = Client()
        client.force_login(User.objects.get(username="admin"))
        page_url = f"/kampanye/{campaign.slug}/partisipasi/"
        data_url = f"/kampanye/{campaign.slug}/partisipasi/data.json"

        def get(url):
            def call():
                response = client.get(url)
                if response.status_code != 200:
                    raise SystemExit(f"{url} answered {response.status_code}")

            return call

        def report():
            call_command("campaign_report", campaign.slug, "--format", "csv", stdout=StringIO())

        def baseline():
            with connection.cursor() as cursor:
                cursor.execute(BASELINE_SQL, [campaign.pk])
                cursor.fetchall()

        cases = {
            "participation page": get(page_url),
            "participation data.json": get(data_url),
            "campaign_report csv": report,
        }
        for call in (baseline, *cases.values()):
            call()  # warm caches (templates, query plans)
        base = timed_calls(baseline, args.requests)
        base95 = p95(base)
        print(f"{'baseline: one GROUP BY':<26} p50 {statistics.median(base):7.1f} ms  p95 {base95:7.1f} ms")
        worst = 0.0
        for label, call in cases.items():
            queries: list[str] = []

            def count(execute, sql, *rest, queries=queries):
                queries.append(sql)
                return execute(sql, *rest)

            with connection.execute_wrapper(count):
                call()
            samples = timed_calls(call, args.requests)
            worst = max(worst, p95(samples))
            print(
                f"{label:<26} p50 {statistics.median(samples):7.1f} ms  p95 {p95(samples):7.1f} ms"
                f"  ({p95(samples) / base95:5.1f}× baseline, {len(queries)} queries)"
            )
        met = worst < TARGET_MS
        print(f"worst p95 {worst:.1f} ms: target < {TARGET_MS:.0f} ms {'met' if met else 'NOT met'}")
        return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
