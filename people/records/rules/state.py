"""The current-state summary of a Pegawai, derived from their history rows.

Pure: it takes history rows (model instances or anything with the same attributes) and
returns the summary fields as the latest rows say they should be. The actions call it with
the rows they read one employee at a time; the bulk import calls it with rows it holds in
memory, so both follow one rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# What "latest" means per history kind: the newest TMT, or the latest graduation year.
GOLONGAN_KEY = "tmt"
JABATAN_KEY = "tmt"
PENDIDIKAN_KEY = "tahun_lulus"

# The Pegawai fields this module owns; everything else on the row is entered directly.
CURRENT_STATE_FIELDS = (
    "golongan",
    "tmt_golongan",
    "jenis_jabatan",
    "jabatan",
    "jabatan_fungsional",
    "jenjang",
    "eselon",
    "tmt_jabatan",
    "pendidikan",
)


def _latest(rows: Iterable[Any], key: str) -> Any | None:
    # max() keeps the first of equal keys: callers list rows in a stable order.
    return max(rows, key=lambda row: getattr(row, key), default=None)


def current_state(
    golongan_rows: Iterable[Any], jabatan_rows: Iterable[Any], pendidikan_rows: Iterable[Any]
) -> dict[str, Any]:
    """The summary fields for these history rows; a kind without rows contributes nothing."""
    state: dict[str, Any] = {}
    rank = _latest(golongan_rows, GOLONGAN_KEY)
    if rank is not None:
        state |= {"golongan": rank.golongan, "tmt_golongan": rank.tmt}
    position = _latest(jabatan_rows, JABATAN_KEY)
    if position is not None:
        state |= {
            "jenis_jabatan": position.jenis,
            "jabatan": position.nama,
            "jabatan_fungsional": position.jabatan_fungsional,
            "jenjang": position.jenjang,
            "eselon": position.eselon,
            "tmt_jabatan": position.tmt,
        }
    education = _latest(pendidikan_rows, PENDIDIKAN_KEY)
    if education is not None:
        state["pendidikan"] = education.tingkat
    return state
