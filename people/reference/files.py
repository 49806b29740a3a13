"""The functional-position (jabatan fungsional, JF) catalogue of a provincial government, read
from ``people/content/jabatan_fungsional.csv`` (one row per JF type and kategori).

A JF that has both a keahlian and a keterampilan ladder (Perawat, Arsiparis, Pranata
Komputer…) has two rows, because SIASN keeps them as separate positions and because a
person's kategori follows their ijazah (keterampilan from D-III or SLTA, keahlian from S-1/D-IV).
``base_name`` is the name used in a position title ("Perawat Ahli Muda", "Perawat Mahir").

The columns: ``group`` (the field of government, to keep the file readable), ``code``,
``name``, ``kategori`` (keahlian or keterampilan), ``jenjang`` (the codes of
``regulations.credit_points.Jenjang`` the ladder has, lowest first, separated by spaces:
keterampilan ``pemula`` < ``terampil`` < ``mahir`` < ``penyelia``; keahlian ``ahli_pertama`` <
``ahli_muda`` < ``ahli_madya`` < ``ahli_utama``, as PermenPAN-RB 1/2023 Pasal 7–8 groups them),
``regulation`` (the legal basis cited), ``verified`` (where the regulation's number was
confirmed) and ``note``. Which ladder a JF has is the usual one for the JF; the ladders were not
checked one by one against each regulation.

Legal basis: a regulation *number* is given only where it was confirmed against a copy of the
regulation or of a document quoting it (the ``verified`` column says which), or where it is
widely cited and we are confident of it. Everything else names the regulation by title only
("PermenPAN-RB tentang Jabatan Fungsional …"); see docs/demo-data.md. Several JF were since
re-regulated (e.g. the ketenagakerjaan family by PermenPAN-RB 21/2025): the citation is the
regulation that set the position up or the one we could confirm.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from regulations.credit_points import Jenjang

CATALOGUE_FILE = Path(__file__).resolve().parent.parent / "content" / "jabatan_fungsional.csv"
COLUMNS = ("group", "code", "name", "kategori", "jenjang", "regulation", "verified", "note")

KEAHLIAN = "keahlian"
KETERAMPILAN = "keterampilan"
# The ladder of each kategori, lowest first: a row's jenjang must be a run of its kategori's.
LADDERS = {
    KETERAMPILAN: (Jenjang.PEMULA, Jenjang.TERAMPIL, Jenjang.MAHIR, Jenjang.PENYELIA),
    KEAHLIAN: (Jenjang.AHLI_PERTAMA, Jenjang.AHLI_MUDA, Jenjang.AHLI_MADYA, Jenjang.AHLI_UTAMA),
}
CODE = re.compile(r"[a-z][a-z0-9_]*")


class CatalogueFileError(ValueError):
    """The catalogue file does not fit; the message names the line and the column."""


@dataclass(frozen=True)
class JfType:
    code: str
    name: str
    kategori: str  # "keahlian" or "keterampilan"
    jenjang: tuple[str, ...]
    regulation: str

    @property
    def base_name(self) -> str:
        """The name without the "(Keterampilan)" marker: what a position title starts with."""
        return self.name.removesuffix(" (Keterampilan)")


def _row(row: dict, where: str) -> JfType:
    for column in ("code", "name", "kategori", "jenjang", "regulation"):
        if not (row.get(column) or "").strip():
            raise CatalogueFileError(f"{where}: the column '{column}' is empty")
    code, kategori = row["code"].strip(), row["kategori"].strip()
    if not CODE.fullmatch(code):
        raise CatalogueFileError(f"{where}: code {code!r} must be lower-case letters, digits and _")
    if kategori not in LADDERS:
        raise CatalogueFileError(f"{where}: kategori {kategori!r} is neither {KEAHLIAN} nor {KETERAMPILAN}")
    jenjang = tuple(row["jenjang"].split())
    ladder = [j.value for j in LADDERS[kategori]]
    if any(j not in ladder for j in jenjang):
        raise CatalogueFileError(
            f"{where}: jenjang {' '.join(jenjang)!r} holds a code outside {' '.join(ladder)}"
        )
    if list(jenjang) != sorted(set(jenjang), key=ladder.index):
        raise CatalogueFileError(
            f"{where}: jenjang must go from the lowest up, each once ({' '.join(ladder)})"
        )
    return JfType(code, row["name"].strip(), kategori, jenjang, row["regulation"].strip())


def load_catalogue(path: Path = CATALOGUE_FILE) -> tuple[JfType, ...]:
    """Every row of the catalogue file, checked."""
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise CatalogueFileError(f"{path.name}: the columns must be {', '.join(COLUMNS)}")
        rows = tuple(_row(row, f"{path.name}, line {reader.line_num}") for row in reader)
    codes = [jf.code for jf in rows]
    if twice := sorted({c for c in codes if codes.count(c) > 1}):
        raise CatalogueFileError(f"{path.name}: code(s) {', '.join(twice)} appear more than once")
    return rows


JF_CATALOGUE: tuple[JfType, ...] = load_catalogue()
JF_BY_CODE: dict[str, JfType] = {jf.code: jf for jf in JF_CATALOGUE}
