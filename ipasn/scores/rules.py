"""From master-data rows to a regulations.ipasn profile, and back to the rows behind each number.

Pure: the inputs are plain tuples as the queries read them, so the whole-instansi compute
and the one-employee recompute build the same profile. The stored ``inputs`` of a score
(see ipasn.models.Score) is the first half of :func:`inputs_of`; :func:`profile_from_inputs`
rebuilds the profile from it for the explanation page, without reading the histories again.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from regulations.discipline import Level
from regulations.ipasn import (
    DEFAULT_CONFIG,
    DisciplineRecord,
    IpAsnProfile,
    JenisPelatihan,
    Position,
    SkpRecord,
    Training,
)
from regulations.ranks import Pendidikan

CONTENT = Path(__file__).resolve().parent.parent / "content"
_LEVELS = {level.value: level for level in Level}
_KINDS = {kind.value: kind for kind in JenisPelatihan}
_EDUCATIONS = {level.value: level for level in Pendidikan}
# No education recorded: scored as the lowest row, and said so on the page.
FALLBACK_EDUCATION = Pendidikan.SD


@cache
def _leadership() -> tuple[tuple[tuple[int, re.Pattern], ...], dict[str, int]]:
    data = json.loads((CONTENT / "kepemimpinan.json").read_text(encoding="utf-8"))
    levels = tuple(
        (entry["level"], re.compile(pattern, re.IGNORECASE))
        for entry in data["levels"]
        for pattern in entry["patterns"]
    )
    return levels, data["required"]


def leadership_level(name: str) -> int | None:
    """The level (1 highest … 4) a leadership training's name says, or None."""
    levels, _required = _leadership()
    found = [level for level, pattern in levels if pattern.search(name)]
    return min(found) if found else None


def position_of(jenis_jabatan: str, eselon: str) -> Position:
    """The IP-ASN position kind of a post: eselon I–II JPT, III administrator, IV pengawas."""
    if jenis_jabatan == "fungsional":
        return Position.JF
    if jenis_jabatan != "struktural":
        return Position.PELAKSANA
    roman = eselon.split(".")[0] if eselon else ""
    if roman in {"I", "II"}:
        return Position.JPT
    if roman == "III":
        return Position.ADMINISTRATOR
    return Position.PENGAWAS


def matches_position(kind: str, name: str, position: Position) -> bool:
    """Whether a kepemimpinan/fungsional training counts for the post (Perban BKN 8/2019
    Pasal 8(4)–(5): "sesuai jabatan"); teknis and seminar count for everyone."""
    if kind == JenisPelatihan.KEPEMIMPINAN:
        required = _leadership()[1].get(position.value)
        level = leadership_level(name)
        return required is not None and level is not None and level <= required
    if kind == JenisPelatihan.FUNGSIONAL:
        return position is Position.JF
    return True


class Memo:
    """What a whole-instansi compute would otherwise work out again for every employee: the
    position of a post, whether a training name matches it, the look-back windows, and the
    immutable profile parts (many employees share a training's kind, year and hours).
    One per compute: the keys come from the master data, so it must not outlive the run."""

    __slots__ = ("config", "discipline", "matches", "positions", "trainings", "windows")

    def __init__(self, config=DEFAULT_CONFIG):
        self.config = config
        self.positions: dict[tuple[str, str], Position] = {}
        self.matches: dict[tuple[str, str, Position], bool] = {}
        self.windows = {
            (position, kind.value): config.window(position, kind)
            for position in Position
            for kind in _KINDS.values()
        }
        self.trainings: dict[tuple, Training] = {}
        self.discipline: dict[tuple[str, int], DisciplineRecord] = {}


def inputs_of(
    *,
    year: int,
    pendidikan: str,
    pendidikan_row: tuple | None,
    jenis_jabatan: str,
    eselon: str,
    jabatan: str,
    diklat: list[tuple],
    skp: tuple | None,
    hukdis: list[tuple],
    memo: Memo | None = None,
) -> tuple[dict, IpAsnProfile]:
    """The JSON of what one score reads, and the profile it scores (the same as
    :func:`profile_from_inputs` of that JSON, built in the same pass).

    ``pendidikan_row`` (id, tingkat, tahun_lulus); ``diklat`` rows (id, jenis, nama, tahun, jam);
    ``skp`` (id, tahun, nilai, predikat); ``hukdis`` rows (id, tingkat, jenis, year). Only the
    rows inside the look-back windows are kept: they are the ones the score used.
    """
    memo = memo or Memo()
    config = memo.config
    post = (jenis_jabatan, eselon)
    position = memo.positions.get(post)
    if position is None:
        position = memo.positions[post] = position_of(jenis_jabatan, eselon)
    windows, matches, parts = memo.windows, memo.matches, memo.trainings
    trainings, profile_trainings = [], []
    for row_id, jenis, nama, tahun, jam in diklat:
        window = windows.get((position, jenis), 0)
        if window == 0 or tahun > year or (window is not None and year - tahun >= window):
            continue
        key = (jenis, nama, position)
        fits = matches.get(key)
        if fits is None:
            fits = matches[key] = matches_position(jenis, nama, position)
        trainings.append(
            {"id": row_id, "kind": jenis, "name": nama, "year": tahun, "hours": jam, "matches": fits}
        )
        part = (jenis, tahun, jam, fits)
        training = parts.get(part)
        if training is None:
            training = parts[part] = Training(_KINDS[jenis], tahun, jam, fits)
        profile_trainings.append(training)
    discipline, profile_discipline = [], []
    for row_id, tingkat, jenis, tahun in hukdis:
        if 0 <= year - tahun < config.disiplin_window and tingkat in _LEVELS:
            discipline.append({"id": row_id, "level": tingkat, "kind": jenis, "year": tahun})
            record = memo.discipline.get((tingkat, tahun))
            if record is None:
                record = memo.discipline[tingkat, tahun] = DisciplineRecord(_LEVELS[tingkat], tahun)
            profile_discipline.append(record)
    if skp is None:
        skp_json = skp_record = None
    else:
        score = None if skp[2] is None else float(skp[2])
        predikat = skp[3] or None
        skp_json = {"id": skp[0], "year": skp[1], "score": score, "predikat": predikat}
        skp_record = SkpRecord(skp[1], score=score, predikat=predikat if score is None else None)
    inputs = {
        "year": year,
        "education": pendidikan or "",
        "education_row": None
        if pendidikan_row is None
        else {"id": pendidikan_row[0], "tingkat": pendidikan_row[1], "year": pendidikan_row[2]},
        "position": position.value,
        "jabatan": jabatan,
        "trainings": trainings,
        "skp": skp_json,
        "discipline": discipline,
    }
    profile = IpAsnProfile(
        year,
        _EDUCATIONS[pendidikan] if pendidikan else FALLBACK_EDUCATION,
        position,
        tuple(profile_trainings),
        skp_record,
        tuple(profile_discipline),
    )
    return inputs, profile


