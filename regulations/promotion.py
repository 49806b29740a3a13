"""Kenaikan pangkat (KP): the KP periods, KP reguler and KP for jabatan fungsional.

Legal basis (domain.md §3, §13):

* KP periods: 1 April and 1 October up to 31 December 2023 [BKNDPS]; from 1 January 2024
  six periods, 1 February, April, June, August, October and December, Peraturan BKN 4/2023
  Pasal 2 [PERBKN4]. KP anumerta and KP pengabdian are not bound to the periods [PERBKN4].
* KP reguler, PP 99/2000 as amended by PP 12/2002 and Kep. Ka BKN 12/2002 [KPCODE; BKDLEB]:
  one rank at a time, ≥ 4 years in the current rank, appraisal at least baik for the last
  2 years, not above the highest rank of the ijazah (:data:`regulations.ranks.RANK_BOUNDS`)
  nor above the direct superior's rank, and the ujian dinas for II/d → III/a and III/d →
  IV/a unless exempt (:mod:`regulations.ujian_dinas`). Only for PNS holding neither a
  structural post nor a jabatan fungsional.
* Every KP: not while serving a hukuman disiplin sedang or berat, on CLTN, suspended
  (diberhentikan sementara) or on uang tunggu — the negative conditions seed 004 lists for the
  ujian dinas and UPKP that lead to a KP [S004]; a PNS serving a penalty cannot be promoted
  in the same period (PP 94/2021 punishes by demotion and tunjangan cuts for exactly that
  time). The article that says so for KP itself is UNCONFIRMED; :class:`KpConfig` can switch
  the check off. A *ringan* punishment has no duration and never blocks (PP 94/2021 Pasal 8(2)).
* KP jabatan fungsional, PP 99/2000 Pasal 13 [PASAL-PP99]: ≥ 2 years in rank, the angka
  kredit required, appraisal at least baik for the last 2 years, and within the pangkat range
  of the jenjang (:data:`regulations.credit_points.JENJANG_GOLONGAN`): above it the next step
  is a kenaikan jenjang (Peraturan BKN 3/2023) with its own conditions, not a KP.

Which calendar years "the last 2 years" are under the post-2019 SKP regimes is UNCONFIRMED;
:class:`KpConfig` holds our reading (the two years before the period's year).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from regulations.credit_points import Jenjang, jenjang_golongan
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
    add_months,
    anniversary,
    golongan,
    max_golongan_reguler,
    next_golongan,
    pendidikan,
    starting_golongan,
)
from regulations.reasons import Reason, RuleInputError, Verdict
from regulations.ujian_dinas import (
    DEFAULT_UJIAN_DINAS_CONFIG,
    DEFAULT_UPKP_CONFIG,
    PEGAWAI_FIELDS,
    Pegawai,
    UjianDinasConfig,
    UpkpConfig,
    UpkpRequest,
    appraisal_failures,
    exemption,
    pegawai_from_json,
    status_failures,
    tingkat_for,
    upkp,
    years_in_rank_failures,
)

# --- periods ---------------------------------------------------------------------------------

SIX_PERIODS_FROM = date(2024, 1, 1)  # Peraturan BKN 4/2023 Pasal 2 [PERBKN4]
PERIOD_MONTHS_UNTIL_2023 = (4, 10)  # 1 April, 1 October [BKNDPS; PERBKN4]
PERIOD_MONTHS_FROM_2024 = (2, 4, 6, 8, 10, 12)  # Peraturan BKN 4/2023 Pasal 2 [PERBKN4]


class JenisKp(StrEnum):
    REGULER = "reguler"
    FUNGSIONAL = "fungsional"  # KP pilihan for jabatan fungsional (PP 99/2000 Pasal 13)
    STRUKTURAL = "struktural"  # KP pilihan for a structural post
    PENYESUAIAN_IJAZAH = "penyesuaian_ijazah"  # KP pilihan after a UPKP (PP 12/2002 Pasal 18)
    PENGABDIAN = "pengabdian"
    ANUMERTA = "anumerta"


# KP anumerta and KP pengabdian may take effect on any date [PERBKN4].
OUTSIDE_PERIODS = frozenset({JenisKp.PENGABDIAN, JenisKp.ANUMERTA})


def kp_periods(year: int) -> list[date]:
    """The KP period dates (TMT) of a calendar year."""
    if not 1 <= year <= 9998:
        raise RuleInputError(f"Tahun {year} di luar rentang yang didukung.")
    months = PERIOD_MONTHS_FROM_2024 if year >= SIX_PERIODS_FROM.year else PERIOD_MONTHS_UNTIL_2023
    return [date(year, month, 1) for month in months]


def is_kp_period(day: date) -> bool:
    return day in kp_periods(day.year)


def is_valid_kp_tmt(day: date, jenis: JenisKp) -> bool:
    """Whether a KP of this kind may take effect on ``day``."""
    return jenis in OUTSIDE_PERIODS or is_kp_period(day)


def next_kp_period(after: date) -> date:
    """The first KP period strictly after ``after``."""
    for year in (after.year, after.year + 1):
        for period in kp_periods(year):
            if period > after:
                return period
    raise AssertionError("every year has a period in October or later")  # pragma: no cover


# --- eligibility -----------------------------------------------------------------------------

_AHLI_JENJANG = {
    Jabatan.JF_AHLI_PERTAMA: Jenjang.AHLI_PERTAMA,
    Jabatan.JF_AHLI_MUDA: Jenjang.AHLI_MUDA,
    Jabatan.JF_AHLI_MADYA: Jenjang.AHLI_MADYA,
    Jabatan.JF_AHLI_UTAMA: Jenjang.AHLI_UTAMA,
}

MIN_YEARS_IN_RANK_REGULER = 4  # [KPCODE]: PP 99/2000 as amended by PP 12/2002
MIN_YEARS_IN_RANK_FUNGSIONAL = 2  # PP 99/2000 Pasal 13 [PASAL-PP99]


@dataclass(frozen=True)
class KpConfig:
    """``appraisal_years``: how many calendar years before the period's year must have an
    appraisal of at least baik (domain.md §3.1: 2 years; which years, UNCONFIRMED).
    ``ujian_dinas``: the exemption choices used for II/d → III/a and III/d → IV/a."""

    appraisal_years: int = 2
    ujian_dinas: UjianDinasConfig = DEFAULT_UJIAN_DINAS_CONFIG
    status_blocks: bool = True  # hukdis sedang/berat being served, CLTN, suspension block a KP


DEFAULT_KP_CONFIG = KpConfig()


@dataclass(frozen=True)
class KpResult:
    """A KP decision for one period: the rank it leads to, its TMT, and every unmet condition."""

    jenis: JenisKp
    golongan: Golongan
    target: Golongan | None  # None at IV/e
    tmt: date
    verdict: Verdict

    @property
    def eligible(self) -> bool:
        return self.verdict.ok

    def as_dict(self) -> dict:
        return {
            "jenis": self.jenis.value,
            "eligible": self.eligible,
            "golongan": self.golongan.code,
            "target_golongan": self.target and self.target.code,
            "target_pangkat": self.target and self.target.pangkat,
            "tmt": self.tmt.isoformat(),
            "reasons": [r.as_dict() for r in self.verdict.reasons],
        }


def _check_period(period: date) -> None:
    if not is_kp_period(period):
        raise RuleInputError(
            f"{period.isoformat()} bukan periode KP; periode berikutnya {next_kp_period(period).isoformat()}."
        )


def _common_failures(p: Pegawai, period: date, years_in_rank: int, config: KpConfig) -> list[Reason]:
    """The employee's state at the period, time in rank, and the appraisals of the years before."""
    failures = status_failures(p, period) if config.status_blocks else []
    failures += years_in_rank_failures(p, period, years_in_rank)
    years = range(period.year - config.appraisal_years, period.year)
    return failures + appraisal_failures(p.appraisals, years)


