"""Writes to the FAQ: an entry created (from an answer, or from scratch), edited, or rated."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F

from core.audit import create_object, record, update_fields
from helpdesk.models import FaqEntry

FIELDS = ("topic", "question", "answer", "is_published", "order", "source_ticket")


@transaction.atomic
def do_create_faq_entry(*, actor, **values) -> FaqEntry:
    return create_object(FaqEntry(**values), FIELDS, actor=actor, event="helpdesk.faq_dibuat")


@transaction.atomic
def do_update_faq_entry(entry: FaqEntry, changes: dict, *, actor) -> bool:
    return update_fields(entry, changes, actor=actor, event="helpdesk.faq_diubah")


@transaction.atomic
def do_rate_faq_entry(entry: FaqEntry, *, helpful: bool, actor) -> None:
    """One "membantu / tidak" vote, counted by the database (concurrent votes all count)."""
    column = "helpful" if helpful else "not_helpful"
    FaqEntry.objects.filter(pk=entry.pk).update(**{column: F(column) + 1})
    record(actor=actor, event="helpdesk.faq_dinilai", obj=entry, after={"membantu": helpful})
