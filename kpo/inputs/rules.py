"""Plain stand-ins for a Pegawai row and its histories, read by the shared rule glue.

``layanan.requests.rules.rule_input`` and ``people`` read the jabatan and histories of a
Pegawai through attributes and related managers (``pegawai.riwayat_skp.all()``). The lists
here load thousands of employees as tuples instead of model instances (see
kpo.inputs.queries), and these objects answer the same attributes, so the one mapping
from master data to rule inputs stays the only one.
"""

from __future__ import annotations

from types import SimpleNamespace


class Ref(SimpleNamespace):
    """One related row (a history row, the golongan, the JF) with the fields read from it."""


class Many(list):
    """A list that answers ``.all()`` like a prefetched related manager."""

    def all(self):
        return self


class Record(SimpleNamespace):
    """An employee with the fields and histories of kpo.inputs.queries.load_records."""

    def get_status_display(self) -> str:
        from people.models import Pegawai

        return str(Pegawai.Status(self.status).label)

    @property
    def nama_lengkap(self) -> str:
        return self.nama
