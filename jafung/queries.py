"""Reads of the functional-position monitoring, scoped by org.queries.opds_for_user.

The whole population (about 5,600 officials in the demo province) is read in three queries
(officials, their latest credit-point row, the SI JAFUNG answers) and scored in Python:
the flags mix dates, decimals and survey answers, which SQL would express poorly.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import QuerySet

from org.models import Opd
from org.queries import opds_for_user
from people.models import JabatanFungsional, JenisJabatan, Pegawai, RiwayatAngkaKredit

from .scoring import FLAGS, Official, coaching_score, flags_of

SURVEY_SLUG = "si-jafung-2025"


@dataclass(frozen=True)
class OfficialRow:
    pegawai_id: int
    nama: str
    nip: str
    opd_id: int
    jabatan: str
    jenjang: str
    tmt_golongan: date | None
    ak_kumulatif: Decimal | None
    answered: bool
    flags: frozenset[str]


@dataclass(frozen=True)
class OpdScore:
    opd: Opd
    officials: int
    counts: dict[str, int]
    answered: int
    score: Decimal


def _officials(opds: QuerySet[Opd]) -> QuerySet[Pegawai]:
    return Pegawai.objects.filter(
        opd__in=opds, jenis_jabatan=JenisJabatan.FUNGSIONAL, status=Pegawai.Status.AKTIF
    )


def _survey_answers() -> dict[int, dict]:
    from campaigns.answers import answers_by_pegawai  # campaigns sits beside jafung, not below it

    return answers_by_pegawai(SURVEY_SLUG)


def official_rows(opds: QuerySet[Opd], today: date) -> list[OfficialRow]:
    officials = list(
        _officials(opds)
        .order_by("nama", "pk")
        .values_list("pk", "nama", "nip", "opd_id", "jabatan", "jenjang", "tmt_golongan")
    )
    latest_ak: dict[int, Decimal | None] = {}
    # Ordered by year, so the last row seen per employee is the latest assessment.
    for pegawai_id, jenjang, kumulatif in (
        RiwayatAngkaKredit.objects.filter(pegawai__in=_officials(opds))
        .order_by("pegawai_id", "tahun", "pk")
        .values_list("pegawai_id", "jenjang", "kumulatif")
    ):
        latest_ak[pegawai_id] = (jenjang, kumulatif)
    answers = _survey_answers()
    rows = []
    for pk, nama, nip, opd_id, jabatan, jenjang, tmt in officials:
        ak_jenjang, kumulatif = latest_ak.get(pk, (None, None))
        # AK earned in an earlier jenjang does not count towards the current one.
        ak = kumulatif if ak_jenjang == jenjang else (Decimal(0) if ak_jenjang else None)
        mine = answers.get(pk, {})
        official = Official(tmt_golongan=tmt, jenjang=jenjang, ak_kumulatif=ak, answers=mine)
        rows.append(
            OfficialRow(
                pk, nama, nip, opd_id, jabatan, jenjang, tmt, ak, bool(mine), flags_of(official, today)
            )
        )
    return rows


def opd_ranking(user, today: date) -> list[OpdScore]:
    """The OPDs the user may see, most in need of coaching first (OPDs without officials last)."""
    opds = opds_for_user(user)
    by_opd: dict[int, list[OfficialRow]] = defaultdict(list)
    for row in official_rows(opds, today):
        by_opd[row.opd_id].append(row)
    ranking = []
    for opd in opds.order_by("name"):
        rows = by_opd.get(opd.pk, [])
        score, counts, total = coaching_score(r.flags for r in rows)
        ranking.append(OpdScore(opd, total, counts, sum(r.answered for r in rows), score))
    ranking.sort(key=lambda s: (-s.score, -s.officials, s.opd.name))
    return ranking


def opd_officials(opd: Opd, today: date, *, flag: str = "") -> list[OfficialRow]:
    """The officials of one OPD (already scope-checked by the caller), optionally one flag's."""
    rows = official_rows(Opd.objects.filter(pk=opd.pk), today)
    if flag in FLAGS:
        rows = [r for r in rows if flag in r.flags]
    return rows


def jf_type_counts(user) -> list[tuple[JabatanFungsional, dict[str, int], int]]:
    """Per functional position type: officials per jenjang (in ladder order) and the total."""
    counts: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for jf_id, jenjang in _officials(opds_for_user(user)).values_list("jabatan_fungsional_id", "jenjang"):
        if jf_id is not None:
            counts[jf_id][jenjang] += 1
    result = []
    for jf in JabatanFungsional.objects.filter(pk__in=list(counts)).order_by("name"):
        per = counts[jf.pk]
        ladder = {level: per.get(level, 0) for level in jf.jenjang}
        result.append((jf, ladder, sum(per.values())))
    return result
