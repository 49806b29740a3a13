"""Importing the national system's employee files (Data ASN and the rw-* histories).

``read_table`` turns a CSV or XLSX file (told apart by content, not by name) into rows of
text; ``do_import_pegawai`` validates every row, skips and reports the bad ones, and
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
import csv
import datetime as dt
import gc
import io
import math
import os
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.spreadsheets import csv_writer, unescape_text
from people.imports.files import siasn

Progress = Callable[[int, int], None]

_XLSX_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary .xls
_BOM = b"\xef\xbb\xbf"
# A double holds integers exactly only up to 2**53: an 18-digit NIP typed into Excel as a
# number has already lost its last digits.
_EXACT_FLOAT = 2**53


class UnreadableFile(ValueError):
    """The file as a whole cannot be imported; nothing was changed. The message is for users."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class Row:
    """One data row: its line in the file (1 is the header) and its cells as stripped text."""

    line: int
    values: dict[str, str]
    imprecise: frozenset[str] = frozenset()  # XLSX numbers too long to be exact
    overflow: int = 0  # cells beyond the header


@dataclass
class Table:
    columns: list[str]
    rows: list[Row]
    file_format: str  # "csv" or "xlsx"
    encoding: str = ""
    delimiter: str = ""

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


def max_import_bytes() -> int:
    return settings.PELITA_IMPORT_MAX_MB * 1024 * 1024


def read_table(source: str | os.PathLike | IO, *, max_bytes: int | None = None) -> Table:
    """Read a CSV (UTF-8 with or without BOM, or Windows-1252; comma or semicolon) or XLSX file.

    Raises UnreadableFile with an Indonesian message for a file too large, empty, not a
    table, or with a header that names no column twice and none empty.
    """
    limit = max_import_bytes() if max_bytes is None else max_bytes
    data = _read_bytes(source, limit)
    if not data.lstrip(_BOM).strip():
        raise UnreadableFile(_("Berkas kosong: tidak ada judul kolom maupun baris data."))
    if data.startswith(_XLSX_MAGIC):
        table = _read_xlsx(data)
    elif data.startswith(_OLE_MAGIC):
        raise UnreadableFile(
            _("Berkas ini format Excel lama (.xls). Simpan ulang sebagai .xlsx atau CSV, lalu impor lagi.")
        )
    elif b"\x00" in data:
        raise UnreadableFile(_("Berkas ini bukan CSV atau XLSX; yang diterima hanya kedua format itu."))
    else:
        table = _read_csv(data)
    if not table.rows:
        raise UnreadableFile(_("Berkas tidak berisi baris data; hanya ada judul kolom."))
    return table


def _read_bytes(source, limit: int) -> bytes:
    def too_big(size: int) -> UnreadableFile:
        return UnreadableFile(
            _("Berkas terlalu besar (%(size)s MB); batasnya %(limit)s MB (setelan PELITA_IMPORT_MAX_MB).")
            % {"size": _mb(size), "limit": _mb(limit)}
        )

    if isinstance(source, str | os.PathLike):
        path = Path(source)
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise UnreadableFile(_("Berkas %(path)s tidak dapat dibuka.") % {"path": path}) from exc
        if size > limit:
            raise too_big(size)  # refused before a byte is read
        return path.read_bytes()
    size = getattr(source, "size", None)  # Django's UploadedFile knows its size
    if size is not None and size > limit:
        raise too_big(size)
    data = source.read(limit + 1)
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > limit:
        raise too_big(len(data))
    return data


