"""Gaji pokok PNS and the kenaikan gaji berkala (KGB).

Legal basis:

* PP 7/1977 on the salary of PNS, as last amended. The gaji pokok table is the annex of the
  amending PP: PP 15/2019 (the eighteenth amendment, from 1 January 2019) and PP 5/2024 (the
  nineteenth, from 1 January 2024), each a grid of golongan × masa kerja golongan (MKG, whole
  years). The tables are data: ``regulations/content/gaji_pokok_pp5_2024.csv`` (the one in
  force, the default) and ``gaji_pokok_pp15_2019.csv``, read with the csv module; a caller
  passes another :class:`SalaryTable` for a newer PP. The PP 15/2019 file holds only the
  cells checked against two sources (I/a MKG 0 and the IV/e column); a lookup outside the
  cells a file holds is an error, never a guess.
* KGB, PP 7/1977 Pasal 18 (from the PP's text, not in domain.md; UNCONFIRMED wording): a
  PNS gets the next step of the table when the MKG reaches it (every 2 years; II/a's first
  step after 1 year) and the appraisal is at least "cukup"; otherwise the KGB is postponed.
  :class:`KgbConfig` holds the predicates that count as at least cukup under the later
  regimes (Butuh Perbaikan sits where Cukup sat, PermenPANRB 6/2022: our reading,
  UNCONFIRMED).
* A hukuman disiplin "penundaan kenaikan gaji berkala selama 1 tahun" (PP 53/2010 Pasal 7
  ayat (3) huruf a; domain.md §8.2) blocks the KGB while it is served. PP 94/2021 Pasal 8
  ayat (3) replaced it with cuts of the tunjangan kinerja, so only records decided under
  PP 53/2010 carry it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from types import MappingProxyType

from regulations.inputs import (
    json_list,
    json_number,
    json_object,
    parse_iso_date,
    parse_json_argument,
    reject_unknown_fields,
    required,
)
from regulations.ranks import Golongan, add_months, golongan
from regulations.reasons import Reason, RuleInputError, Verdict
from regulations.skp import Predikat, predikat_for
from regulations.ujian_dinas import Appraisal, appraisals_from_json

CONTENT = Path(__file__).resolve().parent / "content"
PP_5_2024 = CONTENT / "gaji_pokok_pp5_2024.csv"  # Lampiran PP 5/2024, from 1 January 2024
PP_15_2019 = CONTENT / "gaji_pokok_pp15_2019.csv"  # Lampiran PP 15/2019 (partial, see above)

PENUNDAAN_KGB = "penundaan_kgb_1_tahun"  # PP 53/2010 Pasal 7 ayat (3) huruf a


@dataclass(frozen=True)
class SalaryTable:
    """One gaji pokok annex: ``cells[(golongan code, mkg)] = rupiah``."""

    name: str
    cells: Mapping[tuple[str, int], int]

    def steps(self, g: Golongan) -> tuple[int, ...]:
        """The MKG years with a cell for ``g``, ascending."""
        return tuple(sorted(mkg for code, mkg in self.cells if code == g.code))

    def gaji(self, g: Golongan, mkg: int) -> int:
        """The gaji pokok of ``g`` at ``mkg`` whole years: the cell of the highest step not above it."""
        steps = [s for s in self.steps(g) if s <= mkg]
        if not steps:
            raise RuleInputError(f"Gaji pokok {g} MKG {mkg} tahun tidak tercatat di tabel {self.name}.")
        return self.cells[(g.code, steps[-1])]


def load_table(path: Path | str, name: str | None = None) -> SalaryTable:
    """A table from a CSV with the columns ``golongan, mkg, gaji`` (rupiah, digits only)."""
    path = Path(path)
    cells: dict[tuple[str, int], int] = {}
    with path.open(newline="", encoding="utf-8") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            try:
                g = golongan(row["golongan"])
                mkg, gaji = int(row["mkg"]), int(row["gaji"])
            except (KeyError, TypeError, ValueError) as exc:
                raise RuleInputError(f"{path.name} baris {line}: harus golongan, mkg, gaji.") from exc
            if mkg < 0 or gaji <= 0:
                raise RuleInputError(f"{path.name} baris {line}: mkg dan gaji harus positif.")
            cells[(g.code, mkg)] = gaji
    return SalaryTable(name or path.stem, MappingProxyType(cells))


@cache
def default_table() -> SalaryTable:
    return load_table(PP_5_2024, "PP 5/2024")


# --- KGB -------------------------------------------------------------------------------------

# At least "cukup" (PP 7/1977 Pasal 18): under PP 46/2011 Sangat Baik, Baik, Cukup; under the
# later regimes the predicate in Cukup's place is Butuh Perbaikan (our reading, UNCONFIRMED).
AT_LEAST_CUKUP = frozenset({Predikat.SANGAT_BAIK, Predikat.BAIK, Predikat.CUKUP, Predikat.BUTUH_PERBAIKAN})


@dataclass(frozen=True)
class KgbConfig:
    accepted: frozenset[Predikat] = AT_LEAST_CUKUP
    appraisal_required: bool = True  # the last year's appraisal must exist and be accepted


DEFAULT_KGB_CONFIG = KgbConfig()


@dataclass(frozen=True)
class Hold:
    """A hukuman disiplin that postpones the KGB while served, ``end`` inclusive."""

    start: date
    end: date | None = None
    kind: str = PENUNDAAN_KGB

    def served_on(self, day: date) -> bool:
        return self.kind == PENUNDAAN_KGB and self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class KgbInput:
    """``mkg_tahun``/``mkg_bulan``: the masa kerja golongan on ``mkg_since`` (the TMT of the
    decree that set it: the last KP or KGB); it grows by the months since."""

    golongan: Golongan
    mkg_since: date
    mkg_tahun: int = 0
    mkg_bulan: int = 0
    appraisals: tuple[Appraisal, ...] = ()
    holds: tuple[Hold, ...] = ()

    def mkg_months_on(self, day: date) -> int:
        elapsed = (day.year - self.mkg_since.year) * 12 + day.month - self.mkg_since.month
        return self.mkg_tahun * 12 + self.mkg_bulan + max(elapsed, 0)


@dataclass(frozen=True)
class KgbResult:
    golongan: Golongan
    tmt: date | None  # None: the MKG is at the top of the table
    mkg_baru: int | None
    gaji_lama: int | None
    gaji_baru: int | None
    verdict: Verdict

    @property
    def eligible(self) -> bool:
        return self.verdict.ok

    def as_dict(self) -> dict:
        return {
            "golongan": self.golongan.code,
            "tmt": self.tmt and self.tmt.isoformat(),
            "mkg_baru": self.mkg_baru,
            "gaji_lama": self.gaji_lama,
            "gaji_baru": self.gaji_baru,
            "eligible": self.eligible,
            "reasons": [r.as_dict() for r in self.verdict.reasons],
        }


def _first_of_month(day: date) -> date:
    return day if day.day == 1 else add_months(day.replace(day=1), 1)


def next_kgb(
    p: KgbInput,
    after: date,
    table: SalaryTable | None = None,
    config: KgbConfig = DEFAULT_KGB_CONFIG,
) -> KgbResult:
    """The first KGB with a TMT on or after ``after`` (a KGB takes effect on the 1st): the day
    the MKG reaches the next step of the table, the new gaji pokok, and every condition not
    met on that day."""
    table = table or default_table()
    start = _first_of_month(after)
    months = p.mkg_months_on(start)
    steps = table.steps(p.golongan)
    ahead = [s for s in steps if s > 0 and s * 12 >= months]
    if not ahead:
        reason = Reason("mkg_puncak", f"Masa kerja golongan {p.golongan} sudah di puncak tabel gaji.")
        return KgbResult(p.golongan, None, None, None, None, Verdict.from_failures([reason]))
    step = ahead[0]
    tmt = add_months(start, step * 12 - months)
    below = [s for s in steps if s < step]
    lama = table.cells[(p.golongan.code, below[-1])] if below else None
    failures: list[Reason] = []
    if any(h.served_on(tmt) for h in p.holds):
        failures.append(
            Reason(
                "penundaan_kgb",
                "Sedang menjalani hukuman disiplin penundaan kenaikan gaji berkala "
                "(PP 53/2010 Pasal 7 ayat (3) huruf a).",
            )
        )
    if config.appraisal_required:
        failures += _appraisal_failures(p.appraisals, tmt.year - 1, config)
    return KgbResult(
        p.golongan, tmt, step, lama, table.cells[(p.golongan.code, step)], Verdict.from_failures(failures)
    )


def _appraisal_failures(appraisals: Iterable[Appraisal], year: int, config: KgbConfig) -> list[Reason]:
    a = next((a for a in appraisals if a.year == year), None)
    if a is None:
        return [Reason("skp_tidak_ada", f"Penilaian kinerja (SKP) tahun {year} belum ada.")]
    p = predikat_for(a.year, score=a.score, predikat=a.predikat, innovation=a.innovation)
    if p in config.accepted:
        return []
    return [
        Reason(
            "skp_kurang_dari_cukup",
            f"Predikat SKP tahun {year} {p.label}; kenaikan gaji berkala memerlukan sekurang-kurangnya "
            "Cukup (PP 7/1977 Pasal 18).",
        )
    ]


def kgb_in_month(
    p: KgbInput,
    year: int,
    month: int,
    table: SalaryTable | None = None,
    config: KgbConfig = DEFAULT_KGB_CONFIG,
) -> KgbResult | None:
    """The KGB whose TMT falls in the month, or None."""
    result = next_kgb(p, date(year, month, 1), table, config)
    return result if result.tmt == date(year, month, 1) else None


# --- commands --------------------------------------------------------------------------------

KGB_FIELDS = ("golongan", "mkg_since", "mkg_tahun", "mkg_bulan", "after", "appraisals", "holds", "table")
_TABLES = {"pp5_2024": (PP_5_2024, "PP 5/2024"), "pp15_2019": (PP_15_2019, "PP 15/2019")}


def _table(data: dict) -> SalaryTable:
    name = data.get("table", "pp5_2024")
    if name not in _TABLES:
        raise RuleInputError(f"Tabel gaji tidak dikenal: {name!r}. Pilihan: {', '.join(_TABLES)}.")
    return load_table(*_TABLES[name])


def _holds(values: Iterable) -> tuple[Hold, ...]:
    holds = []
    for h in values:
        h = json_object(h, "holds[]")
        reject_unknown_fields(h, ("start", "end", "kind"))
        end = h.get("end")
        holds.append(
            Hold(
                parse_iso_date(required(h, "start"), "holds.start"),
                None if end is None else parse_iso_date(end, "holds.end"),
                str(h.get("kind", PENUNDAAN_KGB)),
            )
        )
    return tuple(holds)


def command_kgb(argv: list[str]) -> dict:
    """``kgb JSON``: golongan, mkg_since, mkg_tahun, mkg_bulan, after; optional appraisals
    ([{"year": 2025, "predikat": "baik"}]), holds ([{"start": ..., "end": ...}]) and table
    (pp5_2024, pp15_2019)."""
    data = parse_json_argument(argv)
    reject_unknown_fields(data, KGB_FIELDS)
    p = KgbInput(
        golongan=golongan(required(data, "golongan")),
        mkg_since=parse_iso_date(required(data, "mkg_since"), "mkg_since"),
        mkg_tahun=int(json_number(data.get("mkg_tahun", 0), "mkg_tahun", minimum=0, integer=True)),
        mkg_bulan=int(
            json_number(data.get("mkg_bulan", 0), "mkg_bulan", minimum=0, maximum=11, integer=True)
        ),
        appraisals=appraisals_from_json(data),
        holds=_holds(json_list(data.get("holds", []), "holds")),
    )
    after = parse_iso_date(required(data, "after"), "after")
    return next_kgb(p, after, _table(data)).as_dict()


def command_gaji_pokok(argv: list[str]) -> dict:
    """``gaji-pokok JSON``: {"golongan": "III/a", "mkg": 10, "table": "pp5_2024"}."""
    data = parse_json_argument(argv)
    reject_unknown_fields(data, ("golongan", "mkg", "table"))
    table = _table(data)
    g = golongan(required(data, "golongan"))
    mkg = int(json_number(required(data, "mkg"), "mkg", minimum=0))
    return {"table": table.name, "golongan": g.code, "mkg": mkg, "gaji_pokok": table.gaji(g, mkg)}
