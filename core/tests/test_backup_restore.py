"""Backup and restore, through the real commands in subprocesses, on the database of the pass.

The SQLite pass uses temporary database files; the PostgreSQL pass creates fresh databases
on the cluster of DATABASE_URL. Each restore goes into a new empty database and an empty
document root, and what came back is read straight from that database and directory.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from core.backup import seal
from tests.object_store import ObjectStore
from tests.servers import PROJECT, PYTHON, drop_database, fresh_database_url, manage, production_env

POSTGRES = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
VENDOR = "postgresql" if POSTGRES else "sqlite"
DUMP = "database.dump" if POSTGRES else "database.sqlite3"

# Three employees with a scan each (one of 3 MB, several read blocks), a correction scan,
# and a previewed import whose file sits in a FileField: every way a file is referenced.
SEED = """
from django.core.files.uploadedfile import SimpleUploadedFile
from conftest import build_cast
from core.documents import do_attach_document
from people.tests.factories import make_pegawai
from people.tests.import_jobs import preview_job

cast = build_cast()
for i, size in enumerate((3_000_000, 20_000, 700)):
    pegawai = make_pegawai(cast.opd_a if i else cast.opd_b, nama=f"Pegawai Cadangan {i}", actor=cast.admin)
    do_attach_document(
        pegawai.riwayat_golongan.get(),
        SimpleUploadedFile(f"SK {i}.pdf", b"%PDF-1.4\\n" + bytes([65 + i]) * size),
        kind="sk_pangkat",
        actor=cast.admin,
    )
    do_attach_document(
        pegawai.riwayat_pendidikan.get(),
        SimpleUploadedFile(f"ijazah {i}.png", b"\\x89PNG\\r\\n\\x1a\\n" + bytes([i]) * 5000),
        kind="ijazah",
        actor=cast.operator_a,
    )
preview_job(cast.admin)
"""


@dataclass
class Site:
    """One installation: its database, its document root and the environment of its commands."""

    url: str
    documents: Path
    env: dict[str, str]


def run(site: Site, *args: str) -> subprocess.CompletedProcess:
    """manage.py ARGS as the operator runs it; the caller checks the exit status."""
    return subprocess.run(
        [str(PYTHON), "manage.py", *args],
        cwd=PROJECT,
        env=site.env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def new_site(root: Path, name: str) -> Site:
    root.mkdir(parents=True, exist_ok=True)
    url = fresh_database_url(name) if POSTGRES else f"sqlite:///{root / 'pelita.sqlite3'}"
    documents = root / "documents"
    env = production_env(url, root / "var", PELITA_DOCUMENT_ROOT=str(documents), PELITA_DOCUMENT_MAX_MB="8")
    return Site(url, documents, env)


def remove_site(site: Site) -> None:
    if POSTGRES:
        drop_database(site.url)


def query(url: str, sql: str) -> list[tuple]:
    if POSTGRES:
        import psycopg

        with psycopg.connect(url) as conn:
            return conn.execute(sql).fetchall()
    with sqlite3.connect(urlsplit(url).path) as conn:
        return conn.execute(sql).fetchall()


def table_counts(url: str) -> dict[str, int]:
    if POSTGRES:
        tables = [r[0] for r in query(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
    else:
        tables = [
            r[0]
            for r in query(
                url, "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
    return {table: query(url, f'SELECT COUNT(*) FROM "{table}"')[0][0] for table in sorted(tables)}


def stored_files(root: Path) -> dict[str, str]:
    """Every file under a document root, by storage name, with its SHA-256."""
    if not root.exists():
        return {}
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def object_hashes(store) -> dict[str, str]:
    """Every object in the store's bucket, by key, with its SHA-256, read straight from it."""
    return {key: hashlib.sha256(store.get(key)).hexdigest() for key in store.names()}


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    site = new_site(tmp_path_factory.mktemp("source"), "h8_backup_source")
    manage(site.env, "migrate", "-v0")
    manage(site.env, "shell", "-c", SEED)
    yield site
    remove_site(site)


