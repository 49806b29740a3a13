"""Capability checks for views. A wrong role gets 403; an object outside the user's scope
gets 404 from the scoped query, so its existence is not revealed."""

from __future__ import annotations

from functools import wraps

from django.core.exceptions import PermissionDenied


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
