"""Survei Kepuasan Masyarakat (SKM): the IKM of a service unit and the survey's sample size.

Legal basis: PermenPAN-RB 14/2017 (Pedoman Penyusunan SKM Unit Penyelenggara Pelayanan
Publik); domain.md §9. Every unit runs the survey at least once a year (Pasal 1) [SKM-P1].
Respondents answer 9 unsur on a 1–4 scale; the nilai rata-rata (NRR) of an unsur is its
total over the respondents; the IKM is the weighted sum of the NRR (equal weights), and
×25 converts it to the 25–100 scale whose band gives the mutu A–D [GASPUL; TEGAL].

UNCONFIRMED, hence :class:`SkmConfig`: whether the weight is the printed 0,11 or exactly
1/9 (they give different results, e.g. 90.56 vs 91.48 on GASPUL's data), and the official
order of unsur 8 and 9. That the regulation names the Krejcie–Morgan table for the sample
size is also UNCONFIRMED; :func:`krejcie_morgan` is the table's formula.

Arithmetic is exact (fractions) and rounds half up only for display, so the converted value
printed is the one that picked the mutu.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from fractions import Fraction

from regulations.inputs import json_number, parse_choice, parse_json_argument, reject_unknown_fields
from regulations.reasons import Reason, RuleInputError

# The 9 unsur in GASPUL's order (Sarana U8, Pengaduan U9); the lampiran's own order is
# UNCONFIRMED, so inputs follow this tuple.
UNSUR: tuple[str, ...] = (
    "Persyaratan",
    "Sistem, Mekanisme, dan Prosedur",
    "Waktu Penyelesaian",
    "Biaya/Tarif",
    "Produk Spesifikasi Jenis Pelayanan",
    "Kompetensi Pelaksana",
    "Perilaku Pelaksana",
    "Sarana dan Prasarana",
    "Penanganan Pengaduan, Saran dan Masukan",
)
SCALE_MIN, SCALE_MAX = 1, 4  # nilai persepsi [GASPUL; TEGAL]
CONVERSION = 25  # IKM unit pelayanan = IKM × 25 [GASPUL]


class Weighting(StrEnum):
    ROUNDED = "0.11"  # what the regulation prints and practice uses [GASPUL]
    EXACT = "exact"  # 1/9


WEIGHTS = {Weighting.ROUNDED: Fraction(11, 100), Weighting.EXACT: Fraction(1, 9)}


@dataclass(frozen=True, slots=True)
class Mutu:
    grade: str
    kinerja: str
    min_converted: Decimal  # inclusive lower bound of the nilai interval konversi
    min_interval: Decimal  # the same bound on the 1–4 scale (nilai interval)


# Interval → mutu (domain.md §9) [TEGAL; GASPUL], best first. The C upper bound is 76.60
# (TEGAL's 76.66 is a typo: the B band starts at 76.61). Bounds are inclusive at two
# decimals: 88.30 is B, 88.31 is A.
MUTU: tuple[Mutu, ...] = (
    Mutu("A", "Sangat Baik", Decimal("88.31"), Decimal("3.5324")),
    Mutu("B", "Baik", Decimal("76.61"), Decimal("3.0644")),
    Mutu("C", "Kurang Baik", Decimal("65.00"), Decimal("2.60")),
    Mutu("D", "Tidak Baik", Decimal("25.00"), Decimal("1.00")),
)


@dataclass(frozen=True, slots=True)
class SkmConfig:
    weighting: Weighting = Weighting.ROUNDED
    converted_decimals: int = 2  # the bands are written to 2 decimals
    ikm_decimals: int = 4  # GASPUL prints 3.6224


DEFAULT_SKM_CONFIG = SkmConfig()


@dataclass(frozen=True, slots=True)
class SkmInput:
    """Per-unsur answer totals (in :data:`UNSUR` order) and the number of respondents."""

    unsur_totals: tuple[int, ...]
    respondents: int


@dataclass(frozen=True, slots=True)
class IkmResult:
    nrr: tuple[Fraction, ...]
    ikm: Fraction  # weighted NRR sum, 1–4 scale
    converted: Decimal  # IKM × 25, rounded half up to ``converted_decimals``
    mutu: Mutu
    weighting: Weighting
    reason: Reason

    def as_dict(self, config: SkmConfig = DEFAULT_SKM_CONFIG) -> dict:
        return {
            "nrr": [_round(v, config.ikm_decimals) for v in self.nrr],
            "ikm": _round(self.ikm, config.ikm_decimals),
            "converted": float(self.converted),
            "mutu": self.mutu.grade,
            "kinerja": self.mutu.kinerja,
            "weighting": self.weighting.value,
            "reason": self.reason.as_dict(),
        }


def _decimal(value: Fraction, decimals: int) -> Decimal:
    """Round half up, exactly (no binary float in between)."""
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
        Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP
    )


def _round(value: Fraction, decimals: int) -> float:
    return float(_decimal(value, decimals))


def mutu_for(converted: Decimal | float | str) -> Mutu:
    """The mutu band of a converted IKM (25–100, two decimals)."""
    value = Decimal(str(converted))
    for mutu in MUTU:
        if value >= mutu.min_converted:
            return mutu
    return MUTU[-1]  # below 25 only happens with the rounded 0,11 weight (0.99 × 25)


def ikm(survey: SkmInput, config: SkmConfig = DEFAULT_SKM_CONFIG) -> IkmResult:
    """NRR per unsur, IKM, converted IKM and its mutu (PermenPAN-RB 14/2017)."""
    n = survey.respondents
    if len(survey.unsur_totals) != len(UNSUR):
        raise RuleInputError(
            f"unsur_totals harus berisi {len(UNSUR)} angka, bukan {len(survey.unsur_totals)}."
        )
    if n < 1:
        raise RuleInputError(f"respondents harus minimal 1, bukan {n}.")
    for i, total in enumerate(survey.unsur_totals):
        if not SCALE_MIN * n <= total <= SCALE_MAX * n:
            raise RuleInputError(
                f"unsur_totals[{i}] ({UNSUR[i]}) = {total} mustahil untuk {n} responden: "
                f"harus antara {SCALE_MIN * n} dan {SCALE_MAX * n} (nilai 1–4 per responden)."
            )
    nrr = tuple(Fraction(total, n) for total in survey.unsur_totals)
    value = sum(nrr, Fraction(0)) * WEIGHTS[config.weighting]
    converted = _decimal(value * CONVERSION, config.converted_decimals)
    mutu = mutu_for(converted)
    reason = Reason(
        f"mutu_{mutu.grade.lower()}",
        f"IKM konversi {str(converted).replace('.', ',')} (bobot {config.weighting.value.replace('.', ',')}) "
        f"berada pada mutu {mutu.grade}: kinerja unit {mutu.kinerja}.",
    )
    return IkmResult(nrr, value, converted, mutu, config.weighting, reason)


def totals_from_responses(responses: list[list[int]] | tuple[tuple[int, ...], ...]) -> SkmInput:
    """Sum the raw answers (one row of 9 answers per respondent) into an :class:`SkmInput`."""
    for r, row in enumerate(responses):
        if len(row) != len(UNSUR):
            raise RuleInputError(f"responses[{r}] harus berisi {len(UNSUR)} jawaban, bukan {len(row)}.")
        for u, answer in enumerate(row):
            json_number(answer, f"responses[{r}][{u}]", integer=True, minimum=SCALE_MIN, maximum=SCALE_MAX)
    return SkmInput(tuple(sum(col) for col in zip(*responses, strict=True)), len(responses))


# Krejcie & Morgan (1970) [KM]: chi-square for 1 degree of freedom at 95%, P = 0.5, d = 0.05.
KM_CHI_SQUARE = Fraction("3.841")
KM_PROPORTION = Fraction(1, 2)
KM_MARGIN = Fraction(5, 100)


def krejcie_morgan(
    population: int,
    chi_square: Fraction = KM_CHI_SQUARE,
    proportion: Fraction = KM_PROPORTION,
    margin: Fraction = KM_MARGIN,
) -> int:
    """Sample size s = χ²NP(1−P) / (d²(N−1) + χ²P(1−P)), rounded half up (1000 → 278)."""
    if population < 1:
        raise RuleInputError(f"Populasi harus minimal 1, bukan {population}.")
    pq = proportion * (1 - proportion)
    s = chi_square * population * pq / (margin**2 * (population - 1) + chi_square * pq)
    return int(_decimal(s, 0))


# ---------------------------------------------------------------------------- commands


def command_ikm(argv: list[str]) -> dict:
    """``ikm '{"unsur_totals": [9 ints], "respondents": 29, "weighting": "0.11"}'``
    (or ``{"responses": [[9 answers 1–4], ...]}``)."""
    data = parse_json_argument(argv)
    reject_unknown_fields(data, ("unsur_totals", "respondents", "responses", "weighting"))
    weighting = data.get("weighting", DEFAULT_SKM_CONFIG.weighting.value)
    config = SkmConfig(weighting=parse_choice(Weighting, weighting, "weighting"))
    if "responses" in data:
        responses = data["responses"]
        if (
            not isinstance(responses, list)
            or not responses
            or not all(isinstance(r, list) for r in responses)
        ):
            raise RuleInputError("responses harus daftar jawaban per responden, mis. [[4,3,...], ...].")
        survey = totals_from_responses(responses)
    else:
        totals = data.get("unsur_totals")
        if not isinstance(totals, list):
            raise RuleInputError(f"unsur_totals harus daftar {len(UNSUR)} bilangan bulat, bukan {totals!r}.")
        survey = SkmInput(
            tuple(int(json_number(t, f"unsur_totals[{i}]", integer=True)) for i, t in enumerate(totals)),
            int(json_number(data.get("respondents"), "respondents", integer=True, minimum=1)),
        )
    return {"respondents": survey.respondents, **ikm(survey, config).as_dict(config)}


def command_sample_size(argv: list[str]) -> dict:
    """``sample-size 1000`` → the Krejcie–Morgan sample for that population."""
    if len(argv) != 1:
        raise RuleInputError("Berikan tepat satu argumen: jumlah populasi (bilangan bulat ≥ 1).")
    try:
        population = int(argv[0])
    except ValueError:
        raise RuleInputError(f"Populasi harus bilangan bulat, bukan {argv[0]!r}.") from None
    return {"population": population, "sample": krejcie_morgan(population)}