@pytest.fixture(scope="module")
def backup(source, tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    root = tmp_path_factory.mktemp("backups")
    result = run(source, "backup", str(root))
    assert result.returncode == 0, result.stderr
    (directory,) = root.iterdir()
    return directory, result


@pytest.fixture
def target(tmp_path):
    site = new_site(tmp_path / "target", "h8_restore_target")
    yield site
    remove_site(site)


@pytest.fixture
def damaged(backup, tmp_path):
    """A copy of the good backup, for a test to break."""
    copy = tmp_path / "damaged"
    shutil.copytree(backup[0], copy)
    return copy


def manifest_of(directory: Path) -> dict:
    return json.loads((directory / "manifest.json").read_text())


def write_manifest(directory: Path, manifest: dict) -> None:
    (directory / "manifest.json").write_text(json.dumps(manifest, indent=2))


def assert_untouched(site: Site) -> None:
    assert table_counts(site.url) == {}
    assert stored_files(site.documents) == {}


# --- backup ---------------------------------------------------------------------------------


def test_a_backup_is_written_into_a_new_timestamped_sub_directory_and_says_so(backup):
    directory, result = backup
    assert re.fullmatch(r"pelita-\d{8}-\d{6}Z", directory.name)
    assert f"Menulis cadangan ke subdirektori baru {directory}." in result.stdout
    assert f"Cadangan selesai: {directory} (7 berkas" in result.stdout
    assert sorted(p.name for p in directory.iterdir()) == [DUMP, "files", "manifest.json"]
    # All the personal data of the agency: readable by the owner only.
    assert oct(directory.stat().st_mode & 0o777) == "0o700"
    assert {oct(p.stat().st_mode & 0o777) for p in directory.rglob("*") if p.is_file()} == {"0o600"}


def test_the_manifest_describes_the_database_and_every_file(source, backup):
    directory, _ = backup
    manifest = manifest_of(directory)
    assert manifest["format"] == "pelita-backup" and manifest["format_version"] == 1
    assert manifest["django_version"].startswith("6.")
    assert manifest["pelita_version"] and manifest["created_at"]
    assert manifest["database"]["vendor"] == VENDOR
    assert manifest["migrations"]["core"].startswith("00")
    assert manifest["migrations"]["people"].startswith("00")
    assert manifest["row_counts"] == table_counts(source.url)
    assert manifest["row_counts"]["people_pegawai"] == 3
    dump = directory / DUMP
    assert manifest["database"]["size"] == dump.stat().st_size
    assert manifest["database"]["sha256"] == hashlib.sha256(dump.read_bytes()).hexdigest()
    # Every document row and the import file, each with the hash of the bytes in storage.
    documents = dict(query(source.url, "SELECT storage_name, sha256 FROM core_document"))
    assert len(documents) == 6
    in_storage = stored_files(source.documents)
    listed = {f["name"]: f["sha256"] for f in manifest["files"]}
    assert set(listed) == set(documents) | set(query(source.url, "SELECT file FROM people_importjob")[0])
    assert all(listed[name] == documents[name] == in_storage[name] for name in documents)
    assert all((directory / "files" / f["name"]).stat().st_size == f["size"] for f in manifest["files"])
    assert manifest["missing_files"] == []


def test_every_backup_gets_its_own_directory(source, tmp_path):
    root = tmp_path / "nightly"  # created by the first run
    first, second = run(source, "backup", str(root)), run(source, "backup", str(root))
    assert first.returncode == second.returncode == 0
    made = sorted(root.iterdir())
    assert len(made) == 2 and all(p.name.startswith("pelita-") for p in made)
    assert all((p / "manifest.json").is_file() for p in made)


def test_a_file_missing_from_storage_is_listed_and_the_backup_exits_non_zero(source, tmp_path):
    lost = query(source.url, "SELECT storage_name FROM core_document ORDER BY id")[0][0]
    documents = tmp_path / "documents"
    shutil.copytree(source.documents, documents)
    (documents / lost).unlink()
    site = Site(source.url, documents, {**source.env, "PELITA_DOCUMENT_ROOT": str(documents)})
    result = run(site, "backup", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "PERHATIAN: 1 berkas yang dirujuk basis data sudah tidak ada" in result.stderr
    (made,) = (tmp_path / "out").iterdir()
    assert manifest_of(made)["missing_files"] == [lost]


def test_a_backup_that_fails_half_way_leaves_nothing_behind(source, tmp_path):
    # The last scan cannot be read (a directory stands where its file should be).
    unreadable = query(source.url, "SELECT storage_name FROM core_document ORDER BY id DESC")[0][0]
    documents = tmp_path / "documents"
    shutil.copytree(source.documents, documents)
    (documents / unreadable).unlink()
    (documents / unreadable).mkdir()
    site = Site(source.url, documents, {**source.env, "PELITA_DOCUMENT_ROOT": str(documents)})
    result = run(site, "backup", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "Cadangan GAGAL, tidak ada cadangan yang ditulis" in result.stderr
    assert list((tmp_path / "out").iterdir()) == []


def test_a_backup_into_a_path_that_is_a_file_fails_with_a_message(source, tmp_path):
    (tmp_path / "berkas").write_text("bukan direktori")
    result = run(source, "backup", str(tmp_path / "berkas"))
    assert result.returncode == 1
    assert "Cadangan GAGAL" in result.stderr and "bukan direktori" in result.stderr


# --- restore --------------------------------------------------------------------------------


def test_a_restore_into_an_empty_database_brings_back_every_row_and_every_document(source, backup, target):
    result = run(target, "restore", str(backup[0]))
    assert result.returncode == 0, result.stderr
    assert "jumlah baris cocok dengan manifest" in result.stdout
    assert table_counts(target.url) == table_counts(source.url)
    restored = stored_files(target.documents)
    for name, sha256 in query(target.url, "SELECT storage_name, sha256 FROM core_document"):
        assert restored[name] == sha256
    assert restored == stored_files(source.documents)
    # The restored installation is the code's schema: nothing left to migrate.
    manage(target.env, "migrate", "--check")


def test_a_restore_into_a_freshly_migrated_database_is_accepted(source, backup, target):
    manage(target.env, "migrate", "-v0")
    result = run(target, "restore", str(backup[0]))
    assert result.returncode == 0, result.stderr
    assert table_counts(target.url) == table_counts(source.url)


def test_a_restore_over_a_database_with_data_is_refused_and_changes_nothing(source, backup):
    before, files = table_counts(source.url), stored_files(source.documents)
    result = run(source, "restore", str(backup[0]))
    assert result.returncode == 1
    assert "Basis data tujuan sudah berisi data" in result.stderr
    assert table_counts(source.url) == before
    assert stored_files(source.documents) == files


def _flip_a_byte_in_a_document(directory: Path) -> str:
    name = manifest_of(directory)["files"][0]["name"]
    path = directory / "files" / name
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    return f"files/{name} rusak (SHA-256 tidak cocok)"


def _remove_a_document(directory: Path) -> str:
    name = manifest_of(directory)["files"][-1]["name"]
    (directory / "files" / name).unlink()
    return f"files/{name} tidak ada"


def _cut_the_database_dump(directory: Path) -> str:
    path = directory / DUMP
    path.write_bytes(path.read_bytes()[:1000])
    return f"{DUMP} berukuran 1000 bita"


def _edit_a_row_count_in_the_manifest(directory: Path) -> str:
    manifest = manifest_of(directory)
    manifest["row_counts"]["people_pegawai"] += 1
    write_manifest(directory, manifest)
    return "manifest.json telah diubah atau rusak"


def _remove_the_manifest(directory: Path) -> str:
    (directory / "manifest.json").unlink()
    return "bukan cadangan Pelita yang lengkap"


@pytest.mark.parametrize(
    "damage",
    [
        _flip_a_byte_in_a_document,
        _remove_a_document,
        _cut_the_database_dump,
        _edit_a_row_count_in_the_manifest,
        _remove_the_manifest,
    ],
    ids=lambda damage: damage.__name__.strip("_"),
)
def test_a_damaged_backup_is_refused_naming_the_file_and_changes_nothing(damaged, target, damage):
    expected = damage(damaged)
    result = run(target, "restore", str(damaged))
    assert result.returncode == 1
    assert "Pemulihan GAGAL" in result.stderr
    assert expected in result.stderr
    assert_untouched(target)


def test_the_check_only_mode_confirms_a_good_backup_and_refuses_a_damaged_one(backup, damaged, target):
    good = run(target, "restore", "--check-only", str(backup[0]))
    assert good.returncode == 0, good.stderr
    assert "Cadangan utuh: 7 berkas" in good.stdout  # six scans and one import file
    expected = _flip_a_byte_in_a_document(damaged)
    bad = run(target, "restore", "--check-only", str(damaged))
    assert bad.returncode == 1
    assert "Pemeriksaan GAGAL" in bad.stderr and expected in bad.stderr
    assert_untouched(target)


def test_a_backup_of_the_other_database_vendor_is_refused(damaged, target):
    manifest = manifest_of(damaged)
    manifest["database"]["vendor"] = "sqlite" if POSTGRES else "postgresql"
    write_manifest(damaged, seal(manifest))
    result = run(target, "restore", str(damaged))
    assert result.returncode == 1
    assert f"tetapi DATABASE_URL menunjuk {VENDOR}" in result.stderr
    assert_untouched(target)


def test_a_backup_with_migrations_newer_than_the_code_is_refused(damaged, target):
    manifest = manifest_of(damaged)
    manifest["migrations"]["core"] = "9999_from_the_future"
    write_manifest(damaged, seal(manifest))
    result = run(target, "restore", str(damaged))
    assert result.returncode == 1
    assert "migrasi yang tidak dikenal kode ini" in result.stderr
    assert "core.9999_from_the_future" in result.stderr
    assert_untouched(target)


def test_an_installation_on_an_object_store_is_backed_up_and_restored_through_it(source, target, tmp_path):
    with ObjectStore("pelita-sumber") as store:
        # The source's files, moved into its bucket under their storage names.
        for name, _sha in stored_files(source.documents).items():
            store.client().put_object(
                Bucket="pelita-sumber", Key=name, Body=(source.documents / name).read_bytes()
            )
        store.client().create_bucket(Bucket="pelita-tujuan")
        on_s3 = Site(source.url, source.documents, {**source.env, **store.env()})
        assert run(on_s3, "backup", str(tmp_path / "cadangan")).returncode == 0
        (backup_dir,) = (tmp_path / "cadangan").iterdir()
        into = Site(
            target.url, target.documents, {**target.env, **store.env(), "PELITA_S3_BUCKET": "pelita-tujuan"}
        )
        result = run(into, "restore", str(backup_dir))
        assert result.returncode == 0, result.stderr
        assert table_counts(target.url) == table_counts(source.url)
        before = object_hashes(store)
        store.bucket = "pelita-tujuan"
        assert object_hashes(store) == before
        assert stored_files(target.documents) == {}  # nothing went to the local disk
