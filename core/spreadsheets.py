"""Every spreadsheet the project writes, XLSX and CSV, and their download responses.

Every export (employee list, Data ASN file, data-quality findings, SLA report, campaign
submissions, participation and the missing list, campaign_report, the import rejection
list) goes through here, so they all stream rows the same way, download the same way and
are all safe to open: a text cell is never written as a live formula (see docs/exports.md).

Hazard: a value people can type (a name approved through a correction, an answer to a
campaign question, a cell of an uploaded file echoed back in the rejection list) may be
``=HYPERLINK("http://x.example","x")``. In XLSX, openpyxl turns any text that starts with
``=`` into a formula; :func:`safe_cell` writes such text as a string cell instead. In
CSV there is no cell type, so :func:`safe_text` puts a single quote in front of text
that a spreadsheet would evaluate (OWASP's CSV-injection advice) and :func:`unescape_text`
takes it off again when Pelita reads its own file back.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from io import BytesIO
from typing import IO, Any

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"

# The first characters that make Excel, LibreOffice or Google Sheets evaluate a CSV cell.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"
_MAYBE_ESCAPED = (*FORMULA_TRIGGERS, ESCAPE)
# Text that is only a number ("-5", "+6281234", "-1.5") cannot run anything: left as it is,
# so negative amounts and international phone numbers survive a CSV round trip unchanged.
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
_ERROR_CODES = frozenset(ERROR_CODES)
PROGRESS_EVERY = 500  # rows between two progress reports of write_xlsx

Progress = Callable[[int], None]


# --- CSV ---------------------------------------------------------------------------------


def _needs_escape(text: str) -> bool:
    # Leading quotes are looked through, so that text which itself begins with the escape
    # character is escaped again and unescape_text is the exact inverse of safe_text.
    rest = text.lstrip(ESCAPE)
    return bool(rest) and rest[0] in FORMULA_TRIGGERS and not _PLAIN_NUMBER.fullmatch(rest)


def safe_text(text: str) -> str:
    """``text`` as a CSV cell that no spreadsheet evaluates: quoted when it starts like a formula."""
    return ESCAPE + text if text and text[0] in _MAYBE_ESCAPED and _needs_escape(text) else text


def unescape_text(text: str) -> str:
    """The value :func:`safe_text` was given (for reading Pelita's own CSV files back)."""
    if text[:1] == ESCAPE and _needs_escape(text[1:]):
        return text[1:]
    return text


def safe_row(values: Iterable[Any]) -> list[Any]:
    """A CSV row with every text cell made safe; numbers and other values are left as they are."""
    return [safe_text(v) if isinstance(v, str) else ("" if v is None else v) for v in values]


class SafeCsvWriter:
    """``csv.writer`` whose rows go through :func:`safe_row`: the only CSV writer of the project."""

    def __init__(self, stream: IO[str], **options):
        self._writer = csv.writer(stream, **options)

    def writerow(self, row: Iterable[Any]):
        return self._writer.writerow(safe_row(row))

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_writer(stream: IO[str], **options) -> SafeCsvWriter:
    """A CSV writer on ``stream`` (options as for ``csv.writer``) that never writes a live formula."""
    return SafeCsvWriter(stream, **options)


def csv_response(filename: str) -> HttpResponse:
    """An empty CSV download named ``filename`` to write rows into, starting with the BOM that
    makes Excel read the text as UTF-8."""
    response = HttpResponse(content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    return response


# --- XLSX --------------------------------------------------------------------------------


def safe_cell(sheet, value: Any, *, date_format: str | None = None) -> Any:
    """``value`` ready for ``sheet.append`` of a write-only sheet, never as a formula.

    Text starting with ``=`` (which openpyxl would store as a formula) and text equal to an
    Excel error code (``#N/A``…, stored as an error) become string cells; control
    characters XML cannot hold are dropped instead of failing the whole file. Numbers stay
    numbers (a negative amount is not text); dates get ``date_format`` when given.
    """
    if isinstance(value, str):
        if ILLEGAL_CHARACTERS_RE.search(value):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if value[:1] == "=" or value in _ERROR_CODES:
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"  # text, never a formula: names and answers are data
            return cell
        return value
    if isinstance(value, list | tuple):
        return safe_cell(sheet, "; ".join(str(v) for v in value), date_format=date_format)
    if date_format and isinstance(value, dt.date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = date_format
        return cell
    return value


def write_xlsx(
    file: IO[bytes],
    title: str,
    header: Sequence,
    rows: Iterable[Sequence],
    *,
    date_format: str | None = None,
    progress: Progress | None = None,
) -> int:
    """A workbook of one sheet, ``header`` then ``rows``, saved to ``file``; returns the row count.

    Write-only mode streams the rows instead of building every cell object, so 10k rows
    stay cheap. ``progress(rows written)`` is called every PROGRESS_EVERY rows (background
    exports show it on their job page).
    """
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(str(title)[:31])  # Excel's limit on sheet names
    sheet.append([safe_cell(sheet, str(cell)) for cell in header])
    count = 0
    for row in rows:
        sheet.append([safe_cell(sheet, value, date_format=date_format) for value in row])
        count += 1
        if progress is not None and count % PROGRESS_EVERY == 0:
            progress(count)
    workbook.save(file)
    return count


def xlsx_bytes(title: str, header: Sequence, rows: Iterable[Sequence], **options) -> bytes:
    """:func:`write_xlsx` into memory (options as there)."""
    buffer = BytesIO()
    write_xlsx(buffer, title, header, rows, **options)
    return buffer.getvalue()


def xlsx_response(data: bytes, filename: str) -> HttpResponse:
    """``data`` as a download named ``filename``."""
    response = HttpResponse(data, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
