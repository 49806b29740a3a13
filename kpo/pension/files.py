"""The PPO list as CSV/XLSX rows."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from kpo.pension.rules import PpoRow

COLUMNS = ("nip", "nama", "opd", "jabatan", "tanggal_lahir", "bup", "tmt_pensiun", "missing")


def rows(items: Iterable[PpoRow]) -> Iterator[list]:
    for row in items:
        r = row.record
        yield [
            r.nip,
            r.nama,
            r.opd_name,
            r.jabatan,
            r.tanggal_lahir.isoformat(),
            row.pension.bup,
            row.pension.tmt.isoformat(),
            "; ".join(row.missing),
        ]
