"""Reads of the holiday calendar."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from core.models import Holiday


def list_holidays(*, year: int, include_cancelled: bool = False) -> QuerySet[Holiday]:
    holidays = Holiday.objects.filter(date__year=year)
    return holidays if include_cancelled else holidays.filter(is_active=True)


def get_holiday(pk: int) -> Holiday:
    return get_object_or_404(Holiday, pk=pk)
