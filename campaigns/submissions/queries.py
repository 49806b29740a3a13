"""Every read behind submitting, scoped to the user; the target population; prefill facts.

- The target population of a campaign (``audience``, resolved set-based), and the facts a
  question may be prefilled with from the master data.
- On behalf: submit_on_behalf, only employees of the OPDs in the user's scope; anyone
  else's employee is a 404.
- An employee's own campaigns: the published campaigns whose audience holds their record.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.formats import date_format

from campaigns.models import Campaign, Question, Submission, UploadSession
from campaigns.submissions.rules import (
    can_edit,
)
from core.templatetags.pelita import label
from people.models import Pegawai, RiwayatSkp
from people.records.queries import pegawai_user_may_act_for

# --- The employee's side -----------------------------------------------------------------


@dataclass(frozen=True)
class MyCampaign:
    campaign: Campaign
    submission: Submission | None
    editable: bool


def campaigns_of_pegawai(pegawai: Pegawai, *, now: dt.datetime | None = None, open_only: bool = False):
    """The published, already opened campaigns targeting ``pegawai``, with their submission.

    Two queries whatever the number of campaigns: the audience is matched in Python on the
    loaded record (campaigns.submissions.queries.matches), the submissions come in one query.
    ``open_only``: only those the employee can still send or change now (the dashboard card).
    """
    now = now or timezone.now()
    campaigns = [
        c
        for c in Campaign.objects.filter(published=True, opens_at__lte=now).order_by("closes_at", "id")
        if matches(c.audience, pegawai)
    ]
    submissions = {
        s.campaign_id: s
        for s in Submission.objects.filter(pegawai=pegawai, campaign__in=[c.pk for c in campaigns])
    }
    found = []
    for campaign in campaigns:
        submission = submissions.get(campaign.pk)
        editable = can_edit(campaign, submission, now)
        if open_only and not editable:
            continue
        found.append(MyCampaign(campaign, submission, editable))
    return found


def submission_of(campaign: Campaign, pegawai: Pegawai) -> Submission | None:
    return Submission.objects.filter(campaign=campaign, pegawai=pegawai).first()


def opd_pegawai_for_campaign(user, campaign: Campaign, *, q: str = "", missing_only: bool = False):
    """The targeted employees of the operator's OPD(s), each with its submission status (annotated)."""
    pegawai = (
        targeted_pegawai(campaign)
        .filter(pk__in=pegawai_user_may_act_for(user).values("pk"))
        .select_related("opd")
        .annotate(
            submission_status=_status_subquery(campaign),
        )
        .order_by("opd__name", "nama", "nip")
    )
    if q.strip():
        pegawai = pegawai.filter(Q(nama__icontains=q.strip()) | Q(nip__startswith=q.strip()))
    if missing_only:
        pegawai = pegawai.filter(submission_status__isnull=True)
    return pegawai


def _status_subquery(campaign: Campaign):
    from django.db.models import OuterRef, Subquery

    return Subquery(Submission.objects.filter(campaign=campaign, pegawai=OuterRef("pk")).values("status")[:1])


# --- Uploads -----------------------------------------------------------------------------


# --- Review ------------------------------------------------------------------------------


def uploads_of(campaign: Campaign, pegawai) -> dict[str, set[int]]:
    """{question code: ids of the documents this employee uploaded for it} (one query)."""
    found: dict[str, set[int]] = {}
    for code, document_id in UploadSession.objects.filter(
        campaign=campaign, pegawai=pegawai, status=UploadSession.Status.COMPLETE, document__isnull=False
    ).values_list("question_code", "document_id"):
        found.setdefault(code, set()).add(document_id)
    return found


DEFAULT_STATUS = (Pegawai.Status.AKTIF,)
KEYS = ("opds", "jenis_jabatan", "jenis_pegawai", "status")


