"""Backups of the database and of every stored file, and their restore (docs/backup.md).

A backup is a directory::

    manifest.json        written last, atomically: a directory without it is no backup
    database.dump        PostgreSQL: pg_dump --format=custom --no-owner
    database.sqlite3     SQLite: a copy made with the online backup API
    files/<storage name> every file the database refers to, read through the storage

The manifest names the format, the Pelita and Django versions, the database vendor, the
latest migration per app, the row count of every table, and the size and SHA-256 of the
dump and of every file. It carries a SHA-256 of itself, so an edited manifest is refused
like a damaged file.

Consistency: on PostgreSQL the row counts, the list of files and pg_dump all read one
exported snapshot (a REPEATABLE READ transaction), so the manifest describes exactly the
dump even while users keep working. On SQLite the counts and the file list are read from
the copy itself. Files are copied after the database: a document uploaded meanwhile is
simply not in this backup (its row is not either); a document deleted meanwhile is
reported as missing.

Restore refuses a database that holds data (see ``database_state``): a restore replaces
everything, and an operator who restores over live data by mistake cannot take it back.

Neither command is an audited action: a restore brings back the audit log itself, and
adding a row to it would make the restored database differ from the backup. The
command's output (the systemd journal of the timer) is the record of a backup.
"""

from __future__ import annotations

import datetime as dt
import glob
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import django
from django.apps import apps
from django.conf import settings
from django.core.files import File
from django.db import connection, models, transaction
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

FORMAT = "pelita-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
FILES_DIR = "files"
DATABASE_FILES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
_CHUNK = 1024 * 1024
# Storage names kept in plain CharFields (FileFields are found by themselves). Looked up by
# label, so core imports none of the apps above it; an app that is not installed is skipped.
STORAGE_NAME_COLUMNS = (
    ("core.Document", "storage_name"),
    ("core.ExportJob", "file"),
)

Report = Callable[[str], None]


class BackupError(Exception):
    """The backup or restore cannot go on; the message says why, in Indonesian."""


@dataclass(frozen=True)
class Snapshot:
    """What the database held at the moment of the dump."""

    row_counts: dict[str, int]
    migrations: dict[str, str]
    file_names: list[str]


# --- small pieces -------------------------------------------------------------------------


def copy_and_hash(source, target=None) -> tuple[int, str]:
    """Stream ``source`` into ``target`` (when given) in 1 MiB blocks: (bytes, SHA-256)."""
    digest, size = hashlib.sha256(), 0
    while block := source.read(_CHUNK):
        digest.update(block)
        size += len(block)
        if target is not None:
            target.write(block)
    return size, digest.hexdigest()


def hash_file(path: Path) -> tuple[int, str]:
    with path.open("rb") as handle:
        return copy_and_hash(handle)


def _canonical(body: dict) -> bytes:
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def seal(body: dict) -> dict:
    """The manifest with its own checksum (over every other key)."""
    body = {k: v for k, v in body.items() if k != "manifest_sha256"}
    return {**body, "manifest_sha256": hashlib.sha256(_canonical(body)).hexdigest()}


def safe_name(name: str) -> PurePosixPath:
    """A storage name as a relative path that cannot leave the backup's files/ directory."""
    path = PurePosixPath(name)
    if not name or path.is_absolute() or "\\" in name or any(part in ("", ".", "..") for part in path.parts):
        raise BackupError(_("Nama berkas tidak aman di penyimpanan: %(name)s.") % {"name": name})
    return path


def _mb(size: int) -> str:
    return number_format(round(size / (1024 * 1024), 1), 1)


def pelita_version() -> str:
    try:
        from importlib.metadata import version

        return version("pelita")
    except Exception:  # not installed as a package: read the project file
        import tomllib

        with (Path(settings.BASE_DIR) / "pyproject.toml").open("rb") as handle:
            return tomllib.load(handle)["project"]["version"]


