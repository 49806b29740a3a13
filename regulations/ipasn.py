"""IP-ASN (Indeks Profesionalitas ASN): the four dimensions, the total, its category and
what would raise it.

Legal basis: PermenPAN-RB 38/2018 and Peraturan BKN 8/2019 (in force on promulgation,
15 May 2019, Pasal 22) [LELEMUKU; KONTAN]. Domain.md §1. The weights already live in the
point values, so IP = kualifikasi (max 25) + kompetensi (40) + kinerja (30) + disiplin (5).

Only the kualifikasi top rows and the kompetensi indicators for structural officials and
JF are regulation text (Perban 8/2019 Pasal 8 [PASAL-BKN8]); the rest of the tables, the
look-back windows and the category boundaries for fractions come from two independent
implementations [SILKA; SIMIP] and are UNCONFIRMED: they are fields of :class:`IpAsnConfig`.

:func:`score` is the hot path (whole-agency recomputation): it only reads tables compiled
once per config and allocates nothing but its result. :func:`assess` adds the reasons and
the suggestions for one employee.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from types import MappingProxyType

from regulations.discipline import Level, level_of, parse_level
from regulations.inputs import (
    angka,
    json_list,
    json_number,
    json_object,
    parse_choice,
    parse_json_argument,
    reject_unknown_fields,
)
from regulations.ranks import Jabatan, Pendidikan, pendidikan
from regulations.reasons import Reason, RuleInputError
from regulations.skp import DEFAULT_SKP_CONFIG, Predikat, Regime, SkpConfig, predikat_for, regime_for

_NO_WINDOW = 10_000  # years: "no look-back limit"


class Position(StrEnum):
    """The position kinds whose kompetensi indicators differ (Perban BKN 8/2019 Pasal 8)."""

    PELAKSANA = "pelaksana"
    JF = "jf"
    PENGAWAS = "pengawas"
    ADMINISTRATOR = "administrator"
    JPT = "jpt"


class JenisPelatihan(StrEnum):
    """Perban BKN 8/2019 Pasal 8 ayat (3) huruf a–d: the kompetensi indicators."""

    KEPEMIMPINAN = "kepemimpinan"
    FUNGSIONAL = "fungsional"
    TEKNIS = "teknis"
    SEMINAR = "seminar"  # seminar / workshop / magang / kursus / sejenisnya


class Kategori(StrEnum):
    SANGAT_TINGGI = "sangat_tinggi"
    TINGGI = "tinggi"
    SEDANG = "sedang"
    RENDAH = "rendah"
    SANGAT_RENDAH = "sangat_rendah"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").title()


# §1.2 Kualifikasi. S-3 25 and S-2 20 are Perban 8/2019 text [LELEMUKU]; S-1/D-IV 15 and
# D-III 10 [S003; SILKA; SIMIP]; SLTA/D-I/D-II 5 and below SLTA 1 are code-only (UNCONFIRMED).
# SGPLB is a post-SLTA diploma with the starting rank of D-II (§2.2), so it scores as D-II.
KUALIFIKASI_POINTS: Mapping[Pendidikan, float] = MappingProxyType(
    {
        Pendidikan.S3: 25,
        Pendidikan.S2: 20,
        Pendidikan.S1: 15,
        Pendidikan.D4: 15,
        Pendidikan.D3: 10,
        Pendidikan.D2: 5,
        Pendidikan.D1: 5,
        Pendidikan.SGPLB: 5,
        Pendidikan.SLTA: 5,
        Pendidikan.SLTP_KEJURUAN: 1,
        Pendidikan.SLTP: 1,
        Pendidikan.SD: 1,
    }
)

# The educations a kualifikasi suggestion can name, in order: it names the first that scores more.
_EDUCATION_LADDER = (Pendidikan.SLTA, Pendidikan.D3, Pendidikan.S1, Pendidikan.S2, Pendidikan.S3)
_EDUCATION_LABEL = {
    Pendidikan.SLTA: "SLTA/sederajat",
    Pendidikan.D3: "D-III",
    Pendidikan.S1: "S-1/D-IV",
    Pendidikan.S2: "S-2",
    Pendidikan.S3: "S-3",
}

_STRUCTURAL = MappingProxyType(
    {JenisPelatihan.KEPEMIMPINAN: 15, JenisPelatihan.TEKNIS: 15, JenisPelatihan.SEMINAR: 10}
)
# §1.3 Kompetensi: which indicators apply to which position, and their points when met.
# Kepemimpinan 15 (Pasal 8(4)), fungsional 15 (Pasal 8(5)), teknis ≥ 20 JP 15 (Pasal 8(6)a)
# are regulation text [PASAL-BKN8]; seminar 10 and pelaksana's 22.5 / 17.5 are code-only
# [SILKA; SIMIP] (UNCONFIRMED). Every position can reach 40.
KOMPETENSI_POINTS: Mapping[Position, Mapping[JenisPelatihan, float]] = MappingProxyType(
    {
        Position.PELAKSANA: MappingProxyType({JenisPelatihan.TEKNIS: 22.5, JenisPelatihan.SEMINAR: 17.5}),
        Position.JF: MappingProxyType(
            {JenisPelatihan.FUNGSIONAL: 15, JenisPelatihan.TEKNIS: 15, JenisPelatihan.SEMINAR: 10}
        ),
        Position.PENGAWAS: _STRUCTURAL,
        Position.ADMINISTRATOR: _STRUCTURAL,
        Position.JPT: _STRUCTURAL,
    }
)

# Look-back windows in calendar years counting the measurement year (1 = this year only,
# 2 = this and last year; None = no limit) [SILKA; SIMIP labels]; UNCONFIRMED.
# Teknis counts the measurement year only, for every position: the indicator is "20 jam
# pelajaran per tahun" [S003], the yearly minimum of PP 11/2017 Pasal 203(4) as amended by
# PP 17/2020, and SILKA's own pelaksana rule; SILKA's cumulative count for the other
# positions would let one 20 JP course in a career keep the 15 points for ever.
TRAINING_WINDOWS: Mapping[JenisPelatihan, int | None] = MappingProxyType(
    {
        JenisPelatihan.KEPEMIMPINAN: None,
        JenisPelatihan.FUNGSIONAL: None,
        JenisPelatihan.TEKNIS: 1,
        JenisPelatihan.SEMINAR: 2,
    }
)
PELAKSANA_TRAINING_WINDOWS: Mapping[JenisPelatihan, int | None] = MappingProxyType(
    {JenisPelatihan.TEKNIS: 1}  # "minimal 20 JP dalam 1 tahun terakhir" [SILKA]
)

# §1.4 Kinerja from the previous year's SKP. The table is keyed to the PP 46/2011 numeric
# score (0–100), as (exclusive lower bound, points), best first: 91–100 → 30, 76–90 → 25,
# 61–75 → 15, 51–60 → 5, ≤ 50 → 1, with SILKA's "> 90" convention for fractions; code-confirmed
# ×2 [SILKA; SIMIP], regulation text UNCONFIRMED. A numeric score is read on this table in
# every year except PP 30/2019 years, whose 0–120 scale goes through the predikat instead.
KINERJA_SCORE_FLOORS: tuple[tuple[float, float], ...] = ((90, 30), (75, 25), (60, 15), (50, 5))
KINERJA_SCORE_BOTTOM = 1
# A predikat (PP 30/2019, PermenPAN-RB 6/2022) maps onto the same points; Butuh Perbaikan as
# Cukup and Sangat Kurang as Buruk is an assumption (UNCONFIRMED).
KINERJA_POINTS: Mapping[Predikat, float] = MappingProxyType(
    {
        Predikat.SANGAT_BAIK: 30,
        Predikat.BAIK: 25,
        Predikat.CUKUP: 15,
        Predikat.BUTUH_PERBAIKAN: 15,
        Predikat.KURANG: 5,
        Predikat.SANGAT_KURANG: 1,
        Predikat.BURUK: 1,
    }
)
KINERJA_NO_SKP_POINTS = 0  # no SKP for the previous year [SILKA]

# §1.5 Disiplin: the worst level within the look-back window [SILKA; SIMIP; S003].
DISIPLIN_POINTS: Mapping[Level | None, float] = MappingProxyType(
    {None: 5, Level.RINGAN: 3, Level.SEDANG: 2, Level.BERAT: 1}
)

# §1.6 Category bands (Perban 8/2019 [KONTAN]) as (exclusive lower bound, kategori), best
# first. Integer bands are regulation text; the fraction convention (90.5 → Sangat Tinggi,
# 60.5 → Rendah) is SILKA's ``getkategoriip`` (UNCONFIRMED).
KATEGORI_FLOORS: tuple[tuple[float, Kategori], ...] = (
    (90, Kategori.SANGAT_TINGGI),
    (80, Kategori.TINGGI),
    (70, Kategori.SEDANG),
    (60, Kategori.RENDAH),
)


@dataclass(frozen=True, slots=True)
class IpAsnConfig:
    """Every IP-ASN value that domain.md marks UNCONFIRMED, with our defaults (see the tables)."""

    kualifikasi_points: Mapping[Pendidikan, float] = KUALIFIKASI_POINTS
    kompetensi_points: Mapping[Position, Mapping[JenisPelatihan, float]] = KOMPETENSI_POINTS
    training_windows: Mapping[JenisPelatihan, int | None] = TRAINING_WINDOWS
    pelaksana_training_windows: Mapping[JenisPelatihan, int | None] = PELAKSANA_TRAINING_WINDOWS
    teknis_min_hours: int = 20  # Pasal 8(6)a
    kinerja_score_floors: tuple[tuple[float, float], ...] = KINERJA_SCORE_FLOORS
    kinerja_score_bottom: float = KINERJA_SCORE_BOTTOM
    kinerja_points: Mapping[Predikat, float] = KINERJA_POINTS
    kinerja_no_skp_points: float = KINERJA_NO_SKP_POINTS
    skp_years_back: int = 1  # SILKA scores the previous year's SKP
    disiplin_points: Mapping[Level | None, float] = DISIPLIN_POINTS
    disiplin_window: int = 5  # the measurement year and the 4 before it [SILKA]
    kategori_floors: tuple[tuple[float, Kategori], ...] = KATEGORI_FLOORS
    skp: SkpConfig = DEFAULT_SKP_CONFIG
    # Lookup tables derived once, so that score() does no per-call set-up.
    _kompetensi: dict = field(init=False, repr=False, compare=False)
    _disiplin: tuple = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Per position: (points if met, window in years) for each JenisPelatihan, in enum order.
        kompetensi = {
            position: tuple(
                (self.kompetensi_points[position].get(kind, 0), self.window(position, kind) or _NO_WINDOW)
                for kind in JenisPelatihan
            )
            for position in Position
        }
        object.__setattr__(self, "_kompetensi", kompetensi)
        # Disiplin points indexed by severity: 0 = none, 1 = ringan … 3 = berat.
        object.__setattr__(
            self, "_disiplin", (self.disiplin_points[None], *map(self.disiplin_points.get, Level))
        )

    def window(self, position: Position, kind: JenisPelatihan) -> int | None:
        """Look-back window in calendar years (None: unlimited) for ``kind`` in ``position``."""
        if position is Position.PELAKSANA and kind in self.pelaksana_training_windows:
            return self.pelaksana_training_windows[kind]
        return self.training_windows.get(kind)


DEFAULT_CONFIG = IpAsnConfig()


# ---------------------------------------------------------------------------- inputs


@dataclass(frozen=True, slots=True)
class Training:
    kind: JenisPelatihan
    year: int
    hours: int = 0  # jam pelajaran (JP)
    matches_position: bool = True  # only kepemimpinan and fungsional must match the position


@dataclass(frozen=True, slots=True)
class SkpRecord:
    """One yearly appraisal: a ``score`` or a ``predikat`` (see :func:`kinerja_points`)."""

    year: int
    score: float | None = None
    predikat: str | None = None
    innovation: bool = False  # PP 30/2019 Pasal 41: needed for Sangat Baik


@dataclass(frozen=True, slots=True)
class DisciplineRecord:
    level: Level
    year: int


@dataclass(frozen=True, slots=True)
class IpAsnProfile:
    year: int  # the measurement year
    education: Pendidikan
    position: Position
    trainings: tuple[Training, ...] = ()
    skp: SkpRecord | None = None
    discipline: tuple[DisciplineRecord, ...] = ()


# ---------------------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class IpAsnScore:
    kualifikasi: float
    kompetensi: float
    kinerja: float
    disiplin: float
    total: float
    kategori: Kategori


@dataclass(frozen=True, slots=True)
class Suggestion:
    """An action that would raise the score by exactly ``gain``; ``applied`` is the profile with it done."""

    code: str
    message: str
    gain: float
    applied: IpAsnProfile

    def as_dict(self) -> dict:
        return {"code": self.code, "message": self.message, "gain": self.gain}


@dataclass(frozen=True, slots=True)
class IpAsnResult:
    score: IpAsnScore
    reasons: tuple[Reason, ...]
    suggestions: tuple[Suggestion, ...]

    def as_dict(self) -> dict:
        s = self.score
        return {
            "kualifikasi": s.kualifikasi,
            "kompetensi": s.kompetensi,
            "kinerja": s.kinerja,
            "disiplin": s.disiplin,
            "total": s.total,
            "kategori": s.kategori.label,
            "kategori_code": s.kategori.value,
            "reasons": [r.as_dict() for r in self.reasons],
            "suggestions": [x.as_dict() for x in self.suggestions],
        }


# ---------------------------------------------------------------------------- scoring

_KEPEMIMPINAN, _FUNGSIONAL, _TEKNIS, _SEMINAR = JenisPelatihan
_SEVERITY = {level: level.severity for level in Level}  # a dict lookup beats the property


def kategori_for(total: float, config: IpAsnConfig = DEFAULT_CONFIG) -> Kategori:
    """The IP-ASN category of a total (§1.6)."""
    for floor, kategori in config.kategori_floors:
        if total > floor:
            return kategori
    return Kategori.SANGAT_RENDAH


def skp_predikat(skp: SkpRecord, config: IpAsnConfig = DEFAULT_CONFIG) -> Predikat:
    return predikat_for(skp.year, skp.score, skp.predikat, skp.innovation, config.skp)


def kinerja_points(skp: SkpRecord, config: IpAsnConfig = DEFAULT_CONFIG) -> float:
    """IP-ASN kinerja points of one SKP record (§1.4), whatever the year's appraisal regime."""
    value = skp.score
    if value is None or regime_for(skp.year, config.skp) is Regime.PP_30_2019:
        return config.kinerja_points[skp_predikat(skp, config)]
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 100:
        raise RuleInputError(f"Nilai SKP tahun {skp.year} harus angka 0–100, bukan {value!r}.")
    for floor, points in config.kinerja_score_floors:
        if value > floor:
            return points
    return config.kinerja_score_bottom


