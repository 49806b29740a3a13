"""The KP nominative list as CSV or XLSX rows (views and the kpo_list command share them)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from kpo.models import JenisKp, KpCandidate

COLUMNS = ("nip", "nama", "opd", "golongan", "golongan_baru", "jenis_kp", "tmt_kp", "eligible", "reasons")


def rows(candidates: Iterable[KpCandidate]) -> Iterator[list]:
    for c in candidates:
        yield [
            c.nip,
            c.nama,
            c.opd.name if c.opd_id else "",
            c.golongan,
            c.golongan_baru,
            str(JenisKp(c.jenis).label),
            c.period.isoformat(),
            "ya" if c.eligible else "tidak",
            "; ".join(r["message"] for r in c.reasons),
        ]
