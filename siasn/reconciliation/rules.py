"""What counts as a difference between SIASN and Pelita (pure: values in, differences out)."""

from __future__ import annotations

import datetime as dt
import json

from siasn.service.files import COMPARED

HISTORY_PREFIX = "riwayat_golongan:"


def as_text(value) -> str:
    """The canonical text a difference stores: ISO dates, codes, "" for empty."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def field_differences(pelita: dict, national: dict) -> list[tuple[str, str, str]]:
    """(field, Pelita's text, SIASN's text) for each compared field on which they disagree.

    A field SIASN leaves empty is not a difference: the national record is often thinner
    than the regional one (a phone number, an address), and "SIASN says nothing" must not
    invite anyone to blank Pelita's value.
    """
    found = []
    for field in COMPARED:
        ours, theirs = as_text(pelita.get(field)), as_text(national.get(field))
        if theirs and ours != theirs:
            found.append((field, ours, theirs))
    return found


def missing_golongan(pelita_codes: set[str], national_rows: list[dict]) -> list[tuple[str, str, str]]:
    """A golongan SIASN records and Pelita's history lacks, as (field, "", row as JSON)."""
    found = []
    for row in national_rows:
        if row["golongan"] not in pelita_codes:
            text = json.dumps(
                {k: as_text(v) if k != "mk_tahun" and k != "mk_bulan" else v for k, v in row.items()}
            )
            found.append((f"{HISTORY_PREFIX}{row['golongan']}", "", text))
    return found


def history_row(text: str) -> dict:
    """A stored golongan row back as values (dates as ``datetime.date``)."""
    row = json.loads(text)
    for key in ("tmt", "tanggal_sk"):
        row[key] = dt.date.fromisoformat(row[key]) if row.get(key) else None
    return row
