"""The monthly complaint register as XLSX."""

from __future__ import annotations

from django.utils.translation import gettext as _

from core.spreadsheets import xlsx_bytes
from feedback.complaints.queries import RegisterReport


def register_xlsx(report: RegisterReport) -> bytes:
    header = [
        _("Kelompok"),
        _("Uraian"),
        _("Diterima"),
        _("Ditutup"),
        _("Tepat waktu"),
        _("Tepat waktu (%)"),
        _("Masih terbuka"),
    ]
    rows = []
    for group, items in (
        (_("Saluran"), report.by_channel),
        (_("Layanan"), report.by_service),
        (_("Unit"), report.by_unit),
        (_("Total"), [report.total]),
    ):
        for r in items:
            percent = "" if r.on_time_percent is None else r.on_time_percent
            rows.append([group, r.label, r.received, r.closed, r.on_time, percent, r.open])
    for _code, label, count in report.states:
        rows.append([_("Status"), label, count, "", "", "", ""])
    return xlsx_bytes(_("Register pengaduan"), header, rows)