def kp_reguler(
    p: Pegawai,
    period: date,
    atasan_golongan: Golongan | None = None,
    config: KpConfig = DEFAULT_KP_CONFIG,
) -> KpResult:
    """KP reguler at ``period`` (a KP period date, which is also the TMT).

    ``atasan_golongan`` is the direct superior's rank; None when there is none to compare.
    """
    _check_period(period)
    failures = []
    if p.jabatan.struktural or p.jabatan.fungsional:
        failures.append(
            Reason(
                "bukan_kp_reguler",
                f"Jabatan {p.jabatan.label} naik pangkat lewat KP pilihan, bukan KP reguler.",
            )
        )
    target = next_golongan(p.golongan)
    if target is None:
        failures.append(Reason("pangkat_puncak", f"Golongan {p.golongan} adalah golongan tertinggi."))
    failures += _common_failures(p, period, MIN_YEARS_IN_RANK_REGULER, config)
    if target is not None:
        ceiling = max_golongan_reguler(p.pendidikan)
        if target > ceiling:
            failures.append(
                Reason(
                    "melebihi_batas_ijazah",
                    f"Ijazah {p.pendidikan.value} paling tinggi {ceiling} lewat KP reguler; usulan {target}.",
                )
            )
        if atasan_golongan is not None and target > atasan_golongan:
            failures.append(
                Reason(
                    "melebihi_atasan",
                    f"Golongan {target} melebihi golongan atasan langsung ({atasan_golongan}).",
                )
            )
        tingkat = tingkat_for(p.golongan)
        if (
            tingkat is not None
            and tingkat not in p.lulus_ujian_dinas
            and exemption(tingkat, p.pendidikan, p.jabatan, p.diklat, config.ujian_dinas) is None
        ):
            failures.append(
                Reason(
                    "belum_lulus_ujian_dinas",
                    f"KP {p.golongan} ke {target} memerlukan lulus ujian dinas tingkat {tingkat.value}.",
                )
            )
    return KpResult(JenisKp.REGULER, p.golongan, target, period, Verdict.from_failures(failures))