def file_storage(label: str):
    """The storage a column's names live in: the field's own for a FileField, else the default."""
    from core.documents import storage

    model_label, column = label.rsplit(".", 1)
    model = apps.get_model(model_label)
    field = next(f for f in model._meta.concrete_fields if f.column == column)
    return field.storage if isinstance(field, models.FileField) else storage()


def storage_columns() -> list[tuple[str, str, str]]:
    """(table, column, "app.Model.column") of every column that holds a storage name."""
    found = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                found.append((model._meta.db_table, field.column, f"{model._meta.label}.{field.column}"))
    for model_label, name in STORAGE_NAME_COLUMNS:
        try:
            model = apps.get_model(model_label)
        except LookupError:
            continue
        column = model._meta.get_field(name).column
        found.append((model._meta.db_table, column, f"{model._meta.label}.{column}"))
    return sorted(set(found))


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def read_snapshot(cursor, tables: Iterable[str]) -> tuple[Snapshot, dict[str, str]]:
    """Counts, latest migrations and referenced files, through any DB-API cursor.

    Returns the snapshot and, per file name, the column label it came from (to find its storage).
    """
    tables = sorted(tables)
    counts = {}
    for table in tables:
        cursor.execute(f"SELECT COUNT(*) FROM {_quote(table)}")
        counts[table] = cursor.fetchone()[0]
    migrations: dict[str, str] = {}
    if "django_migrations" in counts:
        cursor.execute("SELECT app, name FROM django_migrations")
        for app, name in cursor.fetchall():
            # Names start with a zero-padded number, so the greatest is the latest.
            migrations[app] = max(migrations.get(app, name), name)
    sources: dict[str, str] = {}
    for table, column, label in storage_columns():
        if table not in counts:
            continue
        cursor.execute(
            f"SELECT DISTINCT {_quote(column)} FROM {_quote(table)} "
            f"WHERE {_quote(column)} IS NOT NULL AND {_quote(column)} <> ''"
        )
        for (name,) in cursor.fetchall():
            sources.setdefault(name, label)
    return Snapshot(counts, dict(sorted(migrations.items())), sorted(sources)), sources


# --- PostgreSQL tools ---------------------------------------------------------------------


def server_major() -> int:
    connection.ensure_connection()
    return connection.pg_version // 10000


def pg_tool(tool: str, major: int) -> str:
    """``pg_dump``/``pg_restore`` of the server's major version (an older one cannot read a
    newer server; a newer one writes archives an older pg_restore cannot read)."""
    candidate = Path(f"/usr/lib/postgresql/{major}/bin/{tool}")
    found = [str(candidate)] if candidate.exists() else []
    for directory in sorted(glob.glob("/usr/lib/postgresql/*/bin")):
        found.append(str(Path(directory) / tool))
    if on_path := shutil.which(tool):
        found.append(on_path)
    for path in found:
        try:
            output = subprocess.run([path, "--version"], capture_output=True, text=True, check=True).stdout
        except (OSError, subprocess.CalledProcessError):
            continue
        match = re.search(r"\(PostgreSQL\) (\d+)", output)
        if match and int(match.group(1)) == major:
            return path
    raise BackupError(
        _(
            "Program %(tool)s versi %(major)s tidak ditemukan (di /usr/lib/postgresql/*/bin atau PATH); "
            "pasang paket postgresql-client-%(major)s."
        )
        % {"tool": tool, "major": major}
    )


def _libpq() -> tuple[str, dict[str, str]]:
    """A connection string for the PostgreSQL tools and their environment (password)."""
    from psycopg.conninfo import make_conninfo

    db = settings.DATABASES["default"]
    keys = {"dbname": db["NAME"], "user": db.get("USER"), "host": db.get("HOST"), "port": db.get("PORT")}
    options = db.get("OPTIONS", {})
    for key in ("sslmode", "sslrootcert", "sslcert", "sslkey", "options", "service"):
        if options.get(key):
            keys[key] = str(options[key])
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return make_conninfo(**{k: str(v) for k, v in keys.items() if v}), env


