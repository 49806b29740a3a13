"""The user's in-app notifications: a paginated list, newest first, and "mark all read"."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.notifications.actions import do_mark_read
from core.notifications.queries import notifications_for_user
from core.paging import paginate

PER_PAGE = 20


@require_GET
def notification_list(request):
    return render(
        request,
        "core/notification_list.html",
        paginate(request, notifications_for_user(request.user), per_page=PER_PAGE),
    )


@require_POST
def notifications_read(request):
    count = do_mark_read(request.user)
    if count:
        messages.success(request, _("%(count)d notifikasi ditandai dibaca.") % {"count": count})
    return redirect("core:notifications")
