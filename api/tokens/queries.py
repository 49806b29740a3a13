"""Every read of API tokens (Admin only: capability manage_users)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from accounts.roles import Capability
from api.models import ApiToken
from core.permissions import user_can


def tokens_for_user(user) -> QuerySet[ApiToken]:
    if not user_can(user, Capability.MANAGE_USERS):
        return ApiToken.objects.none()
    return ApiToken.objects.select_related("opd", "created_by", "revoked_by").order_by("revoked_at", "name")


def get_token_for_user(user, pk: int) -> ApiToken:
    return get_object_or_404(tokens_for_user(user), pk=pk)


def token_by_secret(digest: str) -> ApiToken | None:
    """The token a client presented (by its digest), with its account, in one query."""
    return ApiToken.objects.select_related("client_user").filter(digest=digest).order_by().first()
