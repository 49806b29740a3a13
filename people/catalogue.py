"""The functional-position (jabatan fungsional) catalogue of a province.

Placeholder filled by the catalogue work; see the module history.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class JfType:
    code: str
    name: str
    kategori: str  # "keahlian" or "keterampilan"
    jenjang: tuple[str, ...]
    regulation: str


JF_CATALOGUE: tuple[JfType, ...] = ()
