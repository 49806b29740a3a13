"""Reads of user management; the user list is for Admins (checked by the views)."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from accounts.models import User


def list_users(*, q: str = "", role: str = "", opd=None) -> QuerySet[User]:
    users = User.objects.select_related("opd").prefetch_related("role_assignments")
    if q:
        users = users.filter(Q(username__icontains=q) | Q(name__icontains=q))
    if role:
        users = users.filter(role_assignments__role=role)
    if opd is not None:
        users = users.filter(opd=opd)
    return users.order_by("username").distinct()


def get_user(pk: int) -> User:
    return get_object_or_404(User.objects.select_related("opd"), pk=pk)
