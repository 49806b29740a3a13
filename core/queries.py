"""Reads of the core app. The audit log is for Admins only (checked by the views)."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from core.models import AuditLog, Holiday


def list_holidays(*, year: int, include_cancelled: bool = False) -> QuerySet[Holiday]:
    holidays = Holiday.objects.filter(date__year=year)
    return holidays if include_cancelled else holidays.filter(is_active=True)


def get_holiday(pk: int) -> Holiday:
    return get_object_or_404(Holiday, pk=pk)


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
