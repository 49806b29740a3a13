from django.shortcuts import render
from django.views.decorators.http import require_GET

from accounts.roles import Role
from reports.queries import dashboard_cards


@require_GET
def dashboard(request):
    user = request.user
    role_labels = [label for value, label in Role.choices if value in user.roles]
    return render(
        request, "reports/dashboard.html", {"cards": dashboard_cards(user), "role_labels": role_labels}
    )
