"""Reads of a user's own in-app notifications (nobody reads another user's)."""

from __future__ import annotations

from django.db.models import QuerySet

from core.models import Notification


def notifications_for_user(user) -> QuerySet[Notification]:
    """The user's notifications, newest first (index notification_inbox_idx)."""
    if not user.is_authenticated:
        return Notification.objects.none()
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-id")


def unread_count(user) -> int:
    """One COUNT query: the badge in the page header."""
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()
