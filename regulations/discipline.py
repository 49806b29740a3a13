"""Hukuman disiplin PNS: every kind of punishment and its level (ringan / sedang / berat).

Owns domain.md §8: PP 94/2021 Pasal 8 (current) and PP 53/2010 (legacy records, article
number from the PP itself: Pasal 7 — not confirmed in domain.md). Each kind has a stable
code; the same code means the same punishment in both regimes (the three ringan forms and
PDHTAPS exist in both). Other modules only need the level: IP-ASN (§1.5) scores the worst
level, and a hukdis sedang/berat being served blocks Ujian Dinas/UPKP [S004].
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from regulations.reasons import RuleInputError


class Level(StrEnum):
    RINGAN = "ringan"
    SEDANG = "sedang"
    BERAT = "berat"

    @property
    def severity(self) -> int:
        """1 (ringan) … 3 (berat): to find the worst of several."""
        return _SEVERITY[self]


_SEVERITY = {Level.RINGAN: 1, Level.SEDANG: 2, Level.BERAT: 3}


class DisciplineRegime(StrEnum):
    PP_53_2010 = "pp_53_2010"
    PP_94_2021 = "pp_94_2021"


# PP 94/2021 was promulgated on 31 August 2021 and took effect the same day; the date is
# from the PP's closing text, not from domain.md (UNCONFIRMED there).
PP_94_2021_EFFECTIVE = date(2021, 8, 31)


@dataclass(frozen=True, slots=True)
class Hukuman:
    code: str
    level: Level
    label: str
    source: str


_RINGAN = (
    ("teguran_lisan", "Teguran lisan"),
    ("teguran_tertulis", "Teguran tertulis"),
    ("pernyataan_tidak_puas", "Pernyataan tidak puas secara tertulis"),
)

KINDS: dict[DisciplineRegime, dict[str, Hukuman]] = {
    DisciplineRegime.PP_94_2021: {
        h.code: h
        for h in (
            *(Hukuman(c, Level.RINGAN, lbl, "PP 94/2021 Pasal 8 ayat (2) [PP94]") for c, lbl in _RINGAN),
            Hukuman(
                "potong_tukin_25_6_bulan",
                Level.SEDANG,
                "Pemotongan tunjangan kinerja 25% selama 6 bulan",
                "PP 94/2021 Pasal 8 ayat (3) huruf a [PP94]",
            ),
            Hukuman(
                "potong_tukin_25_9_bulan",
                Level.SEDANG,
                "Pemotongan tunjangan kinerja 25% selama 9 bulan",
                "PP 94/2021 Pasal 8 ayat (3) huruf b [PP94]",
            ),
            Hukuman(
                "potong_tukin_25_12_bulan",
                Level.SEDANG,
                "Pemotongan tunjangan kinerja 25% selama 12 bulan",
                "PP 94/2021 Pasal 8 ayat (3) huruf c [PP94]",
            ),
            Hukuman(
                "penurunan_jabatan_12_bulan",
                Level.BERAT,
                "Penurunan jabatan setingkat lebih rendah selama 12 bulan",
                "PP 94/2021 Pasal 8 ayat (4) huruf a [PP94]",
            ),
            Hukuman(
                "pembebasan_jabatan_ke_pelaksana_12_bulan",
                Level.BERAT,
                "Pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan",
                "PP 94/2021 Pasal 8 ayat (4) huruf b [PP94]",
            ),
            Hukuman(
                "pdhtaps",
                Level.BERAT,
                "Pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS",
                "PP 94/2021 Pasal 8 ayat (4) huruf c [PP94]",
            ),
        )
    },
    DisciplineRegime.PP_53_2010: {
        h.code: h
        for h in (
            *(Hukuman(c, Level.RINGAN, lbl, "PP 53/2010 Pasal 7 ayat (2)") for c, lbl in _RINGAN),
            Hukuman(
                "penundaan_kgb_1_tahun",
                Level.SEDANG,
                "Penundaan kenaikan gaji berkala selama 1 tahun",
                "PP 53/2010 Pasal 7 ayat (3) huruf a",
            ),
            Hukuman(
                "penundaan_kp_1_tahun",
                Level.SEDANG,
                "Penundaan kenaikan pangkat selama 1 tahun",
                "PP 53/2010 Pasal 7 ayat (3) huruf b",
            ),
            Hukuman(
                "penurunan_pangkat_1_tahun",
                Level.SEDANG,
                "Penurunan pangkat setingkat lebih rendah selama 1 tahun",
                "PP 53/2010 Pasal 7 ayat (3) huruf c",
            ),
            Hukuman(
                "penurunan_pangkat_3_tahun",
                Level.BERAT,
                "Penurunan pangkat setingkat lebih rendah selama 3 tahun",
                "PP 53/2010 Pasal 7 ayat (4) huruf a",
            ),
            Hukuman(
                "pemindahan_penurunan_jabatan",
                Level.BERAT,
                "Pemindahan dalam rangka penurunan jabatan setingkat lebih rendah",
                "PP 53/2010 Pasal 7 ayat (4) huruf b",
            ),
            Hukuman(
                "pembebasan_jabatan",
                Level.BERAT,
                "Pembebasan dari jabatan",
                "PP 53/2010 Pasal 7 ayat (4) huruf c",
            ),
            Hukuman(
                "pdhtaps",
                Level.BERAT,
                "Pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS",
                "PP 53/2010 Pasal 7 ayat (4) huruf d",
            ),
            Hukuman(
                "ptdh",
                Level.BERAT,
                "Pemberhentian tidak dengan hormat sebagai PNS",
                "PP 53/2010 Pasal 7 ayat (4) huruf e",
            ),
        )
    },
}


def regime_on(decided_on: date) -> DisciplineRegime:
    """The regulation under which a punishment decided on ``decided_on`` was imposed."""
    return DisciplineRegime.PP_94_2021 if decided_on >= PP_94_2021_EFFECTIVE else DisciplineRegime.PP_53_2010


def hukuman(kind: str, regime: DisciplineRegime | str | None = None) -> Hukuman:
    """The punishment ``kind`` (a stable code) under ``regime``; with no regime, whichever knows it."""
    regimes = list(DisciplineRegime) if regime is None else [_parse_regime(regime)]
    for r in regimes:
        found = KINDS[r].get(kind)
        if found is not None:
            return found
    known = sorted({code for r in regimes for code in KINDS[r]})
    raise RuleInputError(f"Jenis hukuman disiplin tidak dikenal: {kind!r}. Pilihan: {', '.join(known)}.")


def level_of(kind: str, regime: DisciplineRegime | str | None = None) -> Level:
    """The level (ringan/sedang/berat) of a punishment kind."""
    return hukuman(kind, regime).level


def parse_level(value: str) -> Level:
    try:
        return Level(value)
    except ValueError:
        raise RuleInputError(
            f"Tingkat hukuman disiplin tidak dikenal: {value!r}. Pilihan: ringan, sedang, berat."
        ) from None


def _parse_regime(value: DisciplineRegime | str) -> DisciplineRegime:
    try:
        return DisciplineRegime(value)
    except ValueError:
        raise RuleInputError(
            f"Dasar hukum disiplin tidak dikenal: {value!r}. Pilihan: pp_53_2010, pp_94_2021."
        ) from None