def score(profile: IpAsnProfile, config: IpAsnConfig = DEFAULT_CONFIG) -> IpAsnScore:
    """The four dimension scores, their total and its category."""
    year = profile.year
    (lead_pts, lead_win), (func_pts, func_win), (tek_pts, tek_win), (sem_pts, sem_win) = config._kompetensi[
        profile.position
    ]

    lead = func = seminar = False
    teknis_hours = 0
    for t in profile.trainings:
        age = year - t.year
        if age < 0:
            continue
        kind = t.kind
        if kind is _TEKNIS:
            if age < tek_win:
                teknis_hours += t.hours
        elif kind is _SEMINAR:
            seminar = seminar or age < sem_win
        elif kind is _KEPEMIMPINAN:
            lead = lead or (t.matches_position and age < lead_win)
        else:
            func = func or (t.matches_position and age < func_win)
    kompetensi = (
        (lead_pts if lead else 0)
        + (func_pts if func else 0)
        + (tek_pts if teknis_hours >= config.teknis_min_hours else 0)
        + (sem_pts if seminar else 0)
    )

    skp = profile.skp
    if skp is None or skp.year != year - config.skp_years_back:
        kinerja = config.kinerja_no_skp_points
    else:
        kinerja = kinerja_points(skp, config)

    worst = 0
    window = config.disiplin_window
    for d in profile.discipline:
        if 0 <= year - d.year < window:
            severity = _SEVERITY[d.level]
            if severity > worst:
                worst = severity
    disiplin = config._disiplin[worst]

    kualifikasi = config.kualifikasi_points[profile.education]
    total = kualifikasi + kompetensi + kinerja + disiplin
    return IpAsnScore(kualifikasi, kompetensi, kinerja, disiplin, total, kategori_for(total, config))