def profile_from_inputs(inputs: dict) -> IpAsnProfile:
    education = inputs["education"]
    skp = inputs["skp"]
    return IpAsnProfile(
        year=inputs["year"],
        education=Pendidikan(education) if education else FALLBACK_EDUCATION,
        position=Position(inputs["position"]),
        trainings=tuple(
            Training(_KINDS[t["kind"]], t["year"], t["hours"], t["matches"]) for t in inputs["trainings"]
        ),
        skp=None
        if skp is None
        else SkpRecord(
            skp["year"], score=skp["score"], predikat=skp["predikat"] if skp["score"] is None else None
        ),
        discipline=tuple(DisciplineRecord(_LEVELS[d["level"]], d["year"]) for d in inputs["discipline"]),
    )


# --- What raises the score, in the words of the page ------------------------------------


def points_text(value: float) -> str:
    """15 → "15", 22.5 → "22,5" in the active locale."""
    from django.utils.formats import number_format

    return number_format(value, decimal_pos=0 if float(value).is_integer() else 1)


def action_label(suggestion) -> str:
    """One suggestion of regulations.ipasn.assess as an action line: "20 JP pelatihan teknis
    tahun ini: +22,5". The regulation's message says the same at length; this is the line
    an employee (and a training plan) reads."""
    from django.utils.translation import gettext as _

    gain = points_text(suggestion.gain)
    code = suggestion.code
    if code == "kompetensi_teknis":
        hours = suggestion.applied.trainings[-1].hours
        return _("%(jp)s JP pelatihan teknis tahun ini: +%(gain)s") % {"jp": hours, "gain": gain}
    labels = {
        "kompetensi_seminar": _("Seminar, workshop, magang atau kursus: +%(gain)s"),
        "kompetensi_kepemimpinan": _("Diklat kepemimpinan sesuai jabatan: +%(gain)s"),
        "kompetensi_fungsional": _("Diklat fungsional sesuai jabatan: +%(gain)s"),
        "kinerja_predikat": _("Predikat SKP %(predikat)s: +%(gain)s"),
        "disiplin_masa_hukuman": _("Bebas hukuman disiplin dalam masa penilaian: +%(gain)s"),
        "kualifikasi_pendidikan": _("Pendidikan %(level)s: +%(gain)s"),
    }
    skp = suggestion.applied.skp
    return labels.get(code, "%(gain)s") % {
        "gain": gain,
        "predikat": _PREDIKAT_LABELS.get(skp.predikat, skp.predikat) if skp and skp.predikat else "",
        "level": _LEVEL_LABELS.get(suggestion.applied.education.value, suggestion.applied.education.value),
    }


_PREDIKAT_LABELS = {"baik": "Baik", "sangat_baik": "Sangat Baik"}
_LEVEL_LABELS = {"SLTA": "SLTA", "D3": "D-III", "S1": "S-1/D-IV", "S2": "S-2", "S3": "S-3"}


PLAN_CODES = (
    "kompetensi_teknis",
    "kompetensi_seminar",
    "kompetensi_kepemimpinan",
    "kompetensi_fungsional",
    "kualifikasi_pendidikan",
    "kinerja_predikat",
    "disiplin_masa_hukuman",
)


def plan_label(code: str) -> str:
    """An action of the OPD training plan, without the one employee's numbers."""
    from django.utils.translation import gettext as _

    return {
        "kompetensi_teknis": _("Pelatihan teknis 20 JP tahun ini"),
        "kompetensi_seminar": _("Seminar, workshop, magang atau kursus"),
        "kompetensi_kepemimpinan": _("Diklat kepemimpinan sesuai jabatan"),
        "kompetensi_fungsional": _("Diklat fungsional sesuai jabatan"),
        "kualifikasi_pendidikan": _("Pendidikan ke jenjang berikutnya"),
        "kinerja_predikat": _("Predikat SKP satu tingkat lebih baik"),
        "disiplin_masa_hukuman": _("Bebas hukuman disiplin"),
    }.get(code, code)
