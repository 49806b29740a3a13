"""Importing the national system's employee files (Data ASN and the rw-* histories).

``core.tables.read_table`` turns a CSV or XLSX file into rows of text; ``do_import_pegawai`` validates every row, skips and reports the bad ones, and
upserts the good ones with one audit row per changed employee (and one per chunk
naming the employees it created). A view, a background task
and the ``import_pegawai`` command all call ``do_import_pegawai``; ``progress(done, total)``
lets a task drive a progress bar.

Atomicity: the whole file is written in one transaction. Every row is validated before
anything is written, so a rejected row never reaches the database; a crash (or a database
error) rolls the whole file back and a rerun is safe because the import is idempotent.
One transaction, rather than a savepoint per row, is what lets the writes go in bulk.
See docs/import.md.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import os
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from typing import IO

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.spreadsheets import csv_writer
from core.tables import Table, UnreadableFile, read_table
from people.imports.files import siasn

Progress = Callable[[int, int], None]


# --- result and report --------------------------------------------------------------------


@dataclass(frozen=True)
class Rejection:
    line: int
    column: str
    reason: str
    nip: str = ""


@dataclass
class ImportResult:
    kind: str
    dry_run: bool = False
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    rejections: list[Rejection] = field(default_factory=list)

    @property
    def rejected(self) -> int:
        """Rows rejected (a row with three bad cells counts once)."""
        return len({r.line for r in self.rejections})

    @property
    def summary(self) -> str:
        return (
            f"imported {self.imported}, updated {self.updated}, "
            f"unchanged {self.unchanged}, rejected {self.rejected}"
        )


REPORT_COLUMNS = ("baris", "kolom", "nip", "alasan")


def write_report_csv(result: ImportResult, file: str | os.PathLike | IO[str]) -> None:
    """The rejection list as CSV (UTF-8 with BOM so that Excel shows the accents right)."""
    if isinstance(file, str | os.PathLike):
        with open(file, "w", encoding="utf-8-sig", newline="") as handle:
            write_report_csv(result, handle)
        return
    writer = csv_writer(file)  # the NIP and reason echo the uploaded cells: never a live formula
    writer.writerow(REPORT_COLUMNS)
    for r in sorted(result.rejections, key=lambda r: r.line):
        writer.writerow([r.line, r.column, r.nip, r.reason])


# --- the import ---------------------------------------------------------------------------


def check_columns(table: Table, kind: str | None) -> siasn.FileKind:
    """The file kind, from ``kind`` or from the header; UnreadableFile on unknown/missing columns."""
    if kind is None:
        found = siasn.detect_kind(table.columns)
        if found is not None:
            return found
        # Name the columns against Data ASN, the usual file, unless the header fits a history file better.
        expected = max(siasn.KINDS.values(), key=lambda k: len(set(table.columns) & set(k.columns)))
    else:
        if kind not in siasn.KINDS:
            raise UnreadableFile(
                _("Jenis berkas %(kind)s tidak dikenal; pilih salah satu: %(kinds)s.")
                % {"kind": kind, "kinds": ", ".join(siasn.KINDS)}
            )
        expected = siasn.KINDS[kind]
    unknown = [c for c in table.columns if c not in expected.columns]
    if unknown:
        raise UnreadableFile(
            _(
                "Kolom tidak dikenal untuk berkas %(label)s: %(cols)s. Periksa judul kolom (lihat docs/import.md)."
            )
            % {"label": expected.label, "cols": ", ".join(unknown)}
        )
    missing = [c for c in expected.required if c not in table.columns]
    if missing:
        raise UnreadableFile(
            _("Kolom wajib tidak ada pada berkas %(label)s: %(cols)s.")
            % {"label": expected.label, "cols": ", ".join(missing)}
        )
    return expected


CHUNK = 1000  # rows validated and written together; also the progress step


def do_import_pegawai(
    source: str | os.PathLike | IO | Table,
    *,
    actor,
    kind: str | None = None,
    dry_run: bool = False,
    today: dt.date | None = None,
    progress: Progress | None = None,
    max_bytes: int | None = None,
    opd_scope: Collection[int] | None = None,
) -> ImportResult:
    """Import one Data ASN or rw-* file. Raises UnreadableFile (nothing changed) if it cannot be read.

    ``kind`` is a key of ``people.imports.files.siasn.KINDS``; None detects it from the header.
    ``dry_run`` validates and counts without writing anything.
    ``opd_scope`` (OPD ids; None: every OPD) rejects the rows of employees of other OPDs:
    an Operator OPD imports only their own OPD (``people.imports.rules``).
    """
    with _gc_paused():
        return _import(source, actor, kind, dry_run, today, progress, max_bytes, opd_scope)


def _import(source, actor, kind, dry_run, today, progress, max_bytes, opd_scope) -> ImportResult:
    from people.imports.files.asn import DataAsnImporter
    from people.imports.files.history import HistoryImporter

    table = source if isinstance(source, Table) else read_table(source, max_bytes=max_bytes)
    file_kind = check_columns(table, kind)
    today = today or timezone.localdate()
    result = ImportResult(kind=file_kind.code, dry_run=dry_run)
    handled = 0  # rows outside the scope: rejected before the import, counted as done
    if opd_scope is not None:
        from people.imports.rules import split_by_scope

        scoped, outside = split_by_scope(table, file_kind.code, opd_scope)
        handled = len(table.rows) - len(scoped.rows)
        table = scoped
        result.rejections.extend(outside)
    importer_class = DataAsnImporter if file_kind.code == "data-asn" else HistoryImporter
    importer = importer_class(file_kind, table, actor=actor, today=today, result=result, write=not dry_run)
    total = len(table.rows)
    with transaction.atomic():
        importer.prepare()
        for start in range(0, total, CHUNK):
            importer.run_chunk(table.rows[start : start + CHUNK])
            if progress is not None:
                progress(handled + min(start + CHUNK, total), handled + total)
    return result


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a file is imported.

    An import holds a few hundred thousand small containers (rows, cells, plans) alive at
    once, and the collector, triggered by allocation counts, re-scans all of them again
    and again: a third of the import's time at ten thousand employees. None of them form
    cycles, so reference counting frees them anyway; whatever cycles do appear are
    collected when the collector resumes. Nested or concurrent imports leave it as found.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
