"""The employee list as a spreadsheet, for BKD and OPD staff who work in Excel.

The caller passes the already scoped and filtered queryset (``list_pegawai_for_user``),
so the file never holds a row the screen would not show.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from core.spreadsheets import xlsx_bytes
from people.models import Pegawai

CHUNK = 2000


def pegawai_xlsx(pegawai: QuerySet[Pegawai]) -> bytes:
    header = [
        _("NIP"),
        _("Nama lengkap"),
        _("OPD"),
        _("Unit kerja"),
        _("Golongan"),
        _("Jabatan"),
        _("Jenis jabatan"),
        _("Pendidikan"),
        _("Kedudukan"),
    ]
    rows = (
        [
            p.nip,  # text, not a number: 18 digits exceed Excel's 15-digit precision
            p.nama_lengkap,
            p.opd.name,
            p.unit.name if p.unit else "",
            p.golongan.code if p.golongan else "",
            p.jabatan,
            p.get_jenis_jabatan_display(),
            p.get_pendidikan_display(),
            p.get_status_display(),
        ]
        for p in pegawai.iterator(chunk_size=CHUNK)
    )
    return xlsx_bytes(_("Pegawai"), header, rows)
