"""Data-quality benchmark: the OPD ranking over the demo province, against loading its rows.

Run: ``.venv/bin/python bench/quality_bench.py [--n 10334] [--seed 2026] [--repeat 5]``.
Uses a throwaway SQLite file in a temporary directory (``DATABASE_URL`` and
``PELITA_VAR_DIR`` are set before Django starts), migrates it, loads the minimal demo and
``demo.people.seed_demo_pegawai(n, seed)``, then times ``people.quality.queries.ranking`` over every
OPD (the BKD view of the ranking page). The baseline, measured in the same run on the same
database, is one pass that only loads the same rows with the same queries and throws them
away: the floor any ranking pays to read the data. Prints the best time of each over
``--repeat`` runs, their ratio, the number of queries and the findings per check.
A benchmark, not a test: the CI suite does not run it.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timing import best_of, throwaway_sqlite


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_334)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    with throwaway_sqlite("pelita-quality-bench-"):
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection, connections
        from django.db.models import Count
        from django.test.utils import CaptureQueriesContext

        from demo.org import seed_minimal_demo
        from demo.people import AS_OF, seed_demo_pegawai
        from org.models import Opd
        from people.models import Pegawai, RiwayatGolongan, RiwayatJabatan, RiwayatSkp
        from people.quality.queries import _PEGAWAI_COLUMNS, _scanned, ranking

        call_command("migrate", verbosity=0)
        seed_minimal_demo(holiday_years=[])
        summary = seed_demo_pegawai(args.n, args.seed)
        opds = list(Opd.objects.select_related("instansi").order_by("name"))
        ids = [o.pk for o in opds]

        def rank():
            return ranking(opds, today=AS_OF)

        def load_only():
            # The same rows the ranking reads, by the same queries, without any check.
            of = {"pegawai__opd_id__in": ids}
            list(Pegawai.objects.filter(opd_id__in=ids).order_by("pk").values_list(*_PEGAWAI_COLUMNS))
            golongan_rows = RiwayatGolongan.objects.filter(**of)
            jabatan_rows = RiwayatJabatan.objects.filter(**of)
            _scanned(golongan_rows, jabatan_rows)
            list(golongan_rows.values_list("pk", "pegawai_id", "golongan__code", "tmt", "jenis_kp"))
            list(jabatan_rows.values_list("pk", "pegawai_id", "nama", "tmt", "tmt_selesai"))
            list(RiwayatSkp.objects.filter(tahun=AS_OF.year - 1, **of).values_list("pegawai_id", flat=True))
            group = Pegawai.objects.filter(opd__instansi_id__in={o.instansi_id for o in opds})
            list(group.exclude(nik=None).values("nik").annotate(n=Count("pk")).filter(n__gt=1).order_by())
            list(
                group.values("nama", "tanggal_lahir", "jenis_kelamin")
                .annotate(n=Count("pk"))
                .filter(n__gt=1)
                .order_by()
            )

        rank()  # warm the caches of both (SQLite pages, Python imports)
        load_only()
        with CaptureQueriesContext(connection) as captured:
            rows = rank()
        elapsed = best_of(args.repeat, rank)
        baseline = best_of(args.repeat, load_only)
        connections.close_all()

    findings = Counter()
    for row in rows:
        findings.update(row.by_code)
    print(
        f"demo province: {summary['pegawai']} pegawai in {len(rows)} OPDs (seed {args.seed}, as of {AS_OF})"
    )
    print(f"ranking of every OPD: {elapsed * 1000:.0f} ms, {len(captured)} queries (best of {args.repeat})")
    print(f"baseline (the same rows loaded, no checks): {baseline * 1000:.0f} ms")
    print(f"ratio: {elapsed / baseline:.1f}x the baseline")
    print("findings: " + ", ".join(f"{code} {n}" for code, n in sorted(findings.items())))
    print(f"documented demo defects: {summary['defects']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