# ---------------------------------------------------------------------------- explaining


def _window_phrase(years: int | None) -> str:
    if years is None:
        return ""
    return " tahun ini" if years == 1 else f" dalam {years} tahun terakhir"


def assess(profile: IpAsnProfile, config: IpAsnConfig = DEFAULT_CONFIG) -> IpAsnResult:
    """:func:`score` with a reason per indicator and every suggestion that would raise it."""
    result = score(profile, config)
    reasons: list[Reason] = []
    suggestions: list[Suggestion] = []
    year = profile.year

    reasons.append(
        Reason("kualifikasi", f"Pendidikan {profile.education.value}: {angka(result.kualifikasi)} poin.")
    )
    target = next((e for e in _EDUCATION_LADDER if config.kualifikasi_points[e] > result.kualifikasi), None)
    if target is not None:
        gain = config.kualifikasi_points[target] - result.kualifikasi
        suggestions.append(
            Suggestion(
                "kualifikasi_pendidikan",
                f"Lanjutkan pendidikan ke {_EDUCATION_LABEL[target]}: +{angka(gain)}",
                gain,
                replace(profile, education=target),
            )
        )

    for kind, points in config.kompetensi_points[profile.position].items():
        window = config.window(profile.position, kind)
        reason, suggestion = _kompetensi_indicator(profile, kind, points, window, config)
        reasons.append(reason)
        if suggestion is not None:
            suggestions.append(suggestion)

    reasons.append(_kinerja_reason(profile, result, config))
    # One step at a time: first to Baik (the usual requirement), then to Sangat Baik.
    target = next(
        (p for p in (Predikat.BAIK, Predikat.SANGAT_BAIK) if config.kinerja_points[p] > result.kinerja), None
    )
    if target is not None:
        gain = config.kinerja_points[target] - result.kinerja
        skp_year = year - config.skp_years_back
        missing = profile.skp is None or profile.skp.year != skp_year
        message = (
            f"Lengkapi SKP tahun {skp_year} dengan predikat {target.label}"
            if missing
            else f"Raih predikat {target.label} pada SKP tahun {skp_year}"
        )
        suggestions.append(
            Suggestion(
                "kinerja_predikat",
                f"{message}: +{angka(gain)}",
                gain,
                replace(profile, skp=SkpRecord(skp_year, predikat=target.value)),
            )
        )

    counted = [d for d in profile.discipline if 0 <= year - d.year < config.disiplin_window]
    if counted:
        worst = max(counted, key=lambda d: d.level.severity)
        last = max(d.year for d in counted)
        reasons.append(
            Reason(
                "disiplin_hukuman",
                f"Hukuman disiplin {worst.level.value} tahun {worst.year} dalam "
                f"{config.disiplin_window} tahun terakhir: {angka(result.disiplin)} poin.",
            )
        )
        gain = config.disiplin_points[None] - result.disiplin
        if gain > 0:
            suggestions.append(
                Suggestion(
                    "disiplin_masa_hukuman",
                    f"Jaga disiplin: hukuman tahun {last} tidak dihitung lagi mulai tahun "
                    f"{last + config.disiplin_window}: +{angka(gain)}",
                    gain,
                    replace(profile, discipline=tuple(d for d in profile.discipline if d not in counted)),
                )
            )
    else:
        reasons.append(
            Reason(
                "disiplin_bersih",
                f"Tidak ada hukuman disiplin dalam {config.disiplin_window} tahun terakhir: "
                f"{angka(result.disiplin)} poin.",
            )
        )
    suggestions.sort(key=lambda s: -s.gain)
    return IpAsnResult(result, tuple(reasons), tuple(suggestions))


