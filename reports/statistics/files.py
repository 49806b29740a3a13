"""The statistics as one workbook sheet: dimension, category, count (no formulas)."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from core.spreadsheets import xlsx_bytes
from reports.statistics.queries import Dimension


def statistics_xlsx(dimensions: Iterable[Dimension]) -> bytes:
    rows = [[str(d.title), label, count] for d in dimensions for label, count in d.rows]
    return xlsx_bytes(_("Statistik pegawai"), [_("Dimensi"), _("Kategori"), _("Jumlah pegawai")], rows)
