"""Notifying users: an in-app notification row plus an e-mail, sent once the transaction commits.

E-mail goes through Django's mailer (console backend by default, see EMAIL_BACKEND), so a
rolled-back action never mails anyone. Users without an address get the in-app row only.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction

from core.audit import record
from core.models import Notification


def do_notify(
    recipients: Iterable, *, title: str, body: str = "", url: str = "", actor, event: str
) -> list[Notification]:
    """Notify each of ``recipients`` (users) in the app and by e-mail; one audit row per call."""
    users = list({user.pk: user for user in recipients}.values())
    if not users:
        return []
    with transaction.atomic():
        rows = Notification.objects.bulk_create(
            Notification(recipient=user, title=title[:200], body=body, url=url) for user in users
        )
        record(
            actor=actor,
            event=event,
            object_type="core.notification",
            object_repr=title,
            after={"title": title, "recipients": sorted(user.pk for user in users)},
        )
        link = f"\n\n{settings.PELITA_BASE_URL.rstrip('/')}{url}" if url else ""
        messages = [
            (title, f"{body}{link}", settings.DEFAULT_FROM_EMAIL, [user.email])
            for user in users
            if user.email
        ]
        if messages:
            transaction.on_commit(partial(send_mass_mail, messages, fail_silently=True))
    return rows


def do_mark_read(user, notification_ids: Iterable[int] | None = None) -> int:
    """Mark the user's notifications as read (all when ``notification_ids`` is None).

    Reading is not a change of record, so it writes no audit row (the audit-trail test
    knows this action)."""
    from django.utils import timezone

    rows = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_ids is not None:
        rows = rows.filter(pk__in=list(notification_ids))
    return rows.update(read_at=timezone.now())
