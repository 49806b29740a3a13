"""Daftar Urut Kepangkatan (DUK): the order in which the civil servants of a unit are listed.

Legal basis: PP 15/1979 tentang Daftar Urut Kepangkatan PNS (the measures, applied one after
the other: pangkat, jabatan, masa kerja, latihan jabatan, pendidikan, usia) and its technical
guidance, Surat Edaran Kepala BAKN 03/SE/1980 (section II, letters b–g), which says how each
measure breaks a tie:

- **pangkat**: the higher golongan first; in the same golongan, the one longer in it (the
  earlier TMT) first;
- **jabatan**: same golongan from the same date → the higher jabatan first; of equal
  jabatan, the one who has held it longer first;
- **masa kerja**: then the longer masa kerja (the one counted for salary) first;
- **latihan jabatan**: then whoever passed the prescribed leadership training first, the
  higher level before the lower, and of the same level the earlier graduate first;
- **pendidikan**: then the higher education first;
- **usia**: then the older first.

The numbering of the articles inside PP 15/1979 is not confirmed here (docs/regulations.md).
Our choices where the 1979/1980 texts predate today's positions: a jabatan's level is its
eselon (I.a highest); a functional or pelaksana position ranks below every eselon and equal
among themselves, since the SE knows only structural levels. The leadership training levels
are those of the old Diklatpim (I highest, IV lowest), to which PKN/PKA/PKP correspond.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from regulations.inputs import (
    json_list,
    json_number,
    parse_iso_date,
    parse_json_argument,
    reject_unknown_fields,
    required,
)
from regulations.ranks import Pendidikan, golongan, pendidikan
from regulations.reasons import RuleInputError

# Eselon → level (higher is higher). Functional and pelaksana positions are 0.
ESELON_LEVEL = {"I.a": 8, "I.b": 7, "II.a": 6, "II.b": 5, "III.a": 4, "III.b": 3, "IV.a": 2, "IV.b": 1}
# Education, lowest first (regulations.ranks.Pendidikan's order).
PENDIDIKAN_ORDER = tuple(Pendidikan)


# The leadership trainings by name: the old Diklatpim I–IV and the PKN I/II, PKA and PKP that
# replaced them (PKN I ~ Diklatpim I … PKP ~ Diklatpim IV).
_TIER = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def latihan_level(name: str) -> int:
    """4 for Diklatpim I / PKN I … 1 for Diklatpim IV / PKP; 0 for a name that is none of them."""
    text = name.lower()
    if re.search(r"\bpkp\b|kepemimpinan pengawas", text):
        return 1
    if re.search(r"\bpka\b|kepemimpinan administrator", text):
        return 2
    found = re.search(r"(pim|kepemimpinan|pkn)\D*?\b(iv|iii|ii|i|[1-4])\b", text)
    if not found:
        return 0
    tier = _TIER[found.group(2)]
    if found.group(1) == "pkn":
        return 4 if tier == 1 else 3
    return 5 - tier


@dataclass(frozen=True)
class DukEntry:
    """What the DUK order looks at for one employee. ``latihan_level`` is the highest
    leadership training passed (4 = Diklatpim I … 1 = Diklatpim IV, 0 = none) and
    ``latihan_year`` the year it was passed."""

    key: str  # the caller's identifier (a NIP), returned in the order
    golongan: str
    tmt_golongan: date
    eselon: str = ""
    tmt_jabatan: date | None = None
    masa_kerja_months: int = 0
    latihan_level: int = 0
    latihan_year: int | None = None
    pendidikan: str | None = None
    tanggal_lahir: date | None = None


_LATE = date.max


def sort_key(entry: DukEntry) -> tuple:
    """Ascending key: the first in the DUK has the smallest key."""
    rank = golongan(entry.golongan).order
    level = ESELON_LEVEL.get(entry.eselon, 0)
    education = PENDIDIKAN_ORDER.index(pendidikan(entry.pendidikan)) if entry.pendidikan else -1
    return (
        -rank,
        entry.tmt_golongan,
        -level,
        (entry.tmt_jabatan or _LATE) if level else _LATE,
        -entry.masa_kerja_months,
        -entry.latihan_level,
        entry.latihan_year if entry.latihan_level and entry.latihan_year else 9999,
        -education,
        entry.tanggal_lahir or _LATE,
        entry.key,  # no two names share a number: a stable last resort
    )


def duk_order(entries: Iterable[DukEntry]) -> list[DukEntry]:
    """The entries in DUK order, number 1 first."""
    return sorted(entries, key=sort_key)


def command_duk(argv: list[str]) -> dict:
    """``duk JSON``: ``{"pegawai": [{"key", "golongan", "tmt_golongan", "eselon",
    "tmt_jabatan", "masa_kerja_months", "latihan_level", "latihan_year", "pendidikan",
    "tanggal_lahir"}, …]}`` → the keys in DUK order."""
    data = parse_json_argument(argv)
    reject_unknown_fields(data, ("pegawai",))
    entries = []
    fields = (
        "key",
        "golongan",
        "tmt_golongan",
        "eselon",
        "tmt_jabatan",
        "masa_kerja_months",
        "latihan_level",
        "latihan_year",
        "pendidikan",
        "tanggal_lahir",
    )
    for i, item in enumerate(json_list(required(data, "pegawai"), "pegawai")):
        where = f"pegawai[{i}]"
        if not isinstance(item, dict):
            raise RuleInputError(f"{where} harus objek JSON.")
        reject_unknown_fields(item, fields, where)
        eselon = str(item.get("eselon") or "")
        if eselon and eselon not in ESELON_LEVEL:
            raise RuleInputError(f"{where}.eselon tidak dikenal: {eselon!r}.")
        entries.append(
            DukEntry(
                key=str(required(item, "key")),
                golongan=golongan(str(required(item, "golongan"))).code,
                tmt_golongan=parse_iso_date(required(item, "tmt_golongan"), f"{where}.tmt_golongan"),
                eselon=eselon,
                tmt_jabatan=parse_iso_date(item["tmt_jabatan"], f"{where}.tmt_jabatan")
                if item.get("tmt_jabatan")
                else None,
                masa_kerja_months=int(
                    json_number(
                        item.get("masa_kerja_months", 0),
                        f"{where}.masa_kerja_months",
                        integer=True,
                        minimum=0,
                        maximum=1200,
                    )
                ),
                latihan_level=int(
                    json_number(
                        item.get("latihan_level", 0),
                        f"{where}.latihan_level",
                        integer=True,
                        minimum=0,
                        maximum=4,
                    )
                ),
                latihan_year=int(
                    json_number(
                        item["latihan_year"],
                        f"{where}.latihan_year",
                        integer=True,
                        minimum=1900,
                        maximum=2200,
                    )
                )
                if item.get("latihan_year") is not None
                else None,
                pendidikan=pendidikan(str(item["pendidikan"])).value if item.get("pendidikan") else None,
                tanggal_lahir=parse_iso_date(item["tanggal_lahir"], f"{where}.tanggal_lahir")
                if item.get("tanggal_lahir")
                else None,
            )
        )
    return {"urutan": [e.key for e in duk_order(entries)]}
