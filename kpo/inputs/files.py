"""Writing a list as CSV or XLSX to a stream or a file (the kpo_list, ppo_list and kgb_list
commands share it)."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from contextlib import ExitStack

from core.spreadsheets import csv_writer, write_xlsx


def write_table(
    fmt: str, output: str | None, title: str, header: Sequence, rows: Iterable[Sequence], stdout
) -> int:
    """``rows`` under ``header`` as ``fmt`` (csv or xlsx) into ``output``, or ``stdout`` without
    one; returns the number of rows written."""
    with ExitStack() as stack:
        if fmt == "xlsx":
            target = stack.enter_context(open(output, "wb")) if output else sys.stdout.buffer
            return write_xlsx(target, title, header, rows)
        stream = stack.enter_context(open(output, "w", newline="", encoding="utf-8")) if output else stdout
        writer = csv_writer(stream)
        writer.writerow(header)
        count = 0
        for row in rows:
            writer.writerow(row)
            count += 1
        return count
