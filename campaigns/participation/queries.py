"""Every read of the participation and reminder screens, scoped to the user.

Capability view_participation: BKD staff see every OPD, an Operator OPD only theirs (the
row-level rule of org.units.queries.opds_for_user). An OPD outside the scope is a 404, a user
without the capability gets 403. Draft campaigns are visible to campaign managers only.

The per-OPD numbers are ONE query whatever the number of OPDs: a GROUP BY over the
targeted population (campaigns.submissions.queries.targeted_pegawai) LEFT JOINed with this campaign's
submissions through a FilteredRelation, so the join condition sits in the ON clause and
each employee meets at most one submission (unique (campaign, pegawai)).
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, FilteredRelation, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from accounts.roles import Capability
from campaigns.models import Campaign, Submission
from campaigns.participation.rules import OpdParticipation, day_ends
from campaigns.submissions.queries import targeted_pegawai
from core.permissions import user_can
from org.models import Opd
from org.units.queries import opds_for_user
from people.models import Pegawai

ACCEPTED = Submission.Status.ACCEPTED
NEEDS_FIX = Submission.Status.NEEDS_FIX


# --- Campaign and OPD ----------------------------------------------------------------------


def get_campaign_for_participation(user, slug: str) -> Campaign:
    if not user_can(user, Capability.VIEW_PARTICIPATION):
        raise PermissionDenied
    campaigns = Campaign.objects.all()
    if not user_can(user, Capability.MANAGE_CAMPAIGNS):
        campaigns = campaigns.filter(published=True)
    return get_object_or_404(campaigns, slug=slug)


def get_opd_for_participation(user, pk: int) -> Opd:
    return get_object_or_404(opds_for_user(user), pk=pk)


def participation_campaigns_for_user(user) -> QuerySet[Campaign]:
    """The campaigns a participation reader may open, with the submissions in their scope (one query)."""
    if not user_can(user, Capability.VIEW_PARTICIPATION):
        return Campaign.objects.none()
    campaigns = Campaign.objects.all()
    if not user_can(user, Capability.MANAGE_CAMPAIGNS):
        campaigns = campaigns.filter(published=True)
    in_scope = Q(submissions__pegawai__opd__in=opds_for_user(user).values("pk"))
    return campaigns.annotate(scoped_submissions=Count("submissions", filter=in_scope)).order_by(
        "-opens_at", "-id"
    )


def open_campaigns(now: dt.datetime | None = None) -> QuerySet[Campaign]:
    """The campaigns the periodic reminder run looks at: published and open at ``now``."""
    now = now or timezone.now()
    return Campaign.objects.filter(published=True, opens_at__lte=now, closes_at__gt=now).order_by(
        "closes_at", "id"
    )


# --- Participation -------------------------------------------------------------------------


def targeted_in(campaign: Campaign, opds: QuerySet[Opd] | None) -> QuerySet[Pegawai]:
    people = targeted_pegawai(campaign)
    if opds is not None:
        people = people.filter(opd__in=opds.values("pk"))
    return people


def participation_rows(campaign: Campaign, opds: QuerySet[Opd] | None = None) -> list[OpdParticipation]:
    """One row per OPD of the targeted population (``opds``: limit to these; None: all).

    Two queries whatever the number of OPDs: the GROUP BY on the OPD id alone (no join to
    the OPD table, so SQLite and PostgreSQL group along the opd index), then the OPD names.
    """
    grouped = list(
        targeted_in(campaign, opds)
        .annotate(
            sub=FilteredRelation("campaign_submissions", condition=Q(campaign_submissions__campaign=campaign))
        )
        .values("opd_id")
        .annotate(
            target=Count("pk"),
            submitted=Count("sub__id"),
            accepted=Count("sub__id", filter=Q(sub__status=ACCEPTED)),
            needs_fix=Count("sub__id", filter=Q(sub__status=NEEDS_FIX)),
        )
        .order_by()
    )
    names = dict(Opd.objects.filter(pk__in=[row["opd_id"] for row in grouped]).values_list("pk", "name"))
    return [
        OpdParticipation(
            opd_id=row["opd_id"],
            opd=names.get(row["opd_id"], ""),
            target=row["target"],
            submitted=row["submitted"],
            accepted=row["accepted"],
            needs_fix=row["needs_fix"],
            goal=campaign.target_percent,
        )
        for row in grouped
    ]


def participation_for_user(user, campaign: Campaign) -> list[OpdParticipation]:
    return participation_rows(campaign, opds_for_user(user))


def chart_series(
    campaign: Campaign, opds: QuerySet[Opd] | None = None, *, now=None
) -> list[tuple[dt.date, int]]:
    """Cumulative submissions of the targeted employees in scope, for every local day from the
    opening to today (or the close, if earlier). ONE query: a conditional count per day end."""
    now = now or timezone.now()
    tz = timezone.get_current_timezone()
    start = timezone.localdate(campaign.opens_at, tz)
    end = max(start, timezone.localdate(min(now, campaign.closes_at), tz))
    ends = day_ends(start, end, tz)
    people = targeted_in(campaign, opds)
    counts = Submission.objects.filter(campaign=campaign, pegawai__in=people.values("pk")).aggregate(
        **{f"d{i}": Count("id", filter=Q(submitted_at__lt=instant)) for i, (_day, instant) in enumerate(ends)}
    )
    return [(day, counts[f"d{i}"]) for i, (day, _instant) in enumerate(ends)]


# --- Who is missing ------------------------------------------------------------------------


def _has_submission(campaign: Campaign):
    return Exists(Submission.objects.filter(campaign=campaign, pegawai=OuterRef("pk")))


def missing_pegawai(campaign: Campaign, opd: Opd) -> QuerySet[Pegawai]:
    """The targeted employees of ``opd`` who have not submitted, by name (scope checked by the caller)."""
    return (
        targeted_pegawai(campaign)
        .filter(opd=opd)
        .filter(~_has_submission(campaign))
        .select_related("unit")
        .only("pk", "nip", "nama", "gelar_depan", "gelar_belakang", "jabatan", "unit__name", "opd_id")
        .order_by("nama", "nip")
    )


# --- Exports -------------------------------------------------------------------------------