def audience_filter(audience: dict | None) -> dict:
    """The ORM lookups of an audience filter (shared by targeted_pegawai and is_targeted)."""
    audience = audience or {}
    lookups: dict = {}
    if audience.get("opds"):
        lookups["opd_id__in"] = [int(i) for i in audience["opds"]]
    if audience.get("jenis_jabatan"):
        lookups["jenis_jabatan__in"] = list(audience["jenis_jabatan"])
    if audience.get("jenis_pegawai"):
        lookups["jenis_pegawai__in"] = list(audience["jenis_pegawai"])
    lookups["status__in"] = list(audience.get("status") or DEFAULT_STATUS)
    return lookups


def targeted_pegawai(campaign) -> QuerySet[Pegawai]:
    """Every Pegawai the campaign targets: one filtered QuerySet, no per-row Python."""
    return Pegawai.objects.filter(**audience_filter(campaign.audience))


def is_targeted(campaign, pegawai: Pegawai) -> bool:
    """Whether one employee is in the campaign's audience (one cheap query)."""
    return targeted_pegawai(campaign).filter(pk=pegawai.pk).exists()


def matches(audience: dict | None, pegawai: Pegawai) -> bool:
    """The same rule as :func:`audience_filter`, evaluated on one loaded Pegawai (no query).

    Used where a few campaigns are checked for one employee (the dashboard, "Isian saya");
    campaigns/tests/test_audience.py checks that both agree.
    """
    lookups = audience_filter(audience)
    return (
        pegawai.opd_id in lookups.get("opd_id__in", [pegawai.opd_id])
        and pegawai.jenis_jabatan in lookups.get("jenis_jabatan__in", [pegawai.jenis_jabatan])
        and pegawai.jenis_pegawai in lookups.get("jenis_pegawai__in", [pegawai.jenis_pegawai])
        and pegawai.status in lookups["status__in"]
    )


def _date(value) -> str:
    return date_format(value, "j F Y") if value else ""


def facts_of(pegawai: Pegawai, keys: set[str] | None = None) -> dict[str, str]:
    """{prefill key: text} for one employee (``keys`` limits the work to what the form shows).

    Expects ``opd``, ``golongan`` and ``jabatan_fungsional`` to be joined or cheap to load.
    """
    keys = set(Question.Prefill.values) - {""} if keys is None else keys
    facts = {
        "nama": pegawai.nama_lengkap,
        "nip": pegawai.nip,
        "opd": pegawai.opd.name,
        "golongan": str(pegawai.golongan) if pegawai.golongan_id else "",
        "tmt_golongan": _date(pegawai.tmt_golongan),
        "jabatan": pegawai.jabatan,
        "jenis_jabatan": pegawai.get_jenis_jabatan_display() if pegawai.jenis_jabatan else "",
        "jabatan_fungsional": pegawai.jabatan_fungsional.name if pegawai.jabatan_fungsional_id else "",
        "jenjang": label(pegawai.jenjang),
        "tmt_jabatan": _date(pegawai.tmt_jabatan),
        "pendidikan": pegawai.get_pendidikan_display() if pegawai.pendidikan else "",
    }
    if "skp_terakhir" in keys:
        skp = RiwayatSkp.objects.filter(pegawai=pegawai).order_by("-tahun").first()
        facts["skp_terakhir"] = (
            f"{skp.tahun}: {label(skp.predikat) or '-'}"
            + (f" ({skp.nilai})" if skp.nilai is not None else "")
            if skp
            else ""
        )
    return {key: value for key, value in facts.items() if key in keys}


def answers_by_pegawai(campaign_slug: str) -> dict[int, dict]:
    """{pegawai_id: {question_code: value}} of the latest version of every submission.

    Values are as stored: text and choices as strings, numbers as numbers, dates as ISO
    strings, yes/no as "ya"/"tidak", files as core Document ids. One query.
    """
    rows = Submission.objects.filter(campaign__slug=campaign_slug).values_list("pegawai_id", "answers")
    return {pegawai_id: answers or {} for pegawai_id, answers in rows}
