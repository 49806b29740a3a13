"""Writing the audit log. Every action calls record() inside its transaction."""

from __future__ import annotations

import datetime as dt
import decimal
import functools
import uuid
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from django.db import models, transaction
from django.dispatch import Signal

from core.models import AuditLog

SYSTEM_LABEL = "sistem"


class Recorded(NamedTuple):
    """What one committed write touched: its audit event and the objects' type and ids."""

    event: str
    object_type: str
    object_ids: tuple[str, ...]


# Sent once the writing transaction commits, with ``change=Recorded(...)``. Apps that keep
# figures derived from other apps' records (IP-ASN scores, KP lists) listen here instead of
# being called by the writers, which sit below them in the layering.
recorded = Signal()


def announce(event: str, object_type: str, object_ids: Iterable[Any]) -> None:
    """Tell listeners, on commit, that ``event`` touched these objects (bulk writers call it
    once per batch; :func:`record` calls it for every row)."""
    change = Recorded(event, object_type, tuple(str(i) for i in object_ids))
    if change.object_ids:
        transaction.on_commit(lambda: recorded.send(sender=Recorded, change=change))


_PLAIN = frozenset({str, int, bool, float, type(None)})


def _json_value(value: Any) -> Any:
    if type(value) in _PLAIN:  # the common case first: bulk imports snapshot many rows
        return value
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, list | tuple | set | frozenset):
        return sorted(_json_value(v) for v in value)
    return value


@functools.cache
def _attnames(model: type[models.Model], fields: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((name, getattr(model._meta.get_field(name), "attname", name)) for name in fields)


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The JSON-safe values of ``fields`` (foreign keys by id) for a before/after record."""
    return {name: _json_value(getattr(obj, attname)) for name, attname in _attnames(type(obj), tuple(fields))}


def changed(before: Mapping[str, Any], after: Mapping[str, Any]) -> tuple[dict, dict]:
    """Only the keys whose values differ, so a row reads as "what changed"."""
    keys = [k for k in after if before.get(k) != after[k]] + [k for k in before if k not in after]
    return {k: before.get(k) for k in keys}, {k: after.get(k) for k in keys}


def entry(
    *,
    actor,
    event: str,
    obj: models.Model | None = None,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    object_type: str | None = None,
    object_id: str | int | None = None,
    object_repr: str | None = None,
) -> AuditLog:
    """One audit row, not yet saved: bulk writers (imports) collect these for bulk_create."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = obj.pk if object_id is None else object_id
        object_repr = object_repr or str(obj)
    return AuditLog(
        actor=actor if actor is not None and actor.is_authenticated else None,
        actor_label=actor.get_username() if actor is not None and actor.is_authenticated else SYSTEM_LABEL,
        event=event,
        object_type=object_type or "",
        object_id="" if object_id is None else str(object_id),
        object_repr=(object_repr or "")[:255],
        before=dict(before or {}),
        after=dict(after or {}),
    )


def record(**kwargs) -> AuditLog:
    """Write one audit row (the arguments of :func:`entry`). ``actor`` is a user, or None for system work."""
    row = entry(**kwargs)
    row.save(force_insert=True)
    announce(row.event, row.object_type, [row.object_id] if row.object_id else [])
    return row


def create_object(obj: models.Model, fields: Iterable[str], *, actor, event: str) -> models.Model:
    """Validate and save the new ``obj`` and audit its ``fields``: the shared body of every
    "create" action (callers wrap it in their transaction)."""
    obj.full_clean()
    obj.save()
    record(actor=actor, event=event, obj=obj, after=snapshot(obj, fields))
    return obj


def update_fields(obj: models.Model, changes: Mapping[str, Any], *, actor, event: str) -> bool:
    """Apply ``changes`` to ``obj``, validate, save and audit them; False if nothing changed.

    The shared body of every "edit" action: callers wrap it in their transaction.
    """
    fields = list(changes)
    before = snapshot(obj, fields)
    for name, value in changes.items():
        setattr(obj, name, value)
    after = snapshot(obj, fields)
    old, new = changed(before, after)
    if not new:
        return False
    obj.full_clean()
    obj.save(update_fields=list(new))
    record(actor=actor, event=event, obj=obj, before=old, after=new)
    return True