_KIND_NAME = {
    JenisPelatihan.KEPEMIMPINAN: "diklat kepemimpinan yang sesuai jabatan",
    JenisPelatihan.FUNGSIONAL: "diklat fungsional yang sesuai jabatan",
    JenisPelatihan.TEKNIS: "pelatihan teknis",
    JenisPelatihan.SEMINAR: "seminar/workshop/magang/kursus",
}


def _kompetensi_indicator(
    profile: IpAsnProfile, kind: JenisPelatihan, points: float, window: int | None, config: IpAsnConfig
) -> tuple[Reason, Suggestion | None]:
    year = profile.year
    relevant = [
        t
        for t in profile.trainings
        if t.kind is kind
        and 0 <= year - t.year < (window or _NO_WINDOW)
        and (t.matches_position or kind in (JenisPelatihan.TEKNIS, JenisPelatihan.SEMINAR))
    ]
    name, when = _KIND_NAME[kind], _window_phrase(window)
    if kind is JenisPelatihan.TEKNIS:
        hours = sum(t.hours for t in relevant)
        missing = config.teknis_min_hours - hours
        if missing <= 0:
            return Reason(
                "kompetensi_teknis", f"Pelatihan teknis {angka(hours)} JP{when}: {angka(points)} poin."
            ), None
        reason = Reason(
            "kompetensi_teknis_kurang",
            f"Pelatihan teknis {angka(hours)} JP{when}, kurang dari {angka(config.teknis_min_hours)} JP: 0 poin.",
        )
        what = (
            f"Ikuti pelatihan teknis minimal {angka(missing)} JP{when}"
            if hours == 0
            else f"Tambah pelatihan teknis {angka(missing)} JP{when} (total minimal {angka(config.teknis_min_hours)} JP)"
        )
        extra = Training(kind, year, missing)
    else:
        if relevant:
            return Reason(
                f"kompetensi_{kind.value}", f"Sudah mengikuti {name}{when}: {angka(points)} poin."
            ), None
        reason = Reason(f"kompetensi_{kind.value}_belum", f"Belum mengikuti {name}{when}: 0 poin.")
        what = f"Ikuti {name}" + (" tahun ini" if window else "")
        extra = Training(kind, year, 0)
    applied = replace(profile, trainings=(*profile.trainings, extra))
    return reason, Suggestion(f"kompetensi_{kind.value}", f"{what}: +{angka(points)}", points, applied)


