"""Reads of the audit log (for those holding view_audit, checked by the view)."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from django.utils import timezone

from core.models import AuditLog


def _day_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def list_audit_entries(
    *, actor=None, object_type="", object_id="", date_from=None, date_to=None
) -> QuerySet[AuditLog]:
    entries = AuditLog.objects.select_related("actor")
    if actor is not None:
        entries = entries.filter(actor=actor)
    if object_type:
        entries = entries.filter(object_type=object_type.strip().lower())
    if object_id:
        entries = entries.filter(object_id=object_id.strip())
    if date_from:
        entries = entries.filter(at__gte=_day_start(date_from))
    if date_to:
        entries = entries.filter(at__lt=_day_start(date_to + dt.timedelta(days=1)))
    return entries.order_by("-at", "-id")
