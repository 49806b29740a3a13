"""Reading a CSV or XLSX table that a user uploaded: told apart by content, not by name.

``read_table`` turns the file into rows of text under a normalised header, refusing a file
that is too big, of another kind, or not readable, with an Indonesian message
(:class:`UnreadableFile`). The employee import and the unor import of org both read their
files through it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.utils.translation import gettext as _

from core.spreadsheets import unescape_text

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
    columns = [normalise_header(c) for c in cells]
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


def normalise_header(name: str) -> str:
    """``" NIP Baru"`` → ``"nip_baru"``: exports differ in case and spacing, never in words."""
    return re.sub(r"[\s\-]+", "_", name.strip().lstrip("\ufeff").strip().lower())
