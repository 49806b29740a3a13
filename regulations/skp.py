"""SKP / performance predicates over time: which predikat a yearly appraisal earns.

Owns the three regimes of domain.md §7 and picks one by the appraisal year:

* PP 46/2011 (Penilaian Prestasi Kerja PNS): a numeric score 0–100 in five bands,
  Sangat Baik / Baik / Cukup / Kurang / Buruk [SILKA; SIMIP]. Used from 2014.
* PP 30/2019 Pasal 41 (Penilaian Kinerja PNS): a numeric score 0–120; Sangat Baik also
  needs a new idea or method that benefited the organisation [PASAL-PP30; SONORA].
* PermenPAN-RB 8/2021 → 6/2022: no number any more, the appraisal *is* a predikat:
  Sangat Baik / Baik / Butuh Perbaikan / Kurang (Misconduct) / Sangat Kurang.

The year each regime starts, the PP 46/2011 fractional boundaries and the PP 30/2019
Kurang boundary are UNCONFIRMED and live in :class:`SkpConfig`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from regulations.reasons import RuleInputError


class Predikat(StrEnum):
    """Every predikat any regime uses; ``value`` is the stable code, ``label`` the Indonesian name."""

    SANGAT_BAIK = "sangat_baik"
    BAIK = "baik"
    CUKUP = "cukup"
    BUTUH_PERBAIKAN = "butuh_perbaikan"
    KURANG = "kurang"
    SANGAT_KURANG = "sangat_kurang"
    BURUK = "buruk"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Predikat.SANGAT_BAIK: "Sangat Baik",
    Predikat.BAIK: "Baik",
    Predikat.CUKUP: "Cukup",
    Predikat.BUTUH_PERBAIKAN: "Butuh Perbaikan",
    Predikat.KURANG: "Kurang",
    Predikat.SANGAT_KURANG: "Sangat Kurang",
    Predikat.BURUK: "Buruk",
}


class Regime(StrEnum):
    PP_46_2011 = "pp_46_2011"
    PP_30_2019 = "pp_30_2019"
    PERMENPANRB_6_2022 = "permenpanrb_6_2022"


# The predicates each regime can produce (domain.md §7.1–§7.3).
PREDIKAT_BY_REGIME: dict[Regime, frozenset[Predikat]] = {
    Regime.PP_46_2011: frozenset(
        {Predikat.SANGAT_BAIK, Predikat.BAIK, Predikat.CUKUP, Predikat.KURANG, Predikat.BURUK}
    ),
    Regime.PP_30_2019: frozenset(
        {Predikat.SANGAT_BAIK, Predikat.BAIK, Predikat.CUKUP, Predikat.KURANG, Predikat.SANGAT_KURANG}
    ),
    Regime.PERMENPANRB_6_2022: frozenset(
        {
            Predikat.SANGAT_BAIK,
            Predikat.BAIK,
            Predikat.BUTUH_PERBAIKAN,
            Predikat.KURANG,
            Predikat.SANGAT_KURANG,
        }
    ),
}

MAX_SCORE = {Regime.PP_46_2011: 100.0, Regime.PP_30_2019: 120.0}


@dataclass(frozen=True, slots=True)
class SkpConfig:
    """UNCONFIRMED values of domain.md §7, with our defaults.

    ``pp46_floors``: PP 46/2011 bands as (exclusive lower bound, predikat), best first. The
    regulation bands are integers (91–100, 76–90, 61–75, 51–60, ≤50); the default puts a
    fraction on the side it rounds to, with x.50 rounding down, as SILKA ``getnilaiskp``
    does (90.50 → Baik, 90.51 → Sangat Baik). SILKA's IP-ASN screen instead uses
    (90, 75, 60, 50): configure that here if preferred.
    ``pp30_*_min``: PP 30/2019 Pasal 41 inclusive lower bounds; the Kurang bound 50 comes
    from a garbled secondary source [SONORA].
    ``pp30_from_year`` / ``permenpanrb_from_year``: first appraisal year under each regime
    (domain.md dates PP 46/2011 to 2014–2019; the switch to PermenPAN-RB 6/2022 by year
    is our reading).
    """

    pp46_from_year: int = 2014
    pp30_from_year: int = 2020
    permenpanrb_from_year: int = 2022
    pp46_floors: tuple[tuple[float, Predikat], ...] = (
        (90.5, Predikat.SANGAT_BAIK),
        (75.5, Predikat.BAIK),
        (60.5, Predikat.CUKUP),
        (50.5, Predikat.KURANG),
    )
    pp30_sangat_baik_min: float = 110.0
    pp30_baik_min: float = 90.0
    pp30_cukup_min: float = 70.0
    pp30_kurang_min: float = 50.0


DEFAULT_SKP_CONFIG = SkpConfig()


def regime_for(year: int, config: SkpConfig = DEFAULT_SKP_CONFIG) -> Regime:
    """The appraisal regime in force for an appraisal year."""
    if year < config.pp46_from_year:
        raise RuleInputError(
            f"Tahun penilaian {year} sebelum PP 46/2011 berlaku ({config.pp46_from_year}); "
            "DP3 tidak didukung."
        )
    if year < config.pp30_from_year:
        return Regime.PP_46_2011
    if year < config.permenpanrb_from_year:
        return Regime.PP_30_2019
    return Regime.PERMENPANRB_6_2022


def parse_predikat(value: str) -> Predikat:
    """A predikat from its code ("butuh_perbaikan") or its label ("Butuh Perbaikan")."""
    key = value.strip().lower().replace(" ", "_")
    if key == "kurang/misconduct":  # the PermenPAN-RB 6/2022 form prints it this way
        key = "kurang"
    try:
        return Predikat(key)
    except ValueError:
        choices = ", ".join(p.value for p in Predikat)
        raise RuleInputError(f"Predikat SKP tidak dikenal: {value!r}. Pilihan: {choices}.") from None


def predikat_for(
    year: int,
    score: float | None = None,
    predikat: str | None = None,
    innovation: bool = False,
    config: SkpConfig = DEFAULT_SKP_CONFIG,
) -> Predikat:
    """The predikat of the appraisal for ``year``, from its numeric score or its stated predikat.

    Give exactly one of ``score`` (PP 46/2011 and PP 30/2019 years) or ``predikat`` (any
    year; checked against that year's regime). ``innovation`` is the PP 30/2019 Pasal 41
    condition for Sangat Baik.
    """
    regime = regime_for(year, config)
    if (score is None) == (predikat is None):
        raise RuleInputError("Isi salah satu: nilai SKP (score) atau predikat, tidak keduanya.")
    if predikat is not None:
        result = parse_predikat(predikat)
        if result not in PREDIKAT_BY_REGIME[regime]:
            raise RuleInputError(
                f"Predikat {result.label!r} tidak dikenal dalam penilaian tahun {year} ({regime.value})."
            )
        return result
    if regime is Regime.PERMENPANRB_6_2022:
        raise RuleInputError(
            f"Penilaian tahun {year} (PermenPAN-RB 6/2022) tidak memakai nilai angka; isi predikat."
        )
    if isinstance(score, bool) or not isinstance(score, int | float) or not 0 <= score <= MAX_SCORE[regime]:
        raise RuleInputError(f"Nilai SKP tahun {year} harus angka 0–{MAX_SCORE[regime]:g}, bukan {score!r}.")
    if regime is Regime.PP_46_2011:
        for floor, band in config.pp46_floors:
            if score > floor:
                return band
        return Predikat.BURUK
    if score >= config.pp30_sangat_baik_min and innovation:
        return Predikat.SANGAT_BAIK
    if score >= config.pp30_baik_min:
        return Predikat.BAIK
    if score >= config.pp30_cukup_min:
        return Predikat.CUKUP
    if score >= config.pp30_kurang_min:
        return Predikat.KURANG
    return Predikat.SANGAT_KURANG


def at_least_baik(p: Predikat) -> bool:
    """Whether a predikat meets the usual "minimal Baik" requirement (KP, UPKP, ...)."""
    return p is Predikat.SANGAT_BAIK or p is Predikat.BAIK
