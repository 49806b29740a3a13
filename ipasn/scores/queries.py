"""Reads of the scores: the input rows for a compute, and the scores a user may see.

Scope: a Pegawai sees their own score (``own_score``); staff see the employees of the OPDs
``org.units.queries.opds_for_user`` gives them, provided they may view employee data at all
(``view_pegawai``): BKD staff every OPD, an Operator OPD their own. Out of scope is a 404.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from accounts.roles import Capability
from core.permissions import user_can
from ipasn.models import Score
from org.units.queries import opds_for_user
from people.models import Pegawai, RiwayatDiklat, RiwayatHukdis, RiwayatPendidikan, RiwayatSkp
from regulations.ipasn import DEFAULT_CONFIG

# Employees who are still civil servants of the instansi are measured; the others are not.
GONE = (Pegawai.Status.PENSIUN, Pegawai.Status.MENINGGAL, Pegawai.Status.PINDAH)


def measured_pegawai() -> QuerySet[Pegawai]:
    return Pegawai.objects.exclude(status__in=GONE)


def read_inputs(year: int, pegawai_ids: list[int] | None = None, config=DEFAULT_CONFIG) -> dict:
    """Every row a compute of ``year`` reads, in five queries, as plain tuples.

    ``pegawai_ids`` None: every measured employee (a subquery, not a list of ids, so the
    whole instansi stays one statement per table).
    """
    pegawai = measured_pegawai()
    if pegawai_ids is not None:
        pegawai = pegawai.filter(pk__in=pegawai_ids)

    def of(model):
        rows = model.objects.all()
        return (
            rows.filter(pegawai_id__in=pegawai_ids)
            if pegawai_ids is not None
            else rows.filter(pegawai__in=measured_pegawai())
        )

    people = list(
        pegawai.values_list("id", "opd_id", "pendidikan", "jenis_jabatan", "eselon", "jabatan").order_by("id")
    )
    pendidikan = {}
    for pid, row_id, tingkat, tahun in (
        of(RiwayatPendidikan)
        .values_list("pegawai_id", "id", "tingkat", "tahun_lulus")
        .order_by("tahun_lulus", "id")
    ):
        pendidikan.setdefault(pid, {})[tingkat] = (row_id, tingkat, tahun)  # the latest row per level wins
    diklat = defaultdict(list)
    for pid, *row in (
        of(RiwayatDiklat)
        .filter(tahun__lte=year)
        .values_list("pegawai_id", "id", "jenis", "nama", "tahun", "jam")
        .order_by("tahun", "id")
    ):
        diklat[pid].append(tuple(row))
    skp = {
        pid: (row_id, tahun, nilai, predikat)
        for pid, row_id, tahun, nilai, predikat in of(RiwayatSkp)
        .filter(tahun=year - config.skp_years_back)
        .values_list("pegawai_id", "id", "tahun", "nilai", "predikat")
    }
    hukdis = defaultdict(list)
    for pid, row_id, tingkat, jenis, tmt in (
        of(RiwayatHukdis)
        .filter(tmt__year__gt=year - config.disiplin_window, tmt__year__lte=year)
        .values_list("pegawai_id", "id", "tingkat", "jenis", "tmt")
        .order_by("tmt", "id")
    ):
        hukdis[pid].append((row_id, tingkat, jenis, tmt.year))
    return {"people": people, "pendidikan": pendidikan, "diklat": diklat, "skp": skp, "hukdis": hukdis}


def stored(year: int, pegawai_ids: list[int] | None = None) -> dict[int, tuple]:
    """(kualifikasi, kompetensi, kinerja, disiplin, total, opd_id, digest) of the stored scores."""
    rows = Score.objects.filter(year=year)
    if pegawai_ids is not None:
        rows = rows.filter(pegawai_id__in=pegawai_ids)
    return {
        pid: tuple(rest)
        for pid, *rest in rows.values_list(
            "pegawai_id", "kualifikasi", "kompetensi", "kinerja", "disiplin", "total", "opd_id", "digest"
        )
    }


def score_years() -> list[int]:
    return sorted(Score.objects.values_list("year", flat=True).distinct(), reverse=True)


def latest_year() -> int | None:
    years = score_years()
    return years[0] if years else None


def pegawai_in_scope(user) -> QuerySet[Pegawai]:
    if not user_can(user, Capability.VIEW_PEGAWAI):
        return Pegawai.objects.none()
    return Pegawai.objects.filter(opd__in=opds_for_user(user))


def scores_in_scope(user) -> QuerySet[Score]:
    if not user_can(user, Capability.VIEW_PEGAWAI):
        return Score.objects.none()
    return Score.objects.filter(opd__in=opds_for_user(user))


def get_pegawai_for_user(user, pk: int) -> Pegawai:
    return get_object_or_404(pegawai_in_scope(user).select_related("opd"), pk=pk)


def score_of(pegawai: Pegawai, year: int) -> Score | None:
    return Score.objects.filter(pegawai=pegawai, year=year).first()


def years_of(pegawai: Pegawai) -> list[tuple[int, float, str]]:
    """The employee's trend: (year, total, kategori) oldest first."""
    return list(
        Score.objects.filter(pegawai=pegawai).order_by("year").values_list("year", "total", "kategori")
    )