def kp_fungsional(
    p: Pegawai,
    period: date,
    ak_current: float,
    ak_required: float,
    config: KpConfig = DEFAULT_KP_CONFIG,
    jenjang: Jenjang | None = None,
) -> KpResult:
    """KP of a jabatan fungsional holder at ``period`` (PP 99/2000 Pasal 13) [PASAL-PP99].

    ``jenjang``: the holder's jenjang, whose pangkat range caps the KP; None reads it from an
    ``ahli`` jabatan and skips the cap for keterampilan holders whose jenjang is not given.
    """
    _check_period(period)
    failures = []
    if not p.jabatan.fungsional:
        failures.append(
            Reason("bukan_jabatan_fungsional", f"Jabatan {p.jabatan.label} bukan jabatan fungsional.")
        )
    target = next_golongan(p.golongan)
    if target is None:
        failures.append(Reason("pangkat_puncak", f"Golongan {p.golongan} adalah golongan tertinggi."))
    level = jenjang or _AHLI_JENJANG.get(p.jabatan)
    if target is not None and level is not None:
        top = jenjang_golongan(level)[1]
        if target > top:
            failures.append(
                Reason(
                    "puncak_jenjang",
                    f"Golongan {p.golongan} adalah pangkat tertinggi jenjang {level.label}; golongan "
                    f"{target} dicapai lewat kenaikan jenjang (angka kredit jenjang, uji kompetensi, "
                    "formasi), bukan kenaikan pangkat (Peraturan BKN 3/2023).",
                )
            )
    failures += _common_failures(p, period, MIN_YEARS_IN_RANK_FUNGSIONAL, config)
    if ak_current < ak_required:
        failures.append(
            Reason(
                "angka_kredit_kurang",
                f"Angka kredit {ak_current:g} belum mencapai {ak_required:g} yang dipersyaratkan.",
            )
        )
    return KpResult(JenisKp.FUNGSIONAL, p.golongan, target, period, Verdict.from_failures(failures))


# --- KP pilihan struktural ------------------------------------------------------------------

# The pangkat range of each eselon, PP 100/2000 jo PP 13/2002 Lampiran (domain.md §3.3 quotes
# IV.a = III/c–III/d and III.a = IV/a–IV/b [BKDLEB]; the other rows are the same table).
ESELON_GOLONGAN: dict[str, tuple[str, str]] = {
    "I.a": ("IV/d", "IV/e"),
    "I.b": ("IV/c", "IV/e"),
    "II.a": ("IV/c", "IV/d"),
    "II.b": ("IV/b", "IV/c"),
    "III.a": ("IV/a", "IV/b"),
    "III.b": ("III/d", "IV/a"),
    "IV.a": ("III/c", "III/d"),
    "IV.b": ("III/b", "III/c"),
}


@dataclass(frozen=True)
class StrukturalConfig:
    """The time conditions of KP pilihan struktural, UNCONFIRMED (domain.md §3.3 has them from
    one code comment only): 4 years in rank and 1 in the post; the special case of a holder
    still below the eselon's lowest rank needs 1 year in rank and 1 in the post."""

    years_in_rank: int = 4
    years_in_post: int = 1
    below_range_years_in_rank: int = 1


DEFAULT_STRUKTURAL_CONFIG = StrukturalConfig()


