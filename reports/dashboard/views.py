"""The role-aware dashboard: the cards of what the user may see, and the campaigns to fill in."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from accounts.roles import Role
from reports.dashboard.queries import dashboard_cards


@require_GET
def dashboard(request):
    user = request.user
    role_labels = [label for value, label in Role.choices if value in user.roles]
    return render(
        request,
        "reports/dashboard.html",
        {"cards": dashboard_cards(user), "role_labels": role_labels, **_open_campaigns(user)},
    )


# The open campaigns the user should fill in, shown on the dashboard so nobody misses one.
def _open_campaigns(user) -> dict:
    from campaigns.submissions.queries import campaigns_of_pegawai
    from people.records.queries import own_pegawai_or_none

    pegawai = own_pegawai_or_none(user)
    return {"open_campaigns": campaigns_of_pegawai(pegawai, open_only=True) if pegawai else []}