# --- Explanation ---------------------------------------------------------------------------

DIMENSION_LABELS = {
    "kualifikasi": _("Kualifikasi"),
    "kompetensi": _("Kompetensi"),
    "kinerja": _("Kinerja"),
    "disiplin": _("Disiplin"),
}
_HUKDIS_LABELS = dict(RiwayatHukdis.Tingkat.choices)


def _predikat_label(value: str) -> str:
    from regulations.skp import Predikat

    key = value.strip().lower().replace(" ", "_")
    return Predikat(key).label if key in Predikat._value2member_map_ else value


def _dimension_of(code: str) -> str:
    return code.split("_", 1)[0]


def explanation(score: Score, *, rows_url: str) -> dict:
    """What the score page shows: per dimension its points, the reasons and the rows behind
    them (links to the history tab ``rows_url`` + ``?tab=…``), and the actions that raise the
    total, best first. Built from the stored inputs alone: no history is read again."""
    from ipasn.scores.rules import profile_from_inputs
    from regulations.ipasn import assess

    inputs = score.inputs
    result = assess(profile_from_inputs(inputs))
    reasons: dict[str, list[str]] = {}
    for reason in result.reasons:
        reasons.setdefault(_dimension_of(reason.code), []).append(reason.message)

    def link(tab: str) -> str:
        return f"{rows_url}?tab={tab}#riwayat"

    education = inputs.get("education_row")
    skp = inputs.get("skp")
    rows = {
        "kualifikasi": [{"label": education["tingkat"], "year": education["year"], "url": link("pendidikan")}]
        if education
        else [],
        "kompetensi": [
            {
                "label": t["name"],
                "year": t["year"],
                "hours": t["hours"],
                "matches": t["matches"],
                "url": link("diklat"),
            }
            for t in inputs["trainings"]
        ],
        "kinerja": [
            {
                "label": _predikat_label(skp["predikat"]) if skp["predikat"] else skp["score"],
                "year": skp["year"],
                "error": skp.get("error", ""),
                "url": link("skp"),
            }
        ]
        if skp
        else [],
        "disiplin": [
            {"label": _HUKDIS_LABELS.get(d["level"], d["level"]), "year": d["year"], "url": link("hukdis")}
            for d in inputs["discipline"]
        ],
    }
    return {
        "score": score,
        "dimensions": [
            {
                "code": code,
                "label": DIMENSION_LABELS[code],
                "points": getattr(score, code),
                "max": top,
                "reasons": reasons.get(code, []),
                "rows": rows[code],
            }
            for code, top in (("kualifikasi", 25), ("kompetensi", 40), ("kinerja", 30), ("disiplin", 5))
        ],
        "suggestions": list(result.suggestions),
    }