def kp_struktural(
    p: Pegawai,
    period: date,
    eselon: str,
    tmt_jabatan: date,
    config: KpConfig = DEFAULT_KP_CONFIG,
    struktural: StrukturalConfig = DEFAULT_STRUKTURAL_CONFIG,
) -> KpResult:
    """KP pilihan of a structural official at ``period``: one rank up, not above the top of the
    eselon's pangkat range (PP 99/2000 jo PP 12/2002; ranges PP 13/2002)."""
    _check_period(period)
    if eselon not in ESELON_GOLONGAN:
        raise RuleInputError(f"Eselon tidak dikenal: {eselon!r}. Pilihan: {', '.join(ESELON_GOLONGAN)}.")
    failures = []
    if not p.jabatan.struktural:
        failures.append(Reason("bukan_struktural", f"Jabatan {p.jabatan.label} bukan jabatan struktural."))
    low, high = (golongan(g) for g in ESELON_GOLONGAN[eselon])
    target = next_golongan(p.golongan)
    if target is None:
        failures.append(Reason("pangkat_puncak", f"Golongan {p.golongan} adalah golongan tertinggi."))
    elif target > high:
        failures.append(
            Reason(
                "melebihi_jenjang_eselon",
                f"Golongan {target} melebihi pangkat tertinggi eselon {eselon} ({high}).",
            )
        )
    # Still below the eselon's lowest rank: the one-year special case.
    years = struktural.below_range_years_in_rank if p.golongan < low else struktural.years_in_rank
    failures += status_failures(p, period) if config.status_blocks else []
    failures += years_in_rank_failures(p, period, years)
    if period < anniversary(tmt_jabatan, struktural.years_in_post):
        failures.append(
            Reason(
                "masa_jabatan_kurang",
                f"Belum {struktural.years_in_post} tahun dalam jabatan struktural "
                f"(terpenuhi {anniversary(tmt_jabatan, struktural.years_in_post).isoformat()}).",
            )
        )
    failures += appraisal_failures(p.appraisals, range(period.year - config.appraisal_years, period.year))
    return KpResult(JenisKp.STRUKTURAL, p.golongan, target, period, Verdict.from_failures(failures))


# --- KP penyesuaian ijazah -------------------------------------------------------------------


def kp_penyesuaian_ijazah(
    p: Pegawai,
    period: date,
    request: UpkpRequest,
    lulus_upkp: bool,
    upkp_config: UpkpConfig = DEFAULT_UPKP_CONFIG,
) -> KpResult:
    """KP penyesuaian ijazah at ``period`` (PP 12/2002 Pasal 18): to the starting rank of the
    higher ijazah, for a holder below it who has passed the UPKP and meets its conditions
    (ijazah through izin belajar from an accredited institution, 1 year in rank, appraisal at
    least Baik for 1 year, no penalty being served) [KERJAPNS; S004]."""
    _check_period(period)
    failures = list(upkp(p, request, period, upkp_config).reasons)
    if not lulus_upkp:
        failures.append(Reason("belum_lulus_upkp", "Belum lulus ujian penyesuaian kenaikan pangkat (UPKP)."))
    target = starting_golongan(request.ijazah)
    return KpResult(
        JenisKp.PENYESUAIAN_IJAZAH,
        p.golongan,
        target if target > p.golongan else None,
        period,
        Verdict.from_failures(failures),
    )


# --- KP pengabdian ----------------------------------------------------------------------------

# (years of continuous service as PNS, months in the current rank) that earn a KP pengabdian,
# the first row met wins: PP 99/2000 (KP pengabdian; article number UNCONFIRMED, from memory
# of the PP's text, not in domain.md) — configurable.
PENGABDIAN_STEPS: tuple[tuple[int, int], ...] = ((30, 1), (20, 12), (10, 24))


def kp_pengabdian(
    p: Pegawai,
    tmt_pensiun: date,
    tmt_pns: date,
    steps: tuple[tuple[int, int], ...] = PENGABDIAN_STEPS,
) -> KpResult:
    """KP pengabdian for a PNS retiring on ``tmt_pensiun`` at the BUP: one rank up, taking effect
    on the first of the month before the TMT pensiun (not bound to the KP periods [PERBKN4]),
    if the service and time in rank of one row of ``steps`` are met on that day, the last year's
    appraisal is at least Baik and no hukdis sedang/berat is being served."""
    tmt = add_months(tmt_pensiun, -1)
    failures = []
    target = next_golongan(p.golongan)
    if target is None:
        failures.append(Reason("pangkat_puncak", f"Golongan {p.golongan} adalah golongan tertinggi."))
    met = any(
        tmt >= anniversary(tmt_pns, years) and tmt >= add_months(p.tmt_golongan, months)
        for years, months in steps
    )
    if not met:
        failures.append(
            Reason(
                "masa_kerja_pengabdian_kurang",
                "Masa kerja dan masa dalam golongan belum memenuhi KP pengabdian "
                + "; ".join(f"{y} tahun masa kerja dan {m} bulan dalam golongan" for y, m in steps)
                + ".",
            )
        )
    failures += status_failures(p, tmt)
    failures += appraisal_failures(p.appraisals, [tmt.year - 1])
    return KpResult(JenisKp.PENGABDIAN, p.golongan, target, tmt, Verdict.from_failures(failures))


