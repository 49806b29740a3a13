"""The KGB list as CSV/XLSX rows."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from kpo.kgb.rules import KgbRow

COLUMNS = (
    "nip",
    "nama",
    "opd",
    "golongan",
    "mkg_baru",
    "gaji_lama",
    "gaji_baru",
    "tmt_kgb",
    "eligible",
    "reasons",
)


def rows(items: Iterable[KgbRow]) -> Iterator[list]:
    for row in items:
        r, k = row.record, row.result
        yield [
            r.nip,
            r.nama,
            r.opd_name,
            k.golongan.code,
            k.mkg_baru,
            k.gaji_lama,
            k.gaji_baru,
            k.tmt.isoformat(),
            "ya" if k.eligible else "tidak",
            "; ".join(x.message for x in k.verdict.reasons),
        ]