def _mb(size: int) -> str:
    # rounded up, so a file one byte over the limit never reads as "50 MB; batasnya 50 MB"
    tenths = math.ceil(size * 10 / 1024 / 1024)
    return f"{tenths // 10},{tenths % 10}" if tenths % 10 else str(tenths // 10)


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
        label = "utf-8-sig"
    else:
        label = "utf-8"
    try:
        return data.decode("utf-8"), label
    except UnicodeDecodeError:
        pass
    try:
        # Excel on Windows saves "CSV" in the ANSI code page; cp1252 leaves five bytes
        # undefined, so a binary file rarely passes as one.
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        raise UnreadableFile(
            _("Berkas ini bukan CSV atau XLSX (isinya bukan teks UTF-8 atau Windows-1252).")
        ) from None


def _sniff_delimiter(text: str) -> str:
    # The header line decides: it holds no data that could contain the other delimiter.
    header = text.split("\n", 1)[0]
    counts = {d: len(next(csv.reader([header], delimiter=d), [])) for d in (";", ",", "\t")}
    return max(counts, key=lambda d: counts[d])


def _read_csv(data: bytes) -> Table:
    text, encoding = _decode(data)
    delimiter = _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
        columns = _header(header)
        rows = []
        start = reader.line_num + 1
        # Pelita's own CSV exports quote text that starts like a formula (core.spreadsheets
        # .safe_text): take the quote off again so that re-importing an export changes nothing.
        # Looked for once per file: most files hold no quote at all.
        quoted = "'" in text
        for cells in reader:
            if quoted:
                cells = [unescape_text(c) for c in cells]
            rows.append(_row(start, columns, cells))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise UnreadableFile(
            _("Berkas CSV rusak di baris %(line)s: %(error)s") % {"line": reader.line_num, "error": exc}
        ) from None
    return Table(columns, [r for r in rows if r is not None], "csv", encoding, delimiter)


def _read_xlsx(data: bytes) -> Table:
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise UnreadableFile(
            _("Berkas ini bukan CSV atau XLSX (arsip ZIP yang bukan buku kerja Excel).")
        ) from exc
    try:
        sheet = workbook.worksheets[0]
        lines = sheet.iter_rows(values_only=True)
        header = next(lines, None)
        if header is None:
            raise UnreadableFile(_("Berkas kosong: tidak ada judul kolom maupun baris data."))
        columns = _header(["" if v is None else str(v) for v in header])
        rows = []
        for number, cells in enumerate(lines, start=2):
            imprecise = frozenset(
                columns[i]
                for i, v in enumerate(cells[: len(columns)])
                if isinstance(v, float | int) and not isinstance(v, bool) and abs(v) > _EXACT_FLOAT
            )
            row = _row(number, columns, [_cell_text(v) for v in cells])
            if row is not None:
                row.imprecise = imprecise
                rows.append(row)
    finally:
        workbook.close()
    return Table(columns, rows, "xlsx")


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _header(cells: list[str]) -> list[str]:
    columns = [siasn.normalise_header(c) for c in cells]
    while columns and not columns[-1]:
        columns.pop()  # spreadsheets often carry empty trailing columns
    if not columns:
        raise UnreadableFile(_("Baris pertama harus berisi judul kolom, tetapi kosong."))
    if "" in columns:
        raise UnreadableFile(
            _("Judul kolom ke-%(n)s kosong; setiap kolom harus bernama.") % {"n": columns.index("") + 1}
        )
    duplicates = sorted({c for c in columns if columns.count(c) > 1})
    if duplicates:
        raise UnreadableFile(_("Judul kolom muncul dua kali: %(cols)s.") % {"cols": ", ".join(duplicates)})
    return columns


def _clean(value: str) -> str:
    value = value.strip()
    return "" if value.lower() == "null" else value


def _row(line: int, columns: list[str], cells: list[str]) -> Row | None:
    # _clean inlined: this runs once per cell of the file (670,000 cells for 10,000 employees)
    width = len(columns)
    stripped = [v.strip() for v in cells[:width]]
    text = ["" if len(v) == 4 and v.lower() == "null" else v for v in stripped]
    if len(text) < width:
        text.extend([""] * (width - len(text)))
    overflow = sum(1 for v in cells[width:] if _clean(v)) if len(cells) > width else 0
    if overflow == 0 and not any(text):
        return None  # blank lines and Excel's empty trailing rows
    return Row(line, dict(zip(columns, text, strict=True)), overflow=overflow)


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
