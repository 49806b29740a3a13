"""The rank ladder (pangkat / golongan ruang) and the education levels that set its bounds.

Owns:

* the 17 golongan ruang from I/a (Juru Muda) to IV/e (Pembina Utama), with their pangkat
  name, their order on the ladder and the two-digit numeric code used in SIMPEG data
  (PP 99/2000 Lampiran; domain.md §2.1, article number UNCONFIRMED);
* :class:`Pendidikan`, the kinds of STTB/ijazah that decide the starting rank of a CPNS and
  the highest rank reachable by KP reguler (PP 99/2000 jo PP 12/2002, Kep. Ka BKN 12/2002;
  domain.md §2.2, source BKDLEB);
* :class:`Jabatan`, the kinds of position the KP, ujian dinas and pension rules tell apart;
* :func:`anniversary`, whole years after a date (time in rank, age), which those rules share.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from regulations.inputs import parse_choice
from regulations.reasons import RuleInputError


@dataclass(frozen=True, order=True)
class Golongan:
    """One golongan ruang. Instances compare by their place on the ladder."""

    order: int  # 1 (I/a) .. 17 (IV/e)
    code: str  # "III/a"
    numeric: int  # 31: golongan digit then ruang digit, as in the SIMPEG `m_gol` table
    pangkat: str  # "Penata Muda"

    @property
    def golongan(self) -> str:
        """The roman golongan alone: "III" for III/a."""
        return self.code.split("/")[0]

    @property
    def ruang(self) -> str:
        """The ruang letter alone: "a" for III/a."""
        return self.code.split("/")[1]

    def __str__(self) -> str:
        return self.code


# PP 99/2000 Lampiran; domain.md §2.1 (salamedukasi, scribd 341723592, `m_gol` SQL dumps).
GOLONGAN: tuple[Golongan, ...] = tuple(
    Golongan(order, code, numeric, pangkat)
    for order, (code, numeric, pangkat) in enumerate(
        [
            ("I/a", 11, "Juru Muda"),
            ("I/b", 12, "Juru Muda Tingkat I"),
            ("I/c", 13, "Juru"),
            ("I/d", 14, "Juru Tingkat I"),
            ("II/a", 21, "Pengatur Muda"),
            ("II/b", 22, "Pengatur Muda Tingkat I"),
            ("II/c", 23, "Pengatur"),
            ("II/d", 24, "Pengatur Tingkat I"),
            ("III/a", 31, "Penata Muda"),
            ("III/b", 32, "Penata Muda Tingkat I"),
            ("III/c", 33, "Penata"),
            ("III/d", 34, "Penata Tingkat I"),
            ("IV/a", 41, "Pembina"),
            ("IV/b", 42, "Pembina Tingkat I"),
            ("IV/c", 43, "Pembina Utama Muda"),
            ("IV/d", 44, "Pembina Utama Madya"),
            ("IV/e", 45, "Pembina Utama"),
        ],
        start=1,
    )
)

_BY_CODE = {g.code.upper(): g for g in GOLONGAN}
_BY_NUMERIC = {g.numeric: g for g in GOLONGAN}
_CODE_SHAPE = re.compile(r"^\s*(I{1,3}|IV)\s*/\s*([A-E])\s*$", re.IGNORECASE)


def golongan(value: str | int | Golongan) -> Golongan:
    """The golongan for "III/a" (letter case and spaces around "/" do not matter) or 31.

    Deliberately strict otherwise: "IIIa" or "3a" are ambiguous in user data and rejected.
    """
    if isinstance(value, Golongan):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        if value in _BY_NUMERIC:
            return _BY_NUMERIC[value]
        raise RuleInputError(f"Kode golongan {value} tidak dikenal (11–14, 21–24, 31–34, 41–45).")
    if isinstance(value, str):
        match = _CODE_SHAPE.match(value)
        if match:
            found = _BY_CODE.get(f"{match[1]}/{match[2]}".upper())
            if found:
                return found
    raise RuleInputError(f'Golongan {value!r} tidak dikenal; tulis seperti "III/a" (I/a sampai IV/e).')


def next_golongan(current: Golongan | str | int) -> Golongan | None:
    """One rank up the ladder (KP is one step at a time), or None at IV/e."""
    current = golongan(current)
    return GOLONGAN[current.order] if current.order < len(GOLONGAN) else None


class Pendidikan(StrEnum):
    """Kinds of STTB/ijazah, as distinguished by the starting-rank table (domain.md §2.2).

    D1 ranks like SLTA and D4 like S1; S2 includes dokter and apoteker (same table row).
    """

    SD = "SD"
    SLTP = "SLTP"
    SLTP_KEJURUAN = "SLTP_KEJURUAN"
    SLTA = "SLTA"  # incl. SLTA kejuruan
    D1 = "D1"
    D2 = "D2"
    SGPLB = "SGPLB"
    D3 = "D3"  # incl. sarjana muda, akademi, bakaloreat
    D4 = "D4"
    S1 = "S1"
    S2 = "S2"  # incl. dokter, apoteker
    S3 = "S3"


@dataclass(frozen=True)
class RankBounds:
    """Where an ijazah starts a CPNS and how far KP reguler can take its holder."""

    permulaan: Golongan
    tertinggi_reguler: Golongan


def _bounds(start: str, ceiling: str) -> RankBounds:
    return RankBounds(golongan(start), golongan(ceiling))


# PP 99/2000 jo PP 12/2002, Kep. Ka BKN 12/2002; domain.md §2.2 [BKDLEB]. SLTP starts at I/c
# (not I/b as one scribd listing says): BKDLEB and PP 12/2002 Pasal 18 [KERJAPNS] agree.
RANK_BOUNDS: dict[Pendidikan, RankBounds] = {
    Pendidikan.SD: _bounds("I/a", "II/a"),
    Pendidikan.SLTP: _bounds("I/c", "II/c"),
    Pendidikan.SLTP_KEJURUAN: _bounds("I/c", "II/d"),
    Pendidikan.SLTA: _bounds("II/a", "III/b"),
    Pendidikan.D1: _bounds("II/a", "III/b"),
    Pendidikan.D2: _bounds("II/b", "III/b"),
    Pendidikan.SGPLB: _bounds("II/b", "III/c"),
    Pendidikan.D3: _bounds("II/c", "III/c"),
    Pendidikan.D4: _bounds("III/a", "III/d"),
    Pendidikan.S1: _bounds("III/a", "III/d"),
    Pendidikan.S2: _bounds("III/b", "IV/a"),
    Pendidikan.S3: _bounds("III/c", "IV/b"),
}


def pendidikan(value: str | Pendidikan) -> Pendidikan:
    """Parse an ijazah kind ("S1", "s1", "SLTP_KEJURUAN"), with an Indonesian error."""
    return parse_choice(Pendidikan, value, "Pendidikan", lambda s: s.strip().upper())


def starting_golongan(level: Pendidikan | str) -> Golongan:
    """Gol. ruang permulaan of a CPNS appointed with this ijazah."""
    return RANK_BOUNDS[pendidikan(level)].permulaan


def max_golongan_reguler(level: Pendidikan | str) -> Golongan:
    """The highest golongan this ijazah reaches by KP reguler."""
    return RANK_BOUNDS[pendidikan(level)].tertinggi_reguler


class Jabatan(StrEnum):
    """Kinds of position that the rank, ujian dinas and pension rules tell apart.

    Pejabat administrasi are pelaksana, pengawas and administrator (UU 5/2014; PP 11/2017
    Pasal 239); JPT are pimpinan tinggi; JF are jabatan fungsional by kategori/jenjang,
    with guru and dosen separate because their own Undang-Undang sets their pension age.
    """

    PELAKSANA = "pelaksana"
    PENGAWAS = "pengawas"
    ADMINISTRATOR = "administrator"
    JPT_PRATAMA = "jpt_pratama"
    JPT_MADYA = "jpt_madya"
    JPT_UTAMA = "jpt_utama"
    JF_KETERAMPILAN = "jf_keterampilan"
    JF_AHLI_PERTAMA = "jf_ahli_pertama"
    JF_AHLI_MUDA = "jf_ahli_muda"
    JF_AHLI_MADYA = "jf_ahli_madya"
    JF_AHLI_UTAMA = "jf_ahli_utama"
    GURU = "guru"
    DOSEN = "dosen"

    @property
    def label(self) -> str:
        """The Indonesian name ("JF Ahli Madya", "JPT Pratama") a person reads."""
        head, _, rest = self.value.partition("_")
        if head in ("jf", "jpt"):
            return f"{head.upper()} {rest.replace('_', ' ').title()}"
        return self.value.title()

    @property
    def fungsional(self) -> bool:
        """Holds a jabatan fungsional, whose KP goes by angka kredit."""
        return self.startswith("jf_") or self in {Jabatan.GURU, Jabatan.DOSEN}

    @property
    def struktural(self) -> bool:
        """Holds a structural post (pengawas, administrator or JPT; formerly eselon IV..I)."""
        return not self.fungsional and self is not Jabatan.PELAKSANA


# Eselon of a structural post → the kind of position of UU 5/2014 (ASN) Pasal 131: eselon I.a
# and I.b are JPT madya (an eselon I.a heading a non-ministerial agency is JPT utama, which no
# regional government has), II is JPT pratama, III administrator, IV pengawas, V pelaksana.
ESELON_JABATAN: dict[str, Jabatan] = {
    "I": Jabatan.JPT_MADYA,
    "II": Jabatan.JPT_PRATAMA,
    "III": Jabatan.ADMINISTRATOR,
    "IV": Jabatan.PENGAWAS,
    "V": Jabatan.PELAKSANA,
}


def jabatan_for_eselon(eselon: str) -> Jabatan | None:
    """The position kind of an eselon ("I.b", "II.a", "IV", …); None when it is not one.

    Unknown values give None, never a guess: a wrong kind prints a wrong pension date
    (a JPT madya defaulted to pengawas would get BUP 58 instead of 60).
    """
    head = eselon.strip().upper().replace(" ", "").split(".")[0].split("/")[0]
    return ESELON_JABATAN.get(head)


def jabatan(value: str | Jabatan) -> Jabatan:
    """Parse a jabatan code ("pelaksana", "jf_ahli_muda", …), with an Indonesian error."""
    return parse_choice(Jabatan, value, "Jabatan", lambda s: s.strip().lower())


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months (back when negative); days past the 28th are clamped to
    it. TMT dates are always the 1st, so the clamp only keeps other dates valid."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return day.replace(year=year, month=month + 1, day=min(day.day, 28))


def anniversary(start: date, years: int) -> date:
    """``start`` plus whole years; 29 February falls on 28 February in common years.

    Used for time in rank (masa kerja dalam golongan) and for ages. Keeping a leap-day
    birthday inside February keeps it in the birth month, which is what the TMT pensiun
    rule counts from [ANEKA]; TMT pangkat dates are first-of-month, so the choice never
    matters for time in rank.
    """
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return start.replace(year=start.year + years, day=28)
