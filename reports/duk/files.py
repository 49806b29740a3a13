"""The DUK as the workbook a BKD prints or sends: one row per employee in DUK order."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from core.spreadsheets import xlsx_bytes
from people.models import TingkatPendidikan
from reports.duk.queries import DukRow


def duk_xlsx(rows: Iterable[DukRow]) -> bytes:
    header = [
        _("No. urut"),
        _("NIP"),
        _("Nama"),
        _("Pangkat"),
        _("Golongan"),
        _("TMT golongan"),
        _("Jabatan"),
        _("Eselon"),
        _("TMT jabatan"),
        _("Masa kerja (tahun)"),
        _("Masa kerja (bulan)"),
        _("Latihan jabatan"),
        _("Tahun lulus latihan"),
        _("Pendidikan"),
        _("Tanggal lahir"),
        _("OPD"),
    ]
    return xlsx_bytes(
        _("DUK"),
        header,
        (
            [
                r.number,
                r.pegawai["nip"],
                r.pegawai["nama"],
                r.pegawai["golongan__pangkat"],
                r.pegawai["golongan__code"],
                r.pegawai["tmt_golongan"],
                r.pegawai["jabatan"],
                r.pegawai["eselon"],
                r.pegawai["tmt_jabatan"],
                r.masa_kerja[0],
                r.masa_kerja[1],
                r.latihan,
                r.latihan_year,
                TingkatPendidikan(r.pegawai["pendidikan"]).label if r.pegawai["pendidikan"] else "",
                r.pegawai["tanggal_lahir"],
                r.pegawai["opd__short_name"] or r.pegawai["opd__name"],
            ]
            for r in rows
        ),
        date_format="DD-MM-YYYY",
    )