# --- commands --------------------------------------------------------------------------------


def command_kp_periods(argv: list[str]) -> dict:
    """``kp-periods 2025`` → the year's KP period dates."""
    if len(argv) != 1 or not argv[0].strip().isdigit():
        raise RuleInputError("Berikan satu tahun, misalnya: kp-periods 2025.")
    year = int(argv[0])
    return {"year": year, "periods": [d.isoformat() for d in kp_periods(year)]}


def _period(data: dict) -> date:
    return parse_iso_date(required(data, "period"), "period")


def command_kp_reguler(argv: list[str]) -> dict:
    """``kp-reguler JSON`` → eligible, target golongan, TMT and reasons."""
    data = parse_json_argument(argv)
    reject_unknown_fields(data, (*PEGAWAI_FIELDS, "period", "atasan_golongan"))
    period = _period(data)
    atasan = data.get("atasan_golongan")
    result = kp_reguler(pegawai_from_json(data), period, None if atasan is None else golongan(atasan))
    return result.as_dict()


def _number(data: dict, name: str) -> float:
    return float(json_number(data.get(name), name, minimum=0))


def command_kp_fungsional(argv: list[str]) -> dict:
    """``kp-fungsional JSON``: like kp-reguler, with ``ak_current`` and ``ak_required``."""
    data = parse_json_argument(argv)
    reject_unknown_fields(data, (*PEGAWAI_FIELDS, "period", "ak_current", "ak_required"))
    period = _period(data)
    p = pegawai_from_json(data)
    return kp_fungsional(p, period, _number(data, "ak_current"), _number(data, "ak_required")).as_dict()


def command_kp_struktural(argv: list[str]) -> dict:
    """``kp-struktural JSON``: the employee fields plus ``period``, ``eselon`` and ``tmt_jabatan``."""
    data = parse_json_argument(argv)
    reject_unknown_fields(data, (*PEGAWAI_FIELDS, "period", "eselon", "tmt_jabatan"))
    period = _period(data)
    tmt_jabatan = parse_iso_date(required(data, "tmt_jabatan"), "tmt_jabatan")
    return kp_struktural(
        pegawai_from_json(data), period, str(required(data, "eselon")), tmt_jabatan
    ).as_dict()


def command_kp_penyesuaian_ijazah(argv: list[str]) -> dict:
    """``kp-penyesuaian-ijazah JSON``: the employee fields plus ``period``, ``ijazah`` (the new
    one), ``lulus_upkp`` and optionally ``izin_belajar``, ``terakreditasi``, ``sesuai_tugas``."""
    data = parse_json_argument(argv)
    flags = ("lulus_upkp", "izin_belajar", "terakreditasi", "sesuai_tugas")
    reject_unknown_fields(data, (*PEGAWAI_FIELDS, "period", "ijazah", *flags))
    for name in flags:
        if not isinstance(data.get(name, True), bool):
            raise RuleInputError(f"{name} harus true atau false.")
    request = UpkpRequest(
        ijazah=pendidikan(str(required(data, "ijazah"))),
        izin_belajar=data.get("izin_belajar", True),
        terakreditasi=data.get("terakreditasi", True),
        sesuai_tugas=data.get("sesuai_tugas", True),
    )
    return kp_penyesuaian_ijazah(
        pegawai_from_json(data), _period(data), request, bool(data.get("lulus_upkp", False))
    ).as_dict()


def command_kp_pengabdian(argv: list[str]) -> dict:
    """``kp-pengabdian JSON``: the employee fields plus ``tmt_pensiun`` and ``tmt_pns``."""
    data = parse_json_argument(argv)
    reject_unknown_fields(data, (*PEGAWAI_FIELDS, "tmt_pensiun", "tmt_pns"))
    return kp_pengabdian(
        pegawai_from_json(data),
        parse_iso_date(required(data, "tmt_pensiun"), "tmt_pensiun"),
        parse_iso_date(required(data, "tmt_pns"), "tmt_pns"),
    ).as_dict()
