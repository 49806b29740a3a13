"""The target population of a campaign, resolved from the master data (set-based).

``Campaign.audience`` is a small JSON filter (see campaigns.models); an absent or empty key
means "no restriction", except ``status`` which defaults to active employees only. The
result is a lazy QuerySet, so callers can count, group by OPD, or use it as a subquery
(``pegawai__in=targeted_pegawai(c)``) without loading a row into Python.
"""

from __future__ import annotations

from django.db.models import QuerySet

from people.models import Pegawai

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