def _run(command: list[str], env: dict[str, str], what: str) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(
            _("%(what)s gagal (kode %(code)s): %(error)s")
            % {"what": what, "code": result.returncode, "error": result.stderr.strip()[-2000:]}
        )


# --- backup -------------------------------------------------------------------------------


def _target_dir(root: Path) -> tuple[Path, Path]:
    """(directory to write in, its final name): always a new time-stamped sub-directory of
    ``root``, never ``root`` itself, so a nightly root only ever holds whole backups, each
    of which can be pruned or copied off as one directory (docs/backup.md)."""
    if root.exists() and not root.is_dir():
        raise BackupError(_("%(path)s bukan direktori.") % {"path": root})
    root.mkdir(parents=True, exist_ok=True)
    stamp = timezone.now().astimezone(dt.UTC).strftime("%Y%m%d-%H%M%SZ")
    final = root / f"pelita-{stamp}"
    n = 1
    while final.exists():
        n += 1
        final = root / f"pelita-{stamp}-{n}"
    # Built under a hidden name and renamed when complete, so a cut-off run never leaves a
    # directory that looks like a backup.
    work = Path(tempfile.mkdtemp(prefix=f".{final.name}.", suffix=".partial", dir=root))
    return work, final


def _dump_postgresql(path: Path, report: Report) -> tuple[Snapshot, dict[str, str]]:
    major = server_major()
    pg_dump = pg_tool("pg_dump", major)
    conninfo, env = _libpq()
    report(_("Membuat dump PostgreSQL %(major)s dengan %(tool)s …") % {"major": major, "tool": pg_dump})
    with transaction.atomic(), connection.cursor() as cursor:
        # One snapshot for the counts, the file list and pg_dump (which joins it).
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot_id = cursor.fetchone()[0]
        _run(
            [
                pg_dump,
                "--format=custom",
                "--no-owner",
                f"--snapshot={snapshot_id}",
                f"--file={path}",
                f"--dbname={conninfo}",
            ],
            env,
            "pg_dump",
        )
        snapshot, sources = read_snapshot(cursor, connection.introspection.table_names(cursor))
    return snapshot, sources


