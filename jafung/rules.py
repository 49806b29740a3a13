"""The coaching-need flags of one functional official and the score of an OPD: pure, no Django.

Flags (thresholds and weights are our monitoring policy, not regulation, and are kept here
as data):
- ``lama_dalam_pangkat``: more than 4 years in the current rank. Four years is the minimum
  time in rank of a regular promotion (KP reguler, PP 99/2000 jo PP 12/2002; domain.md §3.1
  [KPCODE]); a functional official may rise after 2 (PP 99/2000 Pasal 13), so one still in
  rank after 4 is stuck.
- ``ak_tertinggal``: cumulative credit points in the jenjang below the pace of predikat Baik
  every year (years × koefisien, PermenPAN-RB 1/2023 [AK-BKN], regulations.credit_points),
  capped at the AKK for the next pangkat (UNCONFIRMED figures, regulations.credit_points.AKK_MINIMUM).
- ``tidak_sesuai_peta``: the official answered in SI JAFUNG that their placement does not
  match the job map (peta jabatan).
- ``tugas_tambahan``: the official reported duties outside their position.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from regulations.credit_points import Jenjang, ak_pace, akk_kenaikan_pangkat

YEARS_IN_RANK_LIMIT = 4
FLAGS = ("lama_dalam_pangkat", "ak_tertinggal", "tidak_sesuai_peta", "tugas_tambahan")
# How much each flag's share of an OPD's officials weighs in its coaching-need score (0–100).
WEIGHTS: Mapping[str, Fraction] = {
    "lama_dalam_pangkat": Fraction(30, 100),
    "ak_tertinggal": Fraction(30, 100),
    "tidak_sesuai_peta": Fraction(25, 100),
    "tugas_tambahan": Fraction(15, 100),
}

_YES = {"ya", "yes", "true", "1", "y"}
_NO = {"tidak", "no", "false", "0", "n"}


@dataclass(frozen=True, slots=True)
class Official:
    """What monitoring knows about one functional official (master data + survey answers)."""

    tmt_golongan: date | None
    jenjang: str
    ak_kumulatif: Decimal | None
    answers: Mapping[str, object]


def _yes_no(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower() if value is not None else ""
    return True if text in _YES else False if text in _NO else None


def years_between(start: date, today: date) -> Fraction:
    """Whole months elapsed as a fraction of years (a 4-year limit is exceeded the month after)."""
    months = (today.year - start.year) * 12 + today.month - start.month - (today.day < start.day)
    return Fraction(max(months, 0), 12)


def flags_of(official: Official, today: date) -> frozenset[str]:
    flags = set()
    years = years_between(official.tmt_golongan, today) if official.tmt_golongan else None
    if years is not None and years > YEARS_IN_RANK_LIMIT:
        flags.add("lama_dalam_pangkat")
    try:
        level = Jenjang(official.jenjang)
    except ValueError:
        level = None
    if level is not None and years is not None and official.ak_kumulatif is not None:
        pace = ak_pace(level, years)
        target = akk_kenaikan_pangkat(level)
        if target is not None:
            pace = min(pace, Fraction(target))
        if Fraction(official.ak_kumulatif) < pace:
            flags.add("ak_tertinggal")
    if _yes_no(official.answers.get("sesuai_peta_jabatan")) is False:
        flags.add("tidak_sesuai_peta")
    if _yes_no(official.answers.get("tugas_tambahan")) is True:
        flags.add("tugas_tambahan")
    return frozenset(flags)


def coaching_score(flag_sets: Iterable[frozenset[str]]) -> tuple[Decimal, dict[str, int], int]:
    """(score 0–100 with one decimal, count per flag, number of officials) of one OPD."""
    counts = dict.fromkeys(FLAGS, 0)
    total = 0
    for flags in flag_sets:
        total += 1
        for flag in flags:
            counts[flag] += 1
    if not total:
        return Decimal("0.0"), counts, 0
    exact = sum((WEIGHTS[f] * Fraction(counts[f], total) for f in FLAGS), Fraction(0)) * 100
    return (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(Decimal("0.1")), counts, total
