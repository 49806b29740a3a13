"""The data to reconcile before a KPO or PPO proposal, checked against the master data.

Seed 002 (BKN, KPO/PPO less paper): reconciliation runs from 6 to 3 months before each KP
and pension period. For KPO: unor, jabatan, hukdis, SKP, atasan langsung, pendidikan,
golongan, KPPN; for PPO: suami/istri, PMK, golongan, anak, alamat pensiun, foto. Each item is
``ok``, ``kurang`` (missing or inconsistent in Pelita's data: a task for the Operator OPD,
closed through a correction) or ``tidak_tercatat`` (Pelita does not hold it at all, such as
the KPPN: said so, never invented).

The direct superior is not a field of the master data; it follows from the structure: the
nearest structural official above the employee in their unit kerja, then up the unit tree
(:func:`superior_of`). When nobody is found the item is a task (the unit's head is missing
or recorded in the wrong unit). Open differences with SIASN (siasn.SiasnDifference) are an
item of their own, decided on the SIASN reconciliation screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from kpo.pension.rules import Item, ppo_items
from regulations.promotion import DEFAULT_KP_CONFIG
from regulations.ranks import add_months

OPENS_MONTHS_BEFORE = 6  # seed 002
CLOSES_MONTHS_BEFORE = 3  # seed 002


def window(period: date) -> tuple[date, date]:
    """(first day, last day) of the reconciliation for ``period``."""
    return add_months(period, -OPENS_MONTHS_BEFORE), add_months(period, -CLOSES_MONTHS_BEFORE)


def window_before(day: date) -> date:
    """The last day of the reconciliation for a pension window starting ``day``."""
    return add_months(day, -CLOSES_MONTHS_BEFORE)


def _item(code: str, label: str, problem: str = "") -> Item:
    return Item(code, label, "kurang" if problem else "ok", problem)


def kp_items(
    record, period: date, *, atasan: Item | None = None, siasn: Item | None = None
) -> tuple[Item, ...]:
    """The KPO items of ``record`` for ``period``; ``atasan`` from :func:`atasan_item`, ``siasn``
    from :func:`siasn_item` (each read by the worklist's queries)."""
    atasan = atasan or Item(
        "atasan", _("Atasan langsung"), "tidak_tercatat", _("Atasan langsung belum diperiksa.")
    )
    jabatan_problem = ""
    if not record.jabatan or not record.jenis_jabatan:
        jabatan_problem = _("Nama atau jenis jabatan belum diisi.")
    elif record.jenis_jabatan == "fungsional" and not record.jenjang:
        jabatan_problem = _("Jenjang jabatan fungsional belum diisi.")
    elif record.jenis_jabatan == "struktural" and not record.eselon:
        jabatan_problem = _("Eselon jabatan struktural belum diisi.")
    open_penalties = [
        h for h in record.riwayat_hukdis if h.tingkat in {"sedang", "berat"} and h.tmt_selesai is None
    ]
    years = range(period.year - DEFAULT_KP_CONFIG.appraisal_years, period.year)
    recorded = {s.tahun for s in record.riwayat_skp if s.predikat or s.nilai is not None}
    missing_skp = [y for y in years if y not in recorded]
    history = record.riwayat_golongan
    golongan_problem = ""
    if record.golongan is None or record.tmt_golongan is None:
        golongan_problem = _("Golongan atau TMT golongan belum diisi.")
    elif history and history[-1].golongan_code != record.golongan.code:
        golongan_problem = _("Golongan %(g)s tidak sama dengan riwayat golongan terakhir (%(h)s).") % {
            "g": record.golongan.code,
            "h": history[-1].golongan_code,
        }
    return (
        _item("unor", _("Unor"), "" if record.opd_id and record.unit_id else _("Unit kerja belum diisi.")),
        _item("jabatan", _("Jabatan"), jabatan_problem),
        _item(
            "hukdis",
            _("Hukuman disiplin"),
            _("Hukuman disiplin sedang/berat tanpa TMT selesai.") if open_penalties else "",
        ),
        _item(
            "skp",
            _("SKP"),
            _("SKP tahun %(y)s belum ada.") % {"y": ", ".join(str(y) for y in missing_skp)}
            if missing_skp
            else "",
        ),
        atasan,
        _item(
            "pendidikan", _("Pendidikan"), "" if record.pendidikan else _("Pendidikan terakhir belum diisi.")
        ),
        _item("golongan", _("Golongan"), golongan_problem),
        Item("kppn", _("KPPN"), "tidak_tercatat", _("KPPN belum tercatat di Pelita.")),
        *((siasn,) if siasn else ()),
    )


def open_items(items) -> list[Item]:
    """The items that are tasks for the Operator OPD (what Pelita holds but is missing)."""
    return [i for i in items if i.state == "kurang"]


def pension_items(record, *, siasn: Item | None = None) -> tuple[Item, ...]:
    return (*ppo_items(record), *((siasn,) if siasn else ()))


# --- atasan langsung from the unit tree ------------------------------------------------------

ESELON_ORDER = ("I.a", "I.b", "II.a", "II.b", "III.a", "III.b", "IV.a", "IV.b")  # highest first


@dataclass(frozen=True)
class Official:
    pk: int
    nama: str
    eselon: str
    opd_id: int
    unit_id: int | None
    golongan: str


def _rank(eselon: str) -> int:
    return ESELON_ORDER.index(eselon) if eselon in ESELON_ORDER else len(ESELON_ORDER)


def superior_of(record, officials_by_unit: dict, heads_by_opd: dict, parents: dict) -> Official | None:
    """The direct superior of ``record``: in the employee's unit the lowest-ranking structural
    official above them (any official, for a non-structural employee), else the same one unit
    up, and so on to the OPD's top official (eselon II, or whoever has no unit). None when the
    structure holds nobody above them."""
    own = (
        _rank(record.eselon) if record.jenis_jabatan == "struktural" and record.eselon else len(ESELON_ORDER)
    )
    unit, seen = record.unit_id, set()
    while unit is not None and unit not in seen:
        seen.add(unit)
        above = [o for o in officials_by_unit.get(unit, ()) if o.pk != record.pk and _rank(o.eselon) < own]
        if above:
            return max(above, key=lambda o: (_rank(o.eselon), -o.pk))
        unit = parents.get(unit)
    top = [o for o in heads_by_opd.get(record.opd_id, ()) if o.pk != record.pk and _rank(o.eselon) < own]
    return min(top, key=lambda o: (_rank(o.eselon), o.pk)) if top else None


def atasan_item(record, superior: Official | None) -> Item:
    if superior is None:
        if record.jenis_jabatan == "struktural" and record.eselon and _rank(record.eselon) <= _rank("II.b"):
            # The head of an OPD answers to the Sekda or the Gubernur, outside the OPD's tree.
            return Item("atasan", _("Atasan langsung"), "ok", _("Pimpinan OPD."))
        return Item(
            "atasan",
            _("Atasan langsung"),
            "kurang",
            _(
                "Atasan langsung tidak dapat ditentukan: belum ada pejabat struktural yang tercatat di "
                "unit kerja pegawai ini atau di atasnya."
            ),
        )
    return Item(
        "atasan",
        _("Atasan langsung"),
        "ok",
        _("%(nama)s (eselon %(eselon)s, %(golongan)s)")
        % {"nama": superior.nama, "eselon": superior.eselon, "golongan": superior.golongan or "-"},
    )


def siasn_item(labels: list[str]) -> Item | None:
    """The open differences with SIASN of one employee, as one item (None when there are none)."""
    if not labels:
        return None
    return Item(
        "siasn",
        _("Selisih dengan SIASN"),
        "kurang",
        _("Data berbeda dengan SIASN: %(fields)s. Putuskan di layar rekonsiliasi SIASN.")
        % {"fields": ", ".join(labels)},
    )
