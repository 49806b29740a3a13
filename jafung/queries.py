"""Reads of the functional-position monitoring, scoped by org.units.queries.opds_for_user.

The whole population (about 5,600 officials in the demo province) is read in a fixed number of
queries (the current SI JAFUNG campaign, officials, their latest credit-point row, the survey's
answers) and scored in Python: the flags mix dates, decimals and survey answers, which SQL would
express poorly.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from jafung.rules import FLAGS, Official, coaching_score, flags_of
from org.models import Opd
from org.units.queries import opds_for_user
from people.models import JabatanFungsional, JenisJabatan, Pegawai, RiwayatAngkaKredit

# The survey answers the flags read (jafung.rules). A campaign is an SI JAFUNG survey when it
# asks both: Campaign.kind only says "survey", and a slug is whatever the admin typed, while a
# survey without these questions could not feed the monitoring anyway.
SURVEY_QUESTIONS = ("sesuai_peta_jabatan", "tugas_tambahan")


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


def current_survey():
    """The SI JAFUNG campaign whose answers the monitoring reads, or None.

    ``settings.PELITA_JAFUNG_CAMPAIGN`` names one by slug (whatever its state: the operator chose
    it); otherwise the latest published survey that asks SURVEY_QUESTIONS and has opened (open or
    closed), so next year's survey takes over on the day it opens, and a draft or a survey that
    opens later is never read.
    """
    from campaigns.models import Campaign  # campaigns sits beside jafung, not below it

    slug = settings.PELITA_JAFUNG_CAMPAIGN
    if slug:
        return Campaign.objects.filter(slug=slug).first()
    surveys = Campaign.objects.filter(kind=Campaign.Kind.SURVEY, published=True, opens_at__lte=timezone.now())
    for code in SURVEY_QUESTIONS:  # one join per question: the survey must ask all of them
        surveys = surveys.filter(questions__code=code)
    return surveys.order_by("-opens_at", "-id").first()


def _survey_answers(survey) -> dict[int, dict]:
    from campaigns.submissions.queries import answers_by_pegawai

    return answers_by_pegawai(survey.slug) if survey is not None else {}


def official_rows(opds: QuerySet[Opd], today: date, survey=None) -> list[OfficialRow]:
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
    answers = _survey_answers(survey)
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


def opd_ranking(user, today: date, survey=None) -> list[OpdScore]:
    """The OPDs the user may see, most in need of coaching first (OPDs without officials last).

    ``survey`` is the campaign whose answers count (current_survey()); None: no survey answers.
    """
    opds = opds_for_user(user)
    by_opd: dict[int, list[OfficialRow]] = defaultdict(list)
    for row in official_rows(opds, today, survey):
        by_opd[row.opd_id].append(row)
    ranking = []
    for opd in opds.order_by("name"):
        rows = by_opd.get(opd.pk, [])
        score, counts, total = coaching_score(r.flags for r in rows)
        ranking.append(OpdScore(opd, total, counts, sum(r.answered for r in rows), score))
    ranking.sort(key=lambda s: (-s.score, -s.officials, s.opd.name))
    return ranking


def opd_officials(opd: Opd, today: date, *, flag: str = "", survey=None) -> list[OfficialRow]:
    """The officials of one OPD (already scope-checked by the caller), optionally one flag's."""
    rows = official_rows(Opd.objects.filter(pk=opd.pk), today, survey)
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
