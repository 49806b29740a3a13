"""The national system's IP-ASN values as CSV: nip, kualifikasi, kompetensi, kinerja,
disiplin, total (the fields SIASN's ``nilaiipasn`` returns), one employee a line."""

from __future__ import annotations

import csv
import io

from django.utils.translation import gettext as _

COLUMNS = ("nip", "kualifikasi", "kompetensi", "kinerja", "disiplin", "total")
_LIMITS = {"kualifikasi": 25, "kompetensi": 40, "kinerja": 30, "disiplin": 5, "total": 100}
MAX_BYTES = 5 * 1024 * 1024


class NationalFileError(ValueError):
    pass


def _number(text: str, column: str, line: int) -> float:
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        raise NationalFileError(
            _("Baris %(line)s: %(column)s harus angka, bukan %(value)r.")
            % {"line": line, "column": column, "value": text[:20]}
        ) from None
    if not 0 <= value <= _LIMITS[column]:
        raise NationalFileError(
            _("Baris %(line)s: %(column)s harus antara 0 dan %(max)s.")
            % {"line": line, "column": column, "max": _LIMITS[column]}
        )
    return value


def read_national_csv(data: bytes) -> list[dict]:
    """The rows of the file; NationalFileError (Indonesian) on the first bad line."""
    if len(data) > MAX_BYTES:
        raise NationalFileError(_("Berkas terlalu besar (paling besar 5 MB)."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise NationalFileError(_("Berkas harus CSV dengan pengkodean UTF-8.")) from None
    sample = text[:2048]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise NationalFileError(_("Kolom wajib tidak ada: %(columns)s.") % {"columns": ", ".join(missing)})
    reader.fieldnames = header
    rows = []
    for line, raw in enumerate(reader, start=2):
        nip = (raw.get("nip") or "").strip().replace(" ", "").lstrip("'")
        if not (len(nip) == 18 and nip.isdigit()):
            raise NationalFileError(_("Baris %(line)s: NIP harus 18 angka.") % {"line": line})
        rows.append({"nip": nip, **{c: _number(raw.get(c) or "", c, line) for c in COLUMNS[1:]}})
    if not rows:
        raise NationalFileError(_("Berkas tidak berisi baris nilai."))
    return rows
