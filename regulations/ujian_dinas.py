"""Ujian Dinas (UD) tingkat I and II, and the Ujian Penyesuaian Kenaikan Pangkat (UPKP).

Owns domain.md §6 (sources S004 = Standar Pelayanan Ujian Dinas/UPKP BKPSDM Singkawang,
WAJO, JKT, LUWU, TERNATE; legal basis named by S004: Perka BKN 33/2011):

* which UD the next KP reguler needs: tingkat I for II/d → III/a, tingkat II for
  III/d → IV/a, and who is exempt (S-1/D-IV or Diklatpim IV and equivalents for tingkat I;
  dokter/apoteker/S-2/S-3 or Diklatpim III and equivalents for tingkat II; any JF whose KP
  goes by angka kredit);
* whether an employee may sit the UD now (≥ 2 years in II/d or III/d, no hukuman disiplin
  sedang/berat being served, not on CLTN, not suspended, not on uang tunggu);
* whether an employee may sit the UPKP for a higher ijazah. The national minimum-rank table
  (Perka BKN 33/2011) is UNCONFIRMED, so it is :class:`UpkpConfig` data with the TERNATE
  table as our default.

It also owns the yearly-appraisal requirement ("every element at least baik for the last N
years") that KP and UPKP share, on top of :mod:`regulations.skp`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from types import MappingProxyType

from regulations.discipline import Level, parse_level
from regulations.inputs import (
    json_number,
    parse_iso_date,
    parse_json_argument,
    reject_unknown_fields,
    required,
)
from regulations.ranks import (
    Golongan,
    Jabatan,
    Pendidikan,
    anniversary,
    golongan,
    jabatan,
    pendidikan,
    starting_golongan,
)
from regulations.reasons import Reason, RuleInputError, Verdict
from regulations.skp import at_least_baik, predikat_for


class Tingkat(StrEnum):
    I = "I"  # noqa: E741 - the name of the exam
    II = "II"


class Diklat(StrEnum):
    """Leadership courses that exempt from an ujian dinas (old and current names)."""

    ADUM = "adum"
    ADUMLA = "adumla"
    SEPALA = "sepala"
    DIKLATPIM_IV = "diklatpim_iv"
    SEPADYA = "sepadya"
    SPAMA = "spama"
    DIKLATPIM_III = "diklatpim_iii"
    PKP = "pkp"  # Pelatihan Kepemimpinan Pengawas, successor of Diklatpim IV
    PKA = "pka"  # Pelatihan Kepemimpinan Administrator, successor of Diklatpim III


# The rank whose next step needs a UD, and which one (domain.md §6 rows "UD Tk I/II") [S004; WAJO].
TINGKAT_FOR_GOLONGAN: Mapping[str, Tingkat] = MappingProxyType({"II/d": Tingkat.I, "III/d": Tingkat.II})

# domain.md §6 "Exempt from UD Tk I/II" [S004; LUWU].
EXEMPT_DIKLAT: Mapping[Tingkat, frozenset[Diklat]] = MappingProxyType(
    {
        Tingkat.I: frozenset({Diklat.ADUM, Diklat.ADUMLA, Diklat.SEPALA, Diklat.DIKLATPIM_IV}),
        Tingkat.II: frozenset({Diklat.SEPADYA, Diklat.SPAMA, Diklat.DIKLATPIM_III}),
    }
)
# S-1/D-IV exempts from tingkat I; dokter/apoteker/S-2 (our S2) and S-3 from tingkat II. A higher
# ijazah exempts from the lower exam too: the exemption is "holds at least" that level.
EXEMPT_PENDIDIKAN: Mapping[Tingkat, frozenset[Pendidikan]] = MappingProxyType(
    {
        Tingkat.I: frozenset({Pendidikan.D4, Pendidikan.S1, Pendidikan.S2, Pendidikan.S3}),
        Tingkat.II: frozenset({Pendidikan.S2, Pendidikan.S3}),
    }
)

MIN_YEARS_IN_RANK_FOR_UD = 2  # domain.md §6: "≥ 2 years in II/d / III/d" [S004; WAJO; JKT]


@dataclass(frozen=True)
class UjianDinasConfig:
    """Choices the sources leave open (UNCONFIRMED), with our defaults.

    ``diklat_setara``: newer courses counted as an older exempting one. PKP and PKA replaced
    Diklatpim IV and III; that they exempt alike is our assumption, not in the sources.
    ``tingkat_ii_only_administrator``: S004/WAJO/LUWU/JKT describe UD tingkat II as being "for
    pejabat struktural eselon III" (today: administrator); set False to open it to everyone.
    """

    diklat_setara: Mapping[Diklat, Diklat] = field(
        default_factory=lambda: MappingProxyType(
            {Diklat.PKP: Diklat.DIKLATPIM_IV, Diklat.PKA: Diklat.DIKLATPIM_III}
        )
    )
    tingkat_ii_only_administrator: bool = True


DEFAULT_UJIAN_DINAS_CONFIG = UjianDinasConfig()


@dataclass(frozen=True)
class UpkpConfig:
    """The UPKP rank table, which differs between instansi (domain.md §6: TERNATE, JKT, WAJO).

    ``min_golongan``: lowest current rank allowed per new ijazah; ijazah absent from it have no
    minimum. Default TERNATE: SLTA/D-I → I/c, D-III → II/b, S-1/D-IV → II/c (the S-2 row,
    "III/a or lower", is the general ceiling below). Independently of this table the current
    rank must be below the starting rank of the new ijazah (PP 12/2002 Pasal 18 pattern
    [KERJAPNS]): there is nothing to adjust otherwise.
    ``min_years_in_rank``: ≥ 1 year in the current rank [DOCPL-PI, PP 12/2002; TERNATE; JKT].
    ``fungsional_allowed``: TERNATE excludes JF holders.
    ``appraisal_years``: appraisal at least baik for the last 1 year [S004; DOCPL-PI].
    """

    min_golongan: Mapping[Pendidikan, Golongan] = field(
        default_factory=lambda: MappingProxyType(
            {
                Pendidikan.SLTA: golongan("I/c"),
                Pendidikan.D1: golongan("I/c"),
                Pendidikan.D3: golongan("II/b"),
                Pendidikan.D4: golongan("II/c"),
                Pendidikan.S1: golongan("II/c"),
            }
        )
    )
    min_years_in_rank: int = 1
    fungsional_allowed: bool = False
    appraisal_years: int = 1


DEFAULT_UPKP_CONFIG = UpkpConfig()


# --- appraisals ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Appraisal:
    """One yearly SKP/PPK: its predikat, or its numeric score for the years that had one."""

    year: int
    predikat: str | None = None
    score: float | None = None
    innovation: bool = False  # PP 30/2019 Pasal 41: needed for Sangat Baik


def appraisal_failures(appraisals: Iterable[Appraisal], years: Iterable[int]) -> list[Reason]:
    """A reason for every year in ``years`` whose appraisal is missing or below baik."""
    by_year = {a.year: a for a in appraisals}
    failures = []
    for year in years:
        a = by_year.get(year)
        if a is None:
            failures.append(Reason("skp_tidak_ada", f"Penilaian kinerja (SKP) tahun {year} belum ada."))
            continue
        p = predikat_for(a.year, score=a.score, predikat=a.predikat, innovation=a.innovation)
        if not at_least_baik(p):
            failures.append(
                Reason("skp_kurang_dari_baik", f"Predikat SKP tahun {year} {p.label}, minimal Baik.")
            )
    return failures


# --- the employee ----------------------------------------------------------------------------


@dataclass(frozen=True)
class DisciplinePeriod:
    """A hukuman disiplin and the days it is served, ``end`` inclusive (None: not ended)."""

    level: Level
    start: date
    end: date | None = None

    def served_on(self, day: date) -> bool:
        """Whether the punishment is still being served on ``day``.

        A *ringan* punishment (teguran lisan, teguran tertulis, pernyataan tidak puas) has no
        duration (PP 94/2021 Pasal 8 ayat (2); PP 53/2010 Pasal 7 ayat (2)): it is given and
        done, so it is never "being served", whatever the record's end date says. Reading its
        missing end date as "not ended" would block a teguran's receiver for a whole career.
        """
        if self.level is Level.RINGAN:
            return False
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Pegawai:
    """What the UD and UPKP rules need to know about an employee."""

    golongan: Golongan
    tmt_golongan: date
    pendidikan: Pendidikan
    jabatan: Jabatan = Jabatan.PELAKSANA
    diklat: frozenset[Diklat] = frozenset()
    lulus_ujian_dinas: frozenset[Tingkat] = frozenset()
    hukuman: tuple[DisciplinePeriod, ...] = ()
    cltn: bool = False  # cuti di luar tanggungan negara
    diberhentikan_sementara: bool = False
    uang_tunggu: bool = False
    appraisals: tuple[Appraisal, ...] = ()


def status_failures(p: Pegawai, today: date) -> list[Reason]:
    """The negative conditions shared by UD, UPKP [S004] and every KP (domain.md §6): not
    serving a hukdis sedang/berat, not on CLTN, not suspended, not on uang tunggu."""
    failures = []
    if any(h.level in {Level.SEDANG, Level.BERAT} and h.served_on(today) for h in p.hukuman):
        failures.append(Reason("sedang_hukuman_disiplin", "Sedang menjalani hukuman disiplin sedang/berat."))
    if p.cltn:
        failures.append(Reason("cltn", "Sedang menjalani cuti di luar tanggungan negara (CLTN)."))
    if p.diberhentikan_sementara:
        failures.append(Reason("diberhentikan_sementara", "Sedang diberhentikan sementara sebagai PNS."))
    if p.uang_tunggu:
        failures.append(Reason("uang_tunggu", "Sedang menerima uang tunggu."))
    return failures


def years_in_rank_failures(p: Pegawai, on: date, years: int) -> list[Reason]:
    """A reason if ``p`` has not been ``years`` full years in the current rank on ``on``."""
    due = anniversary(p.tmt_golongan, years)
    if on >= due:
        return []
    return [
        Reason(
            "masa_golongan_kurang",
            f"Masa dalam golongan {p.golongan} belum {years} tahun (terpenuhi {due.isoformat()}).",
        )
    ]


# --- ujian dinas -----------------------------------------------------------------------------


def tingkat_for(current: Golongan | str) -> Tingkat | None:
    """The UD the next KP from ``current`` needs, if any."""
    return TINGKAT_FOR_GOLONGAN.get(golongan(current).code)


def exemption(
    tingkat: Tingkat,
    level: Pendidikan,
    position: Jabatan,
    diklat: Iterable[Diklat] = (),
    config: UjianDinasConfig = DEFAULT_UJIAN_DINAS_CONFIG,
) -> Reason | None:
    """Why an employee need not sit UD ``tingkat``, or None if they must (domain.md §6) [S004; LUWU]."""
    if position.fungsional:
        return Reason(
            "bebas_jabatan_fungsional",
            "Pejabat fungsional yang kenaikan pangkatnya dengan angka kredit dibebaskan dari ujian dinas.",
        )
    if level in EXEMPT_PENDIDIKAN[tingkat]:
        return Reason(
            "bebas_pendidikan",
            f"Ijazah {level.value} membebaskan dari ujian dinas tingkat {tingkat.value}.",
        )
    held = {config.diklat_setara.get(d, d) for d in diklat}
    passed = sorted(held & EXEMPT_DIKLAT[tingkat])
    if passed:
        return Reason(
            "bebas_diklat",
            f"Lulus {passed[0].value} membebaskan dari ujian dinas tingkat {tingkat.value}.",
        )
    return None


@dataclass(frozen=True)
class UjianDinasResult:
    tingkat: Tingkat | None  # the UD the next KP needs; None when it needs none
    exemption: Reason | None
    passed: bool  # already holds the STLUD of that tingkat
    eligible: Verdict  # may sit it now

    @property
    def must_sit(self) -> bool:
        """The next KP is blocked until this employee passes the UD."""
        return self.tingkat is not None and self.exemption is None and not self.passed

    def as_dict(self) -> dict:
        return {
            "tingkat": self.tingkat and self.tingkat.value,
            "must_sit": self.must_sit,
            "exempt": self.exemption is not None,
            "exemption": self.exemption and self.exemption.as_dict(),
            "passed": self.passed,
            "eligible": self.eligible.ok,
            "reasons": [r.as_dict() for r in self.eligible.reasons],
        }


def ujian_dinas(
    p: Pegawai, today: date, config: UjianDinasConfig = DEFAULT_UJIAN_DINAS_CONFIG
) -> UjianDinasResult:
    """Which UD the employee needs, whether exempt, and whether they may sit it on ``today``."""
    tingkat = tingkat_for(p.golongan)
    if tingkat is None:
        reason = Reason(
            "golongan_tanpa_ujian_dinas",
            f"Kenaikan pangkat dari {p.golongan} tidak memerlukan ujian dinas (hanya II/d dan III/d).",
        )
        return UjianDinasResult(None, None, False, Verdict.from_failures([reason]))
    exempt = exemption(tingkat, p.pendidikan, p.jabatan, p.diklat, config)
    passed = tingkat in p.lulus_ujian_dinas
    failures = []
    if exempt is not None:
        failures.append(exempt)
    if passed:
        failures.append(Reason("sudah_lulus", f"Sudah lulus ujian dinas tingkat {tingkat.value}."))
    if (
        tingkat is Tingkat.II
        and config.tingkat_ii_only_administrator
        and p.jabatan is not Jabatan.ADMINISTRATOR
    ):
        failures.append(
            Reason(
                "bukan_administrator",
                "Ujian dinas tingkat II untuk pejabat administrator (eselon III).",
            )
        )
    failures += years_in_rank_failures(p, today, MIN_YEARS_IN_RANK_FOR_UD)
    failures += status_failures(p, today)
    return UjianDinasResult(tingkat, exempt, passed, Verdict.from_failures(failures))


# --- UPKP ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class UpkpRequest:
    """The higher ijazah an employee wants recognised through UPKP (domain.md §6) [S004]."""

    ijazah: Pendidikan
    izin_belajar: bool  # obtained with izin belajar (or tugas belajar)
    terakreditasi: bool  # accredited/licensed institution; foreign degrees need equivalence
    sesuai_tugas: bool  # field matches the formation/duties


def upkp(p: Pegawai, request: UpkpRequest, today: date, config: UpkpConfig = DEFAULT_UPKP_CONFIG) -> Verdict:
    """Whether the employee may sit the UPKP on ``today``; reasons name every unmet condition."""
    failures = []
    target = starting_golongan(request.ijazah)
    if p.golongan >= target:
        failures.append(
            Reason(
                "golongan_sudah_setara_ijazah",
                f"Golongan {p.golongan} sudah setara atau di atas golongan ijazah "
                f"{request.ijazah.value} ({target}); tidak ada penyesuaian.",
            )
        )
    minimum = config.min_golongan.get(request.ijazah)
    if minimum is not None and p.golongan < minimum:
        failures.append(
            Reason(
                "golongan_di_bawah_minimum",
                f"UPKP ijazah {request.ijazah.value} minimal golongan {minimum}; saat ini {p.golongan}.",
            )
        )
    if p.jabatan.fungsional and not config.fungsional_allowed:
        failures.append(Reason("jabatan_fungsional", "Pejabat fungsional tidak dapat mengikuti UPKP."))
    if not request.izin_belajar:
        failures.append(Reason("tanpa_izin_belajar", "Ijazah tidak diperoleh dengan izin/tugas belajar."))
    if not request.terakreditasi:
        failures.append(
            Reason("tidak_terakreditasi", "Ijazah bukan dari perguruan tinggi terakreditasi/berizin.")
        )
    if not request.sesuai_tugas:
        failures.append(Reason("tidak_sesuai_tugas", "Bidang ijazah tidak sesuai dengan formasi/tugas."))
    failures += years_in_rank_failures(p, today, config.min_years_in_rank)
    years = range(today.year - config.appraisal_years, today.year)
    failures += appraisal_failures(p.appraisals, years)
    failures += status_failures(p, today)
    return Verdict.from_failures(failures)


# --- JSON input ------------------------------------------------------------------------------


def _enum_set(data: dict, name: str, kind: type[StrEnum]) -> frozenset:
    values = data.get(name, [])
    if not isinstance(values, list):
        raise RuleInputError(f"{name} harus berupa daftar.")
    by_key = {k.value.lower(): k for k in kind}
    unknown = [v for v in values if str(v).strip().lower() not in by_key]
    if unknown:
        choices = ", ".join(k.value for k in kind)
        raise RuleInputError(f"{name} berisi nilai tidak dikenal {unknown!r}. Pilihan: {choices}.")
    return frozenset(by_key[str(v).strip().lower()] for v in values)


def _bool(data: dict, name: str, default: bool = False) -> bool:
    value = data.get(name, default)
    if not isinstance(value, bool):
        raise RuleInputError(f"{name} harus true atau false.")
    return value


APPRAISAL_FIELDS = ("year", "predikat", "score", "innovation")
PEGAWAI_FIELDS = (
    "golongan",
    "tmt_golongan",
    "pendidikan",
    "jabatan",
    "diklat",
    "lulus_ujian_dinas",
    "hukuman",
    "cltn",
    "diberhentikan_sementara",
    "uang_tunggu",
    "appraisals",
)


def appraisals_from_json(data: dict, name: str = "appraisals") -> tuple[Appraisal, ...]:
    """``[{"year": 2025, "predikat": "baik"} | {"year": 2019, "score": 85}, …]``."""
    items = data.get(name, [])
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise RuleInputError(f'{name} harus daftar objek {{"year": ..., "predikat"/"score": ...}}.')
    result = []
    for item in items:
        reject_unknown_fields(item, APPRAISAL_FIELDS)
        year = json_number(item.get("year"), f"{name}: year", integer=True)
        if not isinstance(item.get("predikat", ""), str):
            raise RuleInputError(f'{name}: predikat tahun {year} harus teks, misalnya "baik".')
        result.append(Appraisal(year, item.get("predikat"), item.get("score"), _bool(item, "innovation")))
    if len({a.year for a in result}) != len(result):
        raise RuleInputError(f"{name}: setiap tahun hanya boleh satu penilaian.")
    return tuple(result)


def pegawai_from_json(data: dict) -> Pegawai:
    """The employee fields shared by the ujian-dinas and kp-reguler commands."""
    hukuman = data.get("hukuman", [])
    if not isinstance(hukuman, list) or not all(isinstance(h, dict) for h in hukuman):
        raise RuleInputError('hukuman harus daftar objek {"level": ..., "start": ..., "end": ...}.')
    for h in hukuman:
        reject_unknown_fields(h, ("level", "start", "end"))
    return Pegawai(
        golongan=golongan(required(data, "golongan")),
        tmt_golongan=parse_iso_date(required(data, "tmt_golongan"), "tmt_golongan"),
        pendidikan=pendidikan(required(data, "pendidikan")),
        jabatan=jabatan(data.get("jabatan", "pelaksana")),
        diklat=_enum_set(data, "diklat", Diklat),
        lulus_ujian_dinas=_enum_set(data, "lulus_ujian_dinas", Tingkat),
        hukuman=tuple(
            DisciplinePeriod(
                parse_level(str(required(h, "level"))),
                parse_iso_date(required(h, "start"), "hukuman.start"),
                None if h.get("end") is None else parse_iso_date(h["end"], "hukuman.end"),
            )
            for h in hukuman
        ),
        cltn=_bool(data, "cltn"),
        diberhentikan_sementara=_bool(data, "diberhentikan_sementara"),
        uang_tunggu=_bool(data, "uang_tunggu"),
        appraisals=appraisals_from_json(data),
    )


def command_ujian_dinas(argv: list[str]) -> dict:
    """``ujian-dinas JSON``: which UD, exempt or not, eligible now, and (with "upkp") UPKP."""
    data = parse_json_argument(argv)
    reject_unknown_fields(data, (*PEGAWAI_FIELDS, "today", "upkp"))
    today = parse_iso_date(required(data, "today"), "today")
    p = pegawai_from_json(data)
    result = {"today": today.isoformat(), "golongan": p.golongan.code, **ujian_dinas(p, today).as_dict()}
    if "upkp" in data:
        u = data["upkp"]
        if not isinstance(u, dict):
            raise RuleInputError('upkp harus objek {"ijazah": ..., ...}.')
        reject_unknown_fields(u, ("ijazah", "izin_belajar", "terakreditasi", "sesuai_tugas"))
        request = UpkpRequest(
            ijazah=pendidikan(required(u, "ijazah")),
            izin_belajar=_bool(u, "izin_belajar"),
            terakreditasi=_bool(u, "terakreditasi", True),
            sesuai_tugas=_bool(u, "sesuai_tugas", True),
        )
        result["upkp"] = upkp(p, request, today).as_dict()
    return result