def _kinerja_reason(profile: IpAsnProfile, result: IpAsnScore, config: IpAsnConfig) -> Reason:
    skp_year = profile.year - config.skp_years_back
    skp = profile.skp
    if skp is None or skp.year != skp_year:
        return Reason("kinerja_tanpa_skp", f"Tidak ada SKP tahun {skp_year}: {angka(result.kinerja)} poin.")
    points = angka(result.kinerja)
    if skp.score is not None and regime_for(skp.year, config.skp) is not Regime.PP_30_2019:
        return Reason("kinerja_nilai", f"SKP tahun {skp_year} bernilai {angka(skp.score)}: {points} poin.")
    label = skp_predikat(skp, config).label
    return Reason("kinerja_predikat", f"SKP tahun {skp_year} predikat {label}: {points} poin.")


# ---------------------------------------------------------------------------- JSON edge


_POSITION_CODES = frozenset(p.value for p in Position)
_JABATAN_CODES = frozenset(j.value for j in Jabatan)


def position(value: object) -> Position:
    """An IP-ASN position kind; Jabatan codes (``jf_ahli_muda``, ``jpt_pratama``, ``guru``) map onto it."""
    key = value.strip().lower() if isinstance(value, str) else None
    if key in _POSITION_CODES:
        return Position(key)
    if key in _JABATAN_CODES:
        j = Jabatan(key)
        if j.fungsional:
            return Position.JF
        return Position.JPT if j.value.startswith("jpt_") else Position(j.value)
    choices = ", ".join(p.value for p in Position)
    raise RuleInputError(f"position {value!r} tidak dikenal. Pilihan: {choices} (atau kode jabatan).")


