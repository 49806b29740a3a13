"""Who reaches the BUP in a window, and what their pension file is missing.

BUP and TMT pensiun: regulations.pension (PP 11/2017 Pasal 239–240). The data to reconcile
before a PPO proposal (seed 002, Tabel 4): suami/istri, PMK, golongan, anak, alamat pensiun
and foto. Pelita holds the family, the golongan and one address; it does not hold the PMK
(peninjauan masa kerja) or a pension photo, and those are said to be "belum tercatat di
Pelita" rather than guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from people.records.rules.profile import jabatan_kind
from regulations.pension import Pension, pension
from regulations.ranks import add_months

MAX_WINDOW_MONTHS = 60
EARLIEST, LATEST = date(1900, 1, 1), date(2200, 1, 1)


@dataclass(frozen=True)
class Item:
    code: str
    label: str
    state: str  # "ok", "kurang" (missing in Pelita's data), "tidak_tercatat" (Pelita does not hold it)
    message: str = ""


@dataclass(frozen=True)
class PpoRow:
    record: object
    pension: Pension | None  # None when the jabatan does not tell the BUP
    items: tuple[Item, ...]

    @property
    def missing(self) -> list[str]:
        return [i.message for i in self.items if i.state != "ok"]


def window_problem(start: date, end: date) -> str:
    """Why [start, end] is not a PPO window one may ask for ("" when it is)."""
    if not (EARLIEST <= start <= LATEST and EARLIEST <= end <= LATEST):
        return _("Tanggal harus antara tahun 1900 dan 2200.")
    if end < start:
        return _("Tanggal akhir sebelum tanggal awal.")
    if end > add_months(start, MAX_WINDOW_MONTHS):
        return _("Rentang paling panjang 60 bulan.")
    return ""


def pension_of(record) -> Pension | None:
    kind = jabatan_kind(record)
    return None if kind is None else pension(record.tanggal_lahir, kind)


def ppo_items(record) -> tuple[Item, ...]:
    spouses = [k for k in record.keluarga if k.hubungan in {"suami", "istri"} and k.masih_hidup]
    children = [k for k in record.keluarga if k.hubungan == "anak"]
    married = record.status_kawin == "kawin"
    items = [
        Item(
            "pasangan",
            _("Suami/istri"),
            "kurang" if married and not spouses else "ok",
            _("Status kawin, tetapi data suami/istri belum diisi.") if married and not spouses else "",
        ),
        Item(
            "anak",
            _("Anak"),
            "ok" if children or not married else "kurang",
            "" if children or not married else _("Data anak belum diisi (isi bila ada anak)."),
        ),
        Item(
            "golongan",
            _("Golongan"),
            "ok" if record.golongan else "kurang",
            "" if record.golongan else _("Golongan belum tercatat."),
        ),
        Item(
            "alamat_pensiun",
            _("Alamat pensiun"),
            "ok" if record.alamat else "kurang",
            "" if record.alamat else _("Alamat belum diisi."),
        ),
        Item("pmk", _("PMK"), "tidak_tercatat", _("PMK belum tercatat di Pelita.")),
        Item("foto", _("Foto"), "tidak_tercatat", _("Foto pensiun belum tercatat di Pelita.")),
    ]
    return tuple(items)


def in_window(records, start: date, end: date) -> list[PpoRow]:
    """Everyone whose BUP birthday falls in [start, end], ordered by that date."""
    rows = []
    for r in records:
        p = pension_of(r)
        if p is not None and start <= p.bup_date <= end:
            rows.append(PpoRow(r, p, ppo_items(r)))
    rows.sort(key=lambda row: (row.pension.bup_date, row.record.nama, row.record.pk))
    return rows
