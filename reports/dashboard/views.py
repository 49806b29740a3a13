"""The role-aware dashboard: what needs the user today (tiles linking to their lists), the
open campaigns to fill in or to follow, and for readers of the instansi its picture in charts."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from accounts.roles import Capability
from core.permissions import user_can
from reports.dashboard.queries import (
    campaign_tiles,
    dashboard_cards,
    participation_panel,
    picture_panels,
    today_tiles,
)


@require_GET
def dashboard(request):
    user = request.user
    campaigns = campaign_tiles(user)
    panels = participation_panel(campaigns) + picture_panels(user)
    return render(
        request,
        "reports/dashboard.html",
        {
            "tiles": today_tiles(user),
            "campaign_tiles": campaigns,
            "panels": panels,
            "cards": dashboard_cards(user),
            "has_charts": any(p.chart for p in panels),
            "sees_instansi": user_can(user, Capability.VIEW_ALL_OPDS),
            **_open_campaigns(user),
        },
    )


# The open campaigns the user should fill in, shown on the dashboard so nobody misses one.
def _open_campaigns(user) -> dict:
    from campaigns.submissions.queries import campaigns_of_pegawai
    from people.records.queries import own_pegawai_or_none

    pegawai = own_pegawai_or_none(user)
    return {"open_campaigns": campaigns_of_pegawai(pegawai, open_only=True) if pegawai else []}