def _dump_sqlite(path: Path, report: Report) -> tuple[Snapshot, dict[str, str]]:
    report(_("Menyalin basis data SQLite dengan backup API …"))
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        connection.connection.backup(target)
        # One self-contained file: no -wal/-shm beside it.
        target.execute("PRAGMA journal_mode=DELETE")
        tables = [
            row[0]
            for row in target.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return read_snapshot(target.cursor(), tables)
    finally:
        target.close()


def _copy_files(work: Path, names: list[str], sources: dict[str, str], report: Report):
    files, missing = [], []
    total_bytes, last = 0, 0.0
    report(_("Menyalin %(n)s berkas …") % {"n": number_format(len(names), force_grouping=True)})
    storages = {}
    for index, name in enumerate(names, 1):
        relative = safe_name(name)
        label = sources[name]
        store = storages.setdefault(label, file_storage(label))
        if not store.exists(name):
            missing.append(name)
            report(
                _("PERINGATAN: berkas %(name)s (%(source)s) tidak ada di penyimpanan.")
                % {"name": name, "source": label}
            )
            continue
        destination = work / FILES_DIR / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        with store.open(name, "rb") as source, destination.open("wb") as target:
            size, sha256 = copy_and_hash(source, target)
            target.flush()
            os.fsync(target.fileno())
        files.append({"name": name, "source": label, "size": size, "sha256": sha256})
        total_bytes += size
        if time.monotonic() - last >= 2 or index == len(names):
            last = time.monotonic()
            report(
                _("  berkas %(i)s/%(n)s (%(mb)s MB)")
                % {
                    "i": number_format(index, force_grouping=True),
                    "n": number_format(len(names), force_grouping=True),
                    "mb": _mb(total_bytes),
                }
            )
    return files, missing


def _write_json_atomically(path: Path, data: dict) -> None:
    partial = path.with_name(path.name + ".partial")
    with partial.open("w", encoding="utf-8") as handle:
        json.dump(data, handle, indent=2, ensure_ascii=False, sort_keys=True)
        handle.write("\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, path)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def create_backup(root: Path, report: Report) -> tuple[Path, dict]:
    """Write a complete backup under ``root``; return its directory and manifest.

    On any failure everything written so far is removed again and the error is raised.
    Everything is written owner-only (umask 077): a backup holds all the personal data.
    """
    umask = os.umask(0o077)
    try:
        return _create_backup(root, report)
    finally:
        os.umask(umask)


def _create_backup(root: Path, report: Report) -> tuple[Path, dict]:
    vendor = connection.vendor
    if vendor not in DATABASE_FILES:
        raise BackupError(_("Basis data %(vendor)s tidak didukung.") % {"vendor": vendor})
    work, final = _target_dir(Path(root))
    report(_("Menulis cadangan ke subdirektori baru %(path)s.") % {"path": final})
    created_at = timezone.now()
    try:
        database_path = work / DATABASE_FILES[vendor]
        if vendor == "postgresql":
            snapshot, sources = _dump_postgresql(database_path, report)
            server_version = str(server_major())
        else:
            snapshot, sources = _dump_sqlite(database_path, report)
            server_version = sqlite3.sqlite_version
        db_size, db_sha = hash_file(database_path)
        report(
            _("Basis data: %(mb)s MB, %(tables)s tabel.")
            % {"mb": _mb(db_size), "tables": len(snapshot.row_counts)}
        )
        files, missing = _copy_files(work, snapshot.file_names, sources, report)
        manifest = seal(
            {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "created_at": created_at.isoformat(),
                "pelita_version": pelita_version(),
                "django_version": django.get_version(),
                "database": {
                    "vendor": vendor,
                    "server_version": server_version,
                    "file": database_path.name,
                    "size": db_size,
                    "sha256": db_sha,
                },
                "migrations": snapshot.migrations,
                "row_counts": snapshot.row_counts,
                "files": files,
                "missing_files": missing,
            }
        )
        _write_json_atomically(work / MANIFEST, manifest)
        _fsync_dir(work)
        work.rename(final)
        _fsync_dir(final.parent)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return final, manifest


# --- restore ------------------------------------------------------------------------------


def read_manifest(directory: Path) -> dict:
    path = directory / MANIFEST
    if not path.is_file():
        raise BackupError(
            _("%(path)s tidak ada: direktori ini bukan cadangan Pelita yang lengkap.") % {"path": path}
        )
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BackupError(_("%(path)s tidak dapat dibaca: %(error)s") % {"path": path, "error": exc}) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(_("%(path)s bukan manifest cadangan Pelita.") % {"path": path})
    if seal(manifest).get("manifest_sha256") != manifest.get("manifest_sha256"):
        raise BackupError(
            _("%(path)s telah diubah atau rusak (checksum manifest tidak cocok).") % {"path": path}
        )
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            _(
                "Format cadangan versi %(found)s tidak dikenal oleh versi Pelita ini (mengenal versi %(known)s)."
            )
            % {"found": manifest.get("format_version"), "known": FORMAT_VERSION}
        )
    return manifest


def check_compatible(manifest: dict) -> None:
    """Same database vendor; no migration the code does not know."""
    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise BackupError(
            _("Cadangan ini dari basis data %(backup)s, tetapi DATABASE_URL menunjuk %(here)s.")
            % {"backup": vendor, "here": connection.vendor}
        )
    if manifest["database"].get("file") != DATABASE_FILES.get(vendor):
        raise BackupError(_("Manifest menyebut berkas basis data yang tidak dikenal."))
    if vendor == "postgresql" and int(manifest["database"]["server_version"]) > server_major():
        raise BackupError(
            _("Cadangan dibuat dari PostgreSQL %(backup)s; server tujuan lebih lama (%(here)s).")
            % {"backup": manifest["database"]["server_version"], "here": server_major()}
        )
    known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    unknown = [f"{app}.{name}" for app, name in manifest["migrations"].items() if (app, name) not in known]
    if unknown:
        raise BackupError(
            _(
                "Cadangan memuat migrasi yang tidak dikenal kode ini (cadangan lebih baru dari kode): "
                "%(migrations)s. Pasang versi Pelita yang sama atau lebih baru, lalu ulangi."
            )
            % {"migrations": ", ".join(unknown)}
        )


def verify_backup(directory: Path, manifest: dict, report: Report) -> None:
    """Every file present with its size and SHA-256; BackupError names the bad ones."""
    problems = []
    expected = [(manifest["database"]["file"], manifest["database"])]
    expected += [(str(PurePosixPath(FILES_DIR) / safe_name(f["name"])), f) for f in manifest["files"]]
    report(_("Memeriksa checksum %(n)s berkas …") % {"n": number_format(len(expected), force_grouping=True)})
    for relative, facts in expected:
        path = directory / relative
        if not path.is_file():
            problems.append(_("%(path)s tidak ada") % {"path": path})
            continue
        size, sha256 = hash_file(path)
        if size != facts["size"]:
            problems.append(
                _("%(path)s berukuran %(found)s bita, seharusnya %(size)s")
                % {"path": path, "found": size, "size": facts["size"]}
            )
        elif sha256 != facts["sha256"]:
            problems.append(_("%(path)s rusak (SHA-256 tidak cocok)") % {"path": path})
    if problems:
        shown = problems[:20]
        more = len(problems) - len(shown)
        raise BackupError(
            _("Cadangan rusak; tidak ada yang diubah:\n- %(problems)s") % {"problems": "\n- ".join(shown)}
            + (_("\n… dan %(n)s masalah lain.") % {"n": more} if more else "")
        )


def database_state() -> str:
    """ "empty" (no tables), "migrated" (the schema of ``migrate`` and no data) or "data".

    "No data" means no user account and no audit row: ``migrate`` itself fills reference
    tables (content types, permissions, pangkat), but anything done with Pelita either
    needs an account or writes an audit row.
    """
    with connection.cursor() as cursor:
        tables = set(connection.introspection.table_names(cursor))
    if not tables:
        return "empty"
    from django.contrib.auth import get_user_model

    from core.models import AuditLog

    markers = [get_user_model(), AuditLog]
    if not all(model._meta.db_table in tables for model in markers):
        return "data"  # some other schema: never treat it as ours to overwrite
    return "data" if any(model.objects.exists() for model in markers) else "migrated"


def _drop_tables() -> None:
    """Drop the (empty) migrated schema so pg_restore can create it from the dump."""
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        if tables:
            cursor.execute("DROP TABLE " + ", ".join(_quote(t) for t in tables) + " CASCADE")


def _restore_postgresql(path: Path, state: str, report: Report) -> None:
    pg_restore = pg_tool("pg_restore", server_major())
    conninfo, env = _libpq()
    if state == "migrated":
        report(_("Menghapus skema kosong hasil migrate …"))
        _drop_tables()
    connection.close()  # pg_restore works on its own connection
    report(_("Memulihkan basis data dengan %(tool)s …") % {"tool": pg_restore})
    _run(
        [
            pg_restore,
            "--no-owner",
            "--no-acl",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={conninfo}",
            str(path),
        ],
        env,
        "pg_restore",
    )


def _restore_sqlite(path: Path, report: Report) -> None:
    report(_("Memulihkan basis data SQLite dengan backup API …"))
    connection.ensure_connection()
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        # Replaces every page of the target: an empty migrated schema is overwritten too.
        source.backup(connection.connection)
    finally:
        source.close()
        connection.close()


def _put_files(directory: Path, manifest: dict, report: Report) -> None:
    names = [(f["name"], _storage_of(f)) for f in manifest["files"]]
    total, last = len(names), 0.0
    for index, (name, store) in enumerate(names, 1):
        with (directory / FILES_DIR / safe_name(name)).open("rb") as handle:
            saved = store.save(name, File(handle, name=PurePosixPath(name).name))
        if saved != name:
            raise BackupError(
                _("Penyimpanan menyimpan %(name)s dengan nama lain (%(saved)s).")
                % {"name": name, "saved": saved}
            )
        if time.monotonic() - last >= 2 or index == total:
            last = time.monotonic()
            report(
                _("  berkas %(i)s/%(n)s")
                % {
                    "i": number_format(index, force_grouping=True),
                    "n": number_format(total, force_grouping=True),
                }
            )


def _storage_of(entry: dict):
    """Where a file goes back to: its column's storage, or the default for a column gone since."""
    from core.documents import storage

    try:
        return file_storage(entry["source"])
    except (KeyError, LookupError, StopIteration, ValueError):
        return storage()


def _check_counts(manifest: dict) -> None:
    wrong = []
    with connection.cursor() as cursor:
        tables = set(connection.introspection.table_names(cursor))
        for table, expected in manifest["row_counts"].items():
            if table not in tables:
                wrong.append(_("%(table)s tidak ada") % {"table": table})
                continue
            cursor.execute(f"SELECT COUNT(*) FROM {_quote(table)}")
            found = cursor.fetchone()[0]
            if found != expected:
                wrong.append(
                    _("%(table)s: %(found)s baris, seharusnya %(expected)s")
                    % {"table": table, "found": found, "expected": expected}
                )
    if wrong:
        raise BackupError(
            _("Jumlah baris setelah pemulihan tidak cocok dengan manifest:\n- %(wrong)s")
            % {"wrong": "\n- ".join(wrong)}
        )


def check_backup(directory: Path, report: Report) -> dict:
    """Everything restore checks before it writes, except the target: for the drill and off-site copies."""
    directory = Path(directory)
    manifest = read_manifest(directory)
    check_compatible(manifest)
    verify_backup(directory, manifest, report)
    return manifest


def restore_backup(directory: Path, report: Report) -> dict:
    """Check ``directory`` completely, then restore it into the empty database and storage."""
    directory = Path(directory)
    manifest = check_backup(directory, report)
    state = database_state()
    if state == "data":
        raise BackupError(
            _(
                "Basis data tujuan sudah berisi data (ada akun pengguna atau log audit); pemulihan "
                "hanya ke basis data kosong. Buat basis data baru lalu arahkan DATABASE_URL ke sana."
            )
        )
    taken = [f["name"] for f in manifest["files"] if _storage_of(f).exists(f["name"])]
    if taken:
        raise BackupError(
            _(
                "Penyimpanan dokumen tujuan sudah berisi %(n)s berkas cadangan ini, misalnya %(name)s; pulihkan ke penyimpanan kosong."
            )
            % {"n": len(taken), "name": taken[0]}
        )
    database_path = directory / manifest["database"]["file"]
    # Everything above only read; from here on the target changes, so a failure must say so.
    try:
        if connection.vendor == "postgresql":
            _restore_postgresql(database_path, state, report)
        else:
            _restore_sqlite(database_path, report)
        report(
            _("Memulihkan %(n)s berkas …") % {"n": number_format(len(manifest["files"]), force_grouping=True)}
        )
        _put_files(directory, manifest, report)
    except Exception as exc:
        raise BackupError(
            _(
                "%(error)s\nPemulihan terhenti setelah mulai menulis: basis data dan penyimpanan tujuan "
                "mungkin baru terisi sebagian. Buat basis data baru dan penyimpanan kosong, lalu ulangi."
            )
            % {"error": exc if isinstance(exc, BackupError) else f"{type(exc).__name__}: {exc}"}
        ) from exc
    _check_counts(manifest)
    return manifest
