"""Capability checks for views. A wrong role gets 403; an object outside the user's scope
gets 404 from the scoped query, so its existence is not revealed.

The check asks the user (``user.can``), so it needs nothing of accounts: every app, core
included, guards its screens with it. Which role holds a capability is accounts.roles.
"""

from __future__ import annotations

from functools import wraps

from django.core.exceptions import PermissionDenied

# The capabilities core's own screens check; accounts.roles.Capability takes these values.
VIEW_AUDIT = "view_audit"
MANAGE_CALENDAR = "manage_calendar"


def user_can(user, capability: str) -> bool:
    return bool(user.is_authenticated and user.can(capability))


def require(capability: str):
    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not user_can(request.user, capability):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
