"""The data to reconcile before a KPO or PPO proposal, checked against the master data.

Seed 002 (BKN, KPO/PPO less paper): reconciliation runs from 6 to 3 months before each KP
and pension period. For KPO: unor, jabatan, hukdis, SKP, atasan langsung, pendidikan,
golongan, KPPN; for PPO: suami/istri, PMK, golongan, anak, alamat pensiun, foto. Each item is
``ok``, ``kurang`` (missing or inconsistent in Pelita's data: a task for the Operator OPD,
closed through a correction) or ``tidak_tercatat`` (Pelita does not hold it at all, such as
the KPPN or the direct superior: said so, never invented).
"""

from __future__ import annotations

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


def _item(code: str, label: str, problem: str = "") -> Item:
    return Item(code, label, "kurang" if problem else "ok", problem)


def kp_items(record, period: date) -> tuple[Item, ...]:
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
        Item(
            "atasan", _("Atasan langsung"), "tidak_tercatat", _("Atasan langsung belum tercatat di Pelita.")
        ),
        _item(
            "pendidikan", _("Pendidikan"), "" if record.pendidikan else _("Pendidikan terakhir belum diisi.")
        ),
        _item("golongan", _("Golongan"), golongan_problem),
        Item("kppn", _("KPPN"), "tidak_tercatat", _("KPPN belum tercatat di Pelita.")),
    )


def open_items(items) -> list[Item]:
    """The items that are tasks for the Operator OPD (what Pelita holds but is missing)."""
    return [i for i in items if i.state == "kurang"]


def pension_items(record) -> tuple[Item, ...]:
    return ppo_items(record)
