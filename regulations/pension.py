"""Batas usia pensiun (BUP) by position and the date the pension starts (TMT pensiun).

Legal basis (domain.md §4): PP 11/2017 Pasal 239 ayat (2) sets the BUP of pejabat
administrasi and JF ahli pertama/muda/keterampilan at 58, JPT and JF ahli madya at 60 and
JF ahli utama at 65 [PGMT; RADARKAUR]; Pasal 240 lets an Undang-Undang set the BUP of a JF,
hence guru 60 and dosen 65 [PGMT; LIP6]. The pension starts on the first day of the month
after the month in which the employee reaches the BUP ("lahir bulan Mei → pensiun TMT 1
Juni") [ANEKA]; the article stating that rule is UNCONFIRMED. The birth date is the one
recorded at first appointment (UU 11/1969 Pasal 10), so callers pass exactly that.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from types import MappingProxyType

from regulations.inputs import RuleArgumentParser, parse_iso_date
from regulations.ranks import Jabatan, add_months, anniversary, jabatan

# PP 11/2017 Pasal 239 ayat (2) huruf a–c and Pasal 240 (domain.md §4).
BUP: Mapping[Jabatan, int] = MappingProxyType(
    {
        Jabatan.PELAKSANA: 58,  # Pasal 239(2)a: pejabat administrasi
        Jabatan.PENGAWAS: 58,  # Pasal 239(2)a
        Jabatan.ADMINISTRATOR: 58,  # Pasal 239(2)a
        Jabatan.JF_KETERAMPILAN: 58,  # Pasal 239(2)a
        Jabatan.JF_AHLI_PERTAMA: 58,  # Pasal 239(2)a
        Jabatan.JF_AHLI_MUDA: 58,  # Pasal 239(2)a
        Jabatan.JPT_PRATAMA: 60,  # Pasal 239(2)b: pejabat pimpinan tinggi
        Jabatan.JPT_MADYA: 60,  # Pasal 239(2)b
        Jabatan.JPT_UTAMA: 60,  # Pasal 239(2)b
        Jabatan.JF_AHLI_MADYA: 60,  # Pasal 239(2)b
        Jabatan.JF_AHLI_UTAMA: 65,  # Pasal 239(2)c
        Jabatan.GURU: 60,  # Pasal 240 jo UU 14/2005 [LIP6]
        Jabatan.DOSEN: 65,  # Pasal 240 jo UU 14/2005 [LIP6]
    }
)


# A pension (BUP) request opens 24 months before the TMT pensiun. Perban BKN 3/2020 Pasal 8
# huruf i asks that the pertimbangan teknis be proposed at least 15 months before the TMT and
# lets the PPK propose with the data at hand when the file is still missing 3 months before
# (domain.md §4, a secondary source); opening at 24 months leaves the OPD 9 months to gather
# the file before that deadline, and the KPO/PPO reconciliation runs in the same window. Years
# earlier there is nothing to propose yet. Configurable (:class:`PensionConfig`).
REQUEST_MONTHS_BEFORE = 24
PERTEK_MONTHS_BEFORE = 15  # Perban BKN 3/2020 Pasal 8 huruf i (secondary source)


@dataclass(frozen=True)
class PensionConfig:
    """BUP per jabatan, overridable: SILKA keeps BUP on each jabatan record rather than in
    code, and whether UU 20/2023 changed any BUP is UNCONFIRMED (domain.md §4)."""

    bup: Mapping[Jabatan, int] = field(default_factory=lambda: BUP)
    # How many months before the TMT pensiun a pension request may be made (see
    # :func:`request_window`).
    request_months_before: int = REQUEST_MONTHS_BEFORE


DEFAULT_PENSION_CONFIG = PensionConfig()


@dataclass(frozen=True)
class Pension:
    """When an employee born on ``birth`` in ``jabatan`` retires."""

    jabatan: Jabatan
    birth: date
    bup: int  # age in years
    bup_date: date  # the birthday on which the employee reaches the BUP
    tmt: date  # first day of pension

    def as_dict(self) -> dict:
        return {
            "jabatan": self.jabatan.value,
            "birth": self.birth.isoformat(),
            "bup": self.bup,
            "bup_date": self.bup_date.isoformat(),
            "tmt": self.tmt.isoformat(),
        }


def first_of_next_month(day: date) -> date:
    return date(day.year + 1, 1, 1) if day.month == 12 else date(day.year, day.month + 1, 1)


def bup_for(position: Jabatan | str, config: PensionConfig = DEFAULT_PENSION_CONFIG) -> int:
    """The BUP (age in years) of a jabatan."""
    return config.bup[jabatan(position)]


def pension(birth: date, position: Jabatan | str, config: PensionConfig = DEFAULT_PENSION_CONFIG) -> Pension:
    """BUP, the BUP birthday and the TMT pensiun.

    The TMT is the first of the month after the BUP birthday's month, even for a birthday on
    the 1st: domain.md §4 states the rule by month ("lahir bulan Mei → pensiun TMT 1 Juni")
    [ANEKA], so someone born on 1 May also retires on 1 June, not 1 May.
    """
    position = jabatan(position)
    age = bup_for(position, config)
    bup_date = anniversary(birth, age)
    return Pension(position, birth, age, bup_date, first_of_next_month(bup_date))


def request_window(result: Pension, config: PensionConfig = DEFAULT_PENSION_CONFIG) -> tuple[date, date]:
    """(first day a pension request may be made, the last day before the TMT pensiun)."""
    return add_months(result.tmt, -config.request_months_before), result.tmt - timedelta(days=1)


def command_pensiun(argv: list[str]) -> dict:
    """``pensiun --birth 1966-09-19 --jabatan pelaksana`` → BUP, BUP birthday and TMT."""
    parser = RuleArgumentParser(prog="pensiun", add_help=False)
    parser.add_argument("--birth", required=True)
    parser.add_argument("--jabatan", required=True)
    args = parser.parse_args(argv)
    result = pension(parse_iso_date(args.birth, "--birth"), args.jabatan)
    opens, _last = request_window(result)
    return {**result.as_dict(), "request_opens": opens.isoformat()}
