"""The demo's tables of names and places (``demo/content/*.csv``): birthplaces, universities,
unit names, job titles, training subjects. The generator draws from them in file order with a
seeded random generator, so a name listed twice is drawn twice as often and reordering a file
changes the demo province (not its shape).
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

CONTENT = Path(__file__).resolve().parent / "content"


class DemoTableError(ValueError):
    """A demo table does not fit; the message names the file and the line."""


@cache
def table(name: str, columns: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The rows of ``demo/content/<name>.csv`` with exactly ``columns``, none empty."""
    path = CONTENT / f"{name}.csv"
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.reader(stream)
        header = tuple(next(reader, ()))
        if header != columns:
            raise DemoTableError(
                f"{path.name}: the columns must be {', '.join(columns)}, not {', '.join(header)}"
            )
        rows = []
        for row in reader:
            if len(row) != len(columns) or not all(cell.strip() for cell in row):
                raise DemoTableError(
                    f"{path.name}, line {reader.line_num}: expected {len(columns)} filled cells"
                )
            rows.append(tuple(cell.strip() for cell in row))
    if not rows:
        raise DemoTableError(f"{path.name}: no rows")
    return tuple(rows)


def names(name: str) -> tuple[str, ...]:
    """A one-column table."""
    return tuple(row[0] for row in table(name, ("nama",)))


def grouped(name: str, key: str) -> dict[str, tuple[str, ...]]:
    """A two-column table as {key: names in file order}."""
    groups: dict[str, list[str]] = {}
    for group, value in table(name, (key, "nama")):
        groups.setdefault(group, []).append(value)
    return {group: tuple(values) for group, values in groups.items()}
