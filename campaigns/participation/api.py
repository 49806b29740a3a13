"""REST endpoints of campaign participation (mounted by api/ under /api/v1/kampanye): per OPD,
how many of the targeted employees have submitted, through the screens' scoped queries."""

from __future__ import annotations

from ninja import Router, Schema

from campaigns.participation.queries import (
    get_campaign_for_participation,
    participation_campaigns_for_user,
    participation_for_user,
)

router = Router(tags=["kampanye"])


class CampaignOut(Schema):
    kode: str
    judul: str
    periode: str
    target_persen: int


class OpdParticipationOut(Schema):
    opd_id: int | None
    opd: str
    sasaran: int
    mengisi: int
    diterima: int
    perlu_perbaikan: int


@router.get("", response=list[CampaignOut], summary="Kampanye yang dapat dibaca")
def list_campaigns(request):
    return [
        {"kode": c.slug, "judul": c.title, "periode": c.period, "target_persen": c.target_percent}
        for c in participation_campaigns_for_user(request.auth)
    ]


@router.get("/{kode}/partisipasi", response=list[OpdParticipationOut], summary="Partisipasi per OPD")
def participation(request, kode: str):
    campaign = get_campaign_for_participation(request.auth, kode)
    return [
        {
            "opd_id": row.opd_id,
            "opd": row.opd,
            "sasaran": row.target,
            "mengisi": row.submitted,
            "diterima": row.accepted,
            "perlu_perbaikan": row.needs_fix,
        }
        for row in participation_for_user(request.auth, campaign)
    ]
