"""Data ASN import benchmark: 10,334 synthetic employees against a plain executemany floor.

Run: ``.venv/bin/python bench/import_bench.py [--pegawai N] [--seed S] [--target RATIO] [--repeat R]``.
With no DATABASE_URL it uses a throwaway SQLite file in a temporary directory; with a
PostgreSQL DATABASE_URL it creates a throwaway database on that server and drops it after.

It writes a Data ASN CSV of N generated employees (synthetic NIPs/NIKs from
regulations.identity), times ``do_import_pegawai`` on the empty database (reading,
validating, writing the employees, their three current-state history rows and the audit
rows), then reads those employee and history rows back, deletes them and times a plain
``executemany`` of the very same rows into the same tables in one transaction: the floor
any importer pays. Both are run R times (default 3; the import on emptied tables each
time) and the best run of each is compared, as timeit does, so that other work on the
machine disturbs the ratio less. Prints the times and the ratio; exits 1 above the target
ratio (default 3). A benchmark, not a test: the CI suite does not run it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

FIRST = [
    "Agus",
    "Budi",
    "Citra",
    "Dewi",
    "Eko",
    "Fitri",
    "Gita",
    "Hadi",
    "Indah",
    "Joko",
    "Kartika",
    "Lestari",
    "Made",
    "Nur",
    "Putu",
    "Rina",
    "Sri",
    "Tono",
    "Wayan",
    "Yuni",
]
LAST = [
    "Saputra",
    "Wijaya",
    "Lestari",
    "Hidayat",
    "Pratama",
    "Siregar",
    "Nasution",
    "Utami",
    "Santoso",
    "Kurniawan",
    "Halim",
    "Rahmawati",
]
JABATAN = [
    ("Pelaksana", "Pengadministrasi Umum"),
    ("Pelaksana", "Analis Kepegawaian"),
    ("Fungsional Tertentu", "Perawat Ahli Pertama"),
    ("Fungsional Tertentu", "Guru Ahli Muda"),
    ("Struktural", "Kepala Seksi Pelayanan"),
]
PENDIDIKAN = [
    ("SLTA", "II/a"),
    ("Diploma III/Sarjana Muda", "II/c"),
    ("S-1/Sarjana", "III/a"),
    ("S-2", "III/b"),
]
GOLONGAN_UP = ["II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b"]


def setup_database(tmp: Path) -> str | None:
    """Point Django at a fresh database; returns the PostgreSQL database to drop afterwards."""
    url = os.environ.get("DATABASE_URL", "")
    os.environ["PELITA_VAR_DIR"] = str(tmp)
    if not url.startswith("postgres"):
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'bench.sqlite3'}"
        return None
    import psycopg

    name = f"pelita_import_bench_{os.getpid()}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = url.rsplit("/", 1)[0] + "/" + name
    return url


def drop_database(server_url: str) -> None:
    import psycopg
    from django.db import connections

    connections.close_all()
    name = os.environ["DATABASE_URL"].rsplit("/", 1)[1]
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')


def make_opds(count: int = 37) -> list:
    from org.models import Instansi
    from org.units.actions import do_create_instansi, do_create_opd

    instansi = do_create_instansi(
        actor=None,
        code="9900",
        name="Pemerintah Provinsi Bench",
        kind=Instansi.Kind.PROVINSI,
        time_zone="Asia/Jakarta",
    )
    return [
        do_create_opd(actor=None, instansi=instansi, code=f"{n:02d}", name=f"Dinas Bench {n:02d}")
        for n in range(1, count + 1)
    ]


def generate_rows(count: int, seed: int, opds: list) -> list[dict[str, str]]:
    from regulations.identity import make_nik, make_nip

    rng = random.Random(seed)
    nip_seq: dict[tuple, int] = {}
    nik_seq: dict[tuple, int] = {}
    rows = []
    for n in range(count):
        gender = rng.choice("LP")
        birth = dt.date(1965, 1, 1) + dt.timedelta(days=rng.randrange(35 * 365))
        cpns = dt.date(birth.year + rng.randrange(22, 33), rng.randrange(1, 13), 1)
        if cpns > dt.date(2025, 1, 1):
            cpns = dt.date(2025, 1, 1)
        key = (birth, cpns.year, cpns.month, gender)
        nip_seq[key] = nip_seq.get(key, 0) + 1
        district = f"{rng.randrange(1, 30):02d}"
        nik_key = (district, birth, gender)
        nik_seq[nik_key] = nik_seq.get(nik_key, 0) + 1
        tingkat, start = rng.choice(PENDIDIKAN)
        steps = min((2026 - cpns.year) // 4, 3)
        akhir = GOLONGAN_UP[GOLONGAN_UP.index(start) + rng.randrange(steps + 1)]
        tmt_gol = dt.date(cpns.year + 4 * GOLONGAN_UP.index(akhir) - 4 * GOLONGAN_UP.index(start), 4, 1)
        jenis, jabatan = rng.choice(JABATAN)
        rows.append(
            {
                "pns_id": f"bench-{n:06d}",
                "nip_baru": make_nip(birth, cpns.year, cpns.month, gender, nip_seq[key]),
                "nama": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                "gelar_belakang": "S.Kom." if tingkat == "S-1/Sarjana" else "",
                "tempat_lahir_nama": "Pontianak",
                "tanggal_lahir": birth.strftime("%d-%m-%Y"),
                "jenis_kelamin": {"L": "M", "P": "F"}[gender],
                "agama_nama": rng.choice(["Islam", "Kristen", "Katolik", "Hindu", "Buddha"]),
                "jenis_kawin_nama": rng.choice(["Menikah", "Belum Menikah"]),
                "nik": make_nik("61", "71", district, birth, gender, nik_seq[nik_key]),
                "nomor_hp": f"0812{rng.randrange(10**7, 10**8)}",
                "email": f"pegawai{n}@example.go.id",
                "alamat": f"Jalan Ahmad Yani No. {rng.randrange(1, 300)}",
                "jenis_pegawai_nama": "PNS Daerah",
                "status_cpns_pns": "P",
                "kedudukan_hukum_nama": "Aktif",
                "tmt_cpns": cpns.strftime("%d-%m-%Y"),
                "tmt_pns": dt.date(cpns.year + 1, cpns.month, 1).strftime("%d-%m-%Y"),
                "gol_akhir_nama": akhir,
                "tmt_golongan": tmt_gol.strftime("%d-%m-%Y"),
                "mk_tahun": str(tmt_gol.year - cpns.year),
                "mk_bulan": "0",
                "jenis_jabatan_nama": jenis,
                "jabatan_nama": jabatan,
                "tmt_jabatan": cpns.strftime("%d-%m-%Y"),
                "tingkat_pendidikan_nama": tingkat,
                "pendidikan_nama": "Umum",
                "tahun_lulus": str(cpns.year - 1),
                "nama_sekolah": "Universitas Tanjungpura",
                "satuan_kerja_kerja_nama": rng.choice(opds).name,
            }
        )
    return rows


def write_file(path: Path, rows: list[dict[str, str]]) -> None:
    import csv

    from people.imports.files.siasn import DATA_ASN_COLUMNS

    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(DATA_ASN_COLUMNS)
        for row in rows:
            writer.writerow([row.get(c, "") for c in DATA_ASN_COLUMNS])


def empty_tables(tables: list[str]) -> None:
    """Remove what an import wrote (its rows and audit rows), so the next run starts empty again."""
    from django.db import connection

    from core.models import AuditLog

    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {AuditLog._meta.db_table} WHERE event LIKE %s", ["pegawai.%"])
        for table in reversed(tables):
            cursor.execute(f"DELETE FROM {table}")


def floor_seconds(tables: list[str]) -> tuple[float, int]:
    """Read the rows the import wrote, delete them, time a plain executemany of the same rows."""
    from django.db import connection, transaction

    saved = []
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT * FROM {table}")
            columns = [c[0] for c in cursor.description]
            saved.append((table, columns, cursor.fetchall()))
        for table in reversed(tables):
            cursor.execute(f"DELETE FROM {table}")
    placeholder = "%s"
    start = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        for table, columns, rows in saved:
            sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join([placeholder] * len(columns))})"
            cursor.executemany(sql, rows)
    return time.perf_counter() - start, sum(len(rows) for _t, _c, rows in saved)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pegawai", type=int, default=10334)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--target", type=float, default=3.0, help="highest acceptable import/floor ratio")
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="runs of the import and of the floor; the best of each is compared (as timeit does), "
        "so that a busy machine disturbs the ratio less",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="pelita-import-bench-") as tmp_name:
        tmp = Path(tmp_name)
        server = setup_database(tmp)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection

        try:
            call_command("migrate", verbosity=0)
            opds = make_opds()
            rows = generate_rows(args.pegawai, args.seed, opds)
            path = tmp / "data-asn.csv"
            write_file(path, rows)
            size = path.stat().st_size

            from people.imports.files.tables import do_import_pegawai

            tables = [
                "people_pegawai",
                "people_riwayatgolongan",
                "people_riwayatjabatan",
                "people_riwayatpendidikan",
            ]
            imports = []
            for run in range(args.repeat):
                if run:
                    empty_tables(tables)
                start = time.perf_counter()
                result = do_import_pegawai(path, actor=None)
                imports.append(time.perf_counter() - start)
            start = time.perf_counter()
            again = do_import_pegawai(path, actor=None)
            second = time.perf_counter() - start

            floors = []
            for _run in range(args.repeat):
                seconds, floor_rows = floor_seconds(tables)
                floors.append(seconds)
        finally:
            if server:
                drop_database(server)
    first, floor = min(imports), min(floors)
    ratio = first / floor
    print(f"database: {connection.vendor}; file: {args.pegawai} employees, {size / 1e6:.1f} MB CSV")
    print(f"import (empty database): {first:.2f} s — {result.summary}  [runs: {_runs(imports)}]")
    print(f"import again (idempotent): {second:.2f} s — {again.summary}")
    print(f"floor (plain executemany of the same {floor_rows} rows): {floor:.2f} s  [runs: {_runs(floors)}]")
    print(f"ratio import/floor: {ratio:.1f}× (target ≤ {args.target:g}×; best of {args.repeat} runs each)")
    return 0 if ratio <= args.target else 1


def _runs(seconds: list[float]) -> str:
    return ", ".join(f"{s:.2f}" for s in seconds)


if __name__ == "__main__":
    sys.exit(main())
