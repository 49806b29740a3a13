"""Angka kredit (AK) of a jabatan fungsional from the yearly performance predikat.

Legal basis: PermenPAN-RB 1/2023 (Jabatan Fungsional) with Peraturan BKN 3/2023; domain.md
§13 [AK-BKN]. There is no more DUPAK: each year's AK is the percentage of the predikat times
the jenjang's annual coefficient, pro-rated by the months served in that year:

    AK = months / 12 × %predikat × koefisien jenjang

(2 months Baik as Ahli Pertama = 2/12 × 100% × 12.5 = 2.08 [AK-BKN]).

The percentages and the Ahli Pertama (12.5) and Ahli Madya (37.5) coefficients are
confirmed; every other coefficient is UNCONFIRMED and lives in :class:`AkConfig`, as does
the number of decimals the result is rounded to (the BKN example shows 2).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from fractions import Fraction
from types import MappingProxyType

from regulations.inputs import (
    angka,
    json_number,
    json_object,
    parse_choice,
    parse_json_argument,
    reject_unknown_fields,
)
from regulations.ranks import Golongan, golongan
from regulations.reasons import Reason, RuleInputError
from regulations.skp import Predikat, parse_predikat


class Jenjang(StrEnum):
    """Jenjang of a jabatan fungsional: keterampilan (pemula … penyelia) and keahlian (ahli …)."""

    PEMULA = "pemula"
    TERAMPIL = "terampil"
    MAHIR = "mahir"
    PENYELIA = "penyelia"
    AHLI_PERTAMA = "ahli_pertama"
    AHLI_MUDA = "ahli_muda"
    AHLI_MADYA = "ahli_madya"
    AHLI_UTAMA = "ahli_utama"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").title()


# Percentage of the coefficient earned per predikat [AK-BKN, two copies of the BKN slides].
# Cukup (PP 30/2019 wording) and Butuh Perbaikan (PermenPAN-RB 6/2022) are the same step.
PERCENT_BY_PREDIKAT: Mapping[Predikat, Fraction] = MappingProxyType(
    {
        Predikat.SANGAT_BAIK: Fraction(150, 100),
        Predikat.BAIK: Fraction(100, 100),
        Predikat.BUTUH_PERBAIKAN: Fraction(75, 100),
        Predikat.CUKUP: Fraction(75, 100),
        Predikat.KURANG: Fraction(50, 100),
        Predikat.SANGAT_KURANG: Fraction(25, 100),
    }
)

# Koefisien AK tahunan per jenjang. Ahli Pertama 12.5 [AK-BKN; BPK via driversimple.net] and
# Ahli Madya 37.5 [scribd 707496387] are confirmed; the rest are UNCONFIRMED (from memory).
KOEFISIEN: Mapping[Jenjang, Fraction] = MappingProxyType(
    {
        Jenjang.PEMULA: Fraction("3.75"),  # UNCONFIRMED
        Jenjang.TERAMPIL: Fraction(5),  # UNCONFIRMED
        Jenjang.MAHIR: Fraction("12.5"),  # UNCONFIRMED
        Jenjang.PENYELIA: Fraction(25),  # UNCONFIRMED
        Jenjang.AHLI_PERTAMA: Fraction("12.5"),
        Jenjang.AHLI_MUDA: Fraction(25),  # UNCONFIRMED
        Jenjang.AHLI_MADYA: Fraction("37.5"),
        Jenjang.AHLI_UTAMA: Fraction(50),  # UNCONFIRMED
    }
)


@dataclass(frozen=True, slots=True)
class AkConfig:
    koefisien: Mapping[Jenjang, Fraction] = field(default_factory=lambda: KOEFISIEN)
    percent: Mapping[Predikat, Fraction] = field(default_factory=lambda: PERCENT_BY_PREDIKAT)
    decimals: int = 2  # as the BKN worked example prints (2.08); PAK forms may use 3


DEFAULT_AK_CONFIG = AkConfig()


@dataclass(frozen=True, slots=True)
class AkPeriod:
    """Months served in one jenjang with one predikat, within a single year."""

    jenjang: Jenjang
    predikat: Predikat
    months: int = 12


@dataclass(frozen=True, slots=True)
class AkResult:
    angka_kredit: Decimal  # rounded half up to ``config.decimals``
    exact: Fraction
    periods: tuple[tuple[AkPeriod, Fraction], ...]
    reasons: tuple[Reason, ...]
    decimals: int = DEFAULT_AK_CONFIG.decimals

    def as_dict(self) -> dict:
        return {
            "angka_kredit": float(self.angka_kredit),
            "angka_kredit_exact": float(self.exact),
            "periods": [
                {
                    "jenjang": p.jenjang.value,
                    "predikat": p.predikat.value,
                    "months": p.months,
                    "angka_kredit": float(_round(ak, self.decimals)),
                }
                for p, ak in self.periods
            ],
            "reasons": [r.as_dict() for r in self.reasons],
        }


def period_ak(period: AkPeriod, config: AkConfig = DEFAULT_AK_CONFIG) -> Fraction:
    """The exact AK of one period: months/12 × %predikat × koefisien."""
    if period.predikat not in config.percent:
        known = ", ".join(p.value for p in config.percent)
        raise RuleInputError(
            f"Predikat {period.predikat.label!r} tidak dipakai untuk angka kredit. Pilihan: {known}."
        )
    if not 1 <= period.months <= 12:
        raise RuleInputError(f"Jumlah bulan harus 1–12, bukan {period.months}.")
    return Fraction(period.months, 12) * config.percent[period.predikat] * config.koefisien[period.jenjang]


def annual_ak(
    periods: list[AkPeriod] | tuple[AkPeriod, ...], config: AkConfig = DEFAULT_AK_CONFIG
) -> AkResult:
    """The AK earned in one year from its periods (a jenjang or predikat change splits a year)."""
    if not periods:
        raise RuleInputError("Isi minimal satu periode.")
    amounts = tuple((p, period_ak(p, config)) for p in periods)
    if sum(p.months for p in periods) > 12:
        raise RuleInputError("Jumlah bulan semua periode dalam satu tahun tidak boleh lebih dari 12.")
    exact = sum((ak for _, ak in amounts), Fraction(0))
    rounded = _round(exact, config.decimals)
    reasons = tuple(
        Reason(
            "ak_periode",
            f"{p.months}/12 × {angka(float(config.percent[p.predikat] * 100))}% ({p.predikat.label}) × "
            f"{angka(float(config.koefisien[p.jenjang]))} ({p.jenjang.label}) = "
            f"{angka(float(_round(ak, config.decimals)))}",
        )
        for p, ak in amounts
    )
    return AkResult(rounded, exact, amounts, reasons, config.decimals)


# Kebutuhan angka kredit minimal (AKK): (for the next pangkat, for the next jenjang) per
# jenjang, PermenPAN-RB 1/2023 Lampiran (the AKK table) as the BKN "integrasi/konversi" slide
# repeats it [scribd 712964724; domain.md §13]. The slide's garbled text had been read one row
# off in the keterampilan ladder; in the annex Terampil needs 20 (pangkat) / 60 (jenjang) and
# Mahir 50 / 100, the keterampilan ladder mirroring the keahlian one a step lower (Mahir, at
# III/a–III/b, needs what Ahli Pertama at III/a–III/b needs). Every value stays configurable
# (``akk`` arguments); None: no next jenjang at the top of a ladder.
AKK_MINIMUM: Mapping[Jenjang, tuple[int | None, int | None]] = MappingProxyType(
    {
        Jenjang.PEMULA: (15, 15),
        Jenjang.TERAMPIL: (20, 60),
        Jenjang.MAHIR: (50, 100),
        Jenjang.PENYELIA: (100, None),
        Jenjang.AHLI_PERTAMA: (50, 100),
        Jenjang.AHLI_MUDA: (100, 200),
        Jenjang.AHLI_MADYA: (150, 450),
        Jenjang.AHLI_UTAMA: (200, None),
    }
)

# The pangkat range of each jenjang: the lowest and highest golongan a holder of that jenjang
# may have. A KP above the top of the range is not a kenaikan pangkat but a kenaikan jenjang
# (Peraturan BKN 3/2023), with its own conditions (the jenjang AK, uji kompetensi, a vacancy).
# The ranges are the ones every JF regulation repeats (e.g. PermenPAN-RB 1/2023 and the JF's own
# PermenPAN-RB); the article number is UNCONFIRMED.
JENJANG_GOLONGAN: Mapping[Jenjang, tuple[str, str]] = MappingProxyType(
    {
        Jenjang.PEMULA: ("II/a", "II/a"),
        Jenjang.TERAMPIL: ("II/b", "II/d"),
        Jenjang.MAHIR: ("III/a", "III/b"),
        Jenjang.PENYELIA: ("III/c", "III/d"),
        Jenjang.AHLI_PERTAMA: ("III/a", "III/b"),
        Jenjang.AHLI_MUDA: ("III/c", "III/d"),
        Jenjang.AHLI_MADYA: ("IV/a", "IV/c"),
        Jenjang.AHLI_UTAMA: ("IV/d", "IV/e"),
    }
)


def jenjang_golongan(level: Jenjang) -> tuple[Golongan, Golongan]:
    """(lowest, highest) golongan of the jenjang ``level``."""
    low, high = JENJANG_GOLONGAN[level]
    return golongan(low), golongan(high)


def akk_kenaikan_jenjang(
    level: Jenjang, akk: Mapping[Jenjang, tuple[int | None, int | None]] = AKK_MINIMUM
) -> int | None:
    """The minimum AK to move from ``level`` to the next jenjang; None at the top of a ladder."""
    return akk.get(level, (None, None))[1]


def akk_kenaikan_pangkat(
    level: Jenjang, akk: Mapping[Jenjang, tuple[int | None, int | None]] = AKK_MINIMUM
) -> int | None:
    """The minimum AK for the next pangkat within ``level``; None when no figure is known."""
    return akk.get(level, (None, None))[0]


def ak_pace(level: Jenjang, years_in_rank: Fraction, config: AkConfig = DEFAULT_AK_CONFIG) -> Fraction:
    """The AK an official with predikat Baik (100%) every year would hold after ``years_in_rank``:
    years × koefisien [AK-BKN]. Monitoring compares the real AK with this pace."""
    return max(years_in_rank, Fraction(0)) * config.percent[Predikat.BAIK] * config.koefisien[level]


def _round(value: Fraction, decimals: int) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
        Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP
    )


def jenjang(value: object) -> Jenjang:
    return parse_choice(Jenjang, value, "Jenjang", lambda s: s.strip().lower().replace(" ", "_"))


def _period(data: object, name: str) -> AkPeriod:
    data = json_object(data, name)
    predikat = data.get("predikat")
    if not isinstance(predikat, str):
        raise RuleInputError(f'{name}.predikat harus teks (mis. "baik"), bukan {predikat!r}.')
    return AkPeriod(
        jenjang(data.get("jenjang")),
        parse_predikat(predikat),
        int(json_number(data.get("months", 12), f"{name}.months", integer=True, minimum=1, maximum=12)),
    )


def command_angka_kredit(argv: list[str]) -> dict:
    """``angka-kredit '{"jenjang": "ahli_pertama", "predikat": "baik", "months": 2}'`` or
    ``'{"periods": [{"jenjang": ..., "predikat": ..., "months": ...}, ...], "decimals": 3}'``."""
    data = parse_json_argument(argv)
    if "periods" in data:
        reject_unknown_fields(data, ("periods", "decimals"))
        if not isinstance(data["periods"], list):
            raise RuleInputError("periods harus daftar [...] periode.")
        for i, p in enumerate(data["periods"]):
            if isinstance(p, dict):
                reject_unknown_fields(p, ("jenjang", "predikat", "months"), f"periods[{i}] ")
        periods = [_period(p, f"periods[{i}]") for i, p in enumerate(data["periods"])]
    else:
        reject_unknown_fields(data, ("jenjang", "predikat", "months", "decimals"))
        periods = [_period(data, "input")]
    decimals = int(
        json_number(
            data.get("decimals", DEFAULT_AK_CONFIG.decimals), "decimals", integer=True, minimum=0, maximum=6
        )
    )
    return annual_ak(periods, AkConfig(decimals=decimals)).as_dict()


def command_jf_golongan(argv: list[str]) -> dict:
    """``jf-golongan ahli_pertama`` → the jenjang's golongan range and its AKK figures."""
    if len(argv) != 1:
        raise RuleInputError("Berikan satu jenjang, misalnya: jf-golongan ahli_pertama.")
    level = jenjang(argv[0])
    low, high = jenjang_golongan(level)
    return {
        "jenjang": level.value,
        "golongan_terendah": low.code,
        "golongan_tertinggi": high.code,
        "akk_kenaikan_pangkat": akk_kenaikan_pangkat(level),
        "akk_kenaikan_jenjang": akk_kenaikan_jenjang(level),
    }