def _training(data: object, name: str) -> Training:
    data = json_object(data, name)
    kind = parse_choice(JenisPelatihan, data.get("kind"), f"{name}.kind")
    matches = data.get("matches_position", True)
    if not isinstance(matches, bool):
        raise RuleInputError(f"{name}.matches_position harus true/false, bukan {matches!r}.")
    return Training(
        kind,
        json_number(data.get("year"), f"{name}.year", integer=True, minimum=1900),
        json_number(data.get("hours", 0), f"{name}.hours", integer=True, minimum=0),
        matches,
    )


def _skp(data: object) -> SkpRecord:
    data = json_object(data, "skp")
    reject_unknown_fields(data, ("year", "score", "predikat", "innovation"), "skp ")
    score_value = data.get("score")
    if score_value is not None:
        json_number(score_value, "skp.score", minimum=0)
    predikat_value = data.get("predikat")
    if predikat_value is not None and not isinstance(predikat_value, str):
        raise RuleInputError(f"skp.predikat harus teks, bukan {predikat_value!r}.")
    innovation = data.get("innovation", False)
    if not isinstance(innovation, bool):
        raise RuleInputError(f"skp.innovation harus true/false, bukan {innovation!r}.")
    record = SkpRecord(
        json_number(data.get("year"), "skp.year", integer=True, minimum=1900),
        score_value,
        predikat_value,
        innovation,
    )
    kinerja_points(record)  # reject an impossible score/predikat now, with its own message
    return record


