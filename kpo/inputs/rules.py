"""Plain stand-ins for a Pegawai row and its histories, read by the shared rule glue.

``layanan.requests.rules.rule_input`` and ``people`` read the jabatan and histories of a
Pegawai through attributes and related managers (``pegawai.riwayat_skp.all()``). The lists
here load thousands of employees as tuples instead of model instances (see
kpo.inputs.queries), and these objects answer the same attributes, so the one mapping
from master data to rule inputs stays the only one.
"""

from __future__ import annotations

from collections import namedtuple
from types import SimpleNamespace


class Ref(SimpleNamespace):
    """One related row (a history row, the golongan, the JF) with the fields read from it."""


# The history rows, with the field names of their models.
Skp = namedtuple("Skp", "tahun predikat nilai")
Hukdis = namedtuple("Hukdis", "tingkat jenis tmt tmt_selesai")
Diklat = namedtuple("Diklat", "jenis nama")
Ujian = namedtuple("Ujian", "jenis")
AngkaKredit = namedtuple("AngkaKredit", "tahun kumulatif")
GolonganRow = namedtuple("GolonganRow", "tmt mk_tahun mk_bulan golongan_code")
Family = namedtuple("Family", "hubungan masih_hidup")


class Many(list):
    """A list that answers ``.all()`` like a prefetched related manager."""

    def all(self):
        return self


class Record:
    """An employee with the fields and histories of kpo.inputs.queries.load_records."""

    __slots__ = (
        "alamat",
        "eselon",
        "golongan",
        "golongan_id",
        "jabatan",
        "jabatan_fungsional",
        "jenis_jabatan",
        "jenis_pegawai",
        "jenjang",
        "keluarga",
        "nama",
        "nip",
        "opd_id",
        "opd_name",
        "pendidikan",
        "pk",
        "riwayat_angka_kredit",
        "riwayat_diklat",
        "riwayat_golongan",
        "riwayat_hukdis",
        "riwayat_skp",
        "sertifikat_ujian",
        "status",
        "status_kawin",
        "tanggal_lahir",
        "tmt_cpns",
        "tmt_golongan",
        "tmt_jabatan",
        "tmt_pns",
        "unit_id",
    )

    def __init__(self, **values) -> None:
        for name, value in values.items():
            setattr(self, name, value)

    def get_status_display(self) -> str:
        from people.models import Pegawai

        return str(Pegawai.Status(self.status).label)

    @property
    def nama_lengkap(self) -> str:
        return self.nama
