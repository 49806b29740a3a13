"""Reads of the audit log: the list (for those holding view_audit, checked by the view), and
which objects changed since a time (ids only, for the API's change feeds)."""

from __future__ import annotations

import datetime as dt

from django.db.models import BigIntegerField, QuerySet
from django.db.models.functions import Cast
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


def changed_since(model_label: str, since: dt.datetime) -> QuerySet:
    """Ids of the objects of ``model_label`` with an audit row at or after ``since``: a
    subquery for a queryset the caller has already scoped, never a list of audit values."""
    return (
        AuditLog.objects.filter(object_type=model_label, at__gte=since)
        .exclude(object_id="")
        .annotate(oid=Cast("object_id", BigIntegerField()))
        .values("oid")
    )