def _discipline(data: object, name: str) -> DisciplineRecord:
    data = json_object(data, name)
    level = level_of(data["kind"], data.get("regime")) if "kind" in data else parse_level(data.get("level"))
    return DisciplineRecord(level, json_number(data.get("year"), f"{name}.year", integer=True, minimum=1900))


def profile_from_dict(data: dict) -> IpAsnProfile:
    """Build a profile from the ``ipasn`` command's JSON (see docs/regulations.md)."""
    reject_unknown_fields(data, ("year", "education", "position", "trainings", "skp", "discipline"))
    return IpAsnProfile(
        year=json_number(data.get("year"), "year", integer=True, minimum=2000),
        education=pendidikan(data.get("education", "")),
        position=position(data.get("position")),
        trainings=tuple(
            _training(t, f"trainings[{i}]")
            for i, t in enumerate(json_list(data.get("trainings", []), "trainings"))
        ),
        skp=None if data.get("skp") is None else _skp(data["skp"]),
        discipline=tuple(
            _discipline(d, f"discipline[{i}]")
            for i, d in enumerate(json_list(data.get("discipline", []), "discipline"))
        ),
    )


def command_ipasn(argv: list[str]) -> dict:
    """``ipasn '{"year": 2026, "education": "S1", "position": "pelaksana", ...}'``."""
    return assess(profile_from_dict(parse_json_argument(argv))).as_dict()
