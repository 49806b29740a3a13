"""The rows a builder wrote, taken once per database and written back in one insert per table.

Building the persona cast through the application's actions costs about 180 queries; every
test that uses it used to pay them. ``Snapshot.take`` runs the builder once (inside the
first test that needs it) and keeps what it inserted; ``restore`` writes those rows again
in the next test's transaction, which rolls them back like anything else the test wrote.

The builder runs with every primary-key sequence moved to ``BASE``, so its rows have keys
that no row a test created before asking for them reaches, and every row written after them
gets a higher key (tests find "what this call wrote" as rows with a higher id). Every reference between the rows, audit values and object ids included,
stays as the actions wrote it.
"""

from __future__ import annotations

import copy

from django.apps import apps
from django.db import connections, router, transaction
from django.utils import timezone

# Far above any key the suite's own rows reach, and inside a 32-bit integer.
BASE = 100_000_000


class NotRestorable(Exception):
    """The database cannot be restored from rows (an unknown backend)."""


def _models(using: str):
    tables = set(connections[using].introspection.table_names())
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed
        and not model._meta.proxy
        and model._meta.db_table in tables
        and router.allow_migrate_model(using, model)
    ]


def _rows(model, using: str) -> dict:
    names = [field.attname for field in model._meta.concrete_fields]
    pk = model._meta.pk.attname
    return {row[pk]: row for row in model._base_manager.using(using).values(*names)}


def _auto_keyed(models):
    return [model for model in models if model._meta.pk.get_internal_type().endswith("AutoField")]


def _move_sequences(models, using: str, start: int) -> None:
    """Move every key sequence to ``start``. Left there: rows written after the builder's,
    in the same test or after a restore, get higher keys, as they would have had."""
    connection = connections[using]
    if connection.vendor not in {"sqlite", "postgresql"}:
        raise NotRestorable(connection.vendor)
    with connection.cursor() as cursor:
        for model in _auto_keyed(models):
            table, column = model._meta.db_table, model._meta.pk.column
            if connection.vendor == "sqlite":
                cursor.execute("DELETE FROM sqlite_sequence WHERE name = %s", [table])
                cursor.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, start])
            else:
                cursor.execute("SELECT setval(pg_get_serial_sequence(%s, %s), %s)", [table, column, start])


def _follow_restored_rows(rows: dict, using: str) -> None:
    """Keep every sequence past the restored keys. SQLite's sequence table follows inserted
    keys by itself; PostgreSQL's sequences do not, and stay above ``BASE`` after the take
    unless a flush reset them."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return
    parts, params = [], []
    for model, model_rows in rows.items():
        if model in _auto_keyed([model]):
            sequence = "pg_get_serial_sequence(%s, %s)"
            parts.append(
                f"setval({sequence}, GREATEST(COALESCE(pg_sequence_last_value({sequence}::regclass), 0), %s))"
            )
            table, column = model._meta.db_table, model._meta.pk.column
            params += [table, column, table, column, max(row[model._meta.pk.attname] for row in model_rows)]
    if parts:
        with connection.cursor() as cursor:
            cursor.execute("SELECT " + ", ".join(parts), params)


def _stamp_now(model, row: dict, now) -> None:
    """Fields the builder stamped with "now" get the restoring test's "now" (frozen or not)."""
    for field in model._meta.concrete_fields:
        if (
            getattr(field, "auto_now", False)
            or getattr(field, "auto_now_add", False)
            or (field.has_default() and field.default is timezone.now)
        ):
            row[field.attname] = now


class Snapshot:
    def __init__(self, using: str, rows: dict):
        self.using = using
        self.rows = rows  # {model: [row values by attname]}

    @classmethod
    def take(cls, build, using: str = "default"):
        """Run ``build()`` and return ``(its result, the snapshot of what it inserted)``; the
        snapshot is None when the builder changed rows that existed before it ran (only
        running it again reproduces that)."""
        models = _models(using)
        before = {model: _rows(model, using) for model in models}
        _move_sequences(models, using, BASE)
        result = build()
        inserted = {}
        for model in models:
            after = _rows(model, using)
            old = before[model]
            if any(after.get(pk) != row for pk, row in old.items()):
                return result, None
            new = [row for pk, row in after.items() if pk not in old]
            if new:
                inserted[model] = new
        return result, cls(using, inserted)

    def restore(self) -> dict:
        """Insert the rows again; ``{(model, pk): instance}`` with references between them cached."""
        now = timezone.now()
        objects = {}
        with transaction.atomic(using=self.using):
            for model, rows in self.rows.items():
                instances = []
                for row in rows:
                    values = copy.deepcopy(row)
                    _stamp_now(model, values, now)
                    instances.append(model(**values))
                model._base_manager.using(self.using).bulk_create(instances)
                objects |= {(model, instance.pk): instance for instance in instances}
            _follow_restored_rows(self.rows, self.using)
        for (model, _pk), instance in objects.items():
            for field in model._meta.concrete_fields:
                if (field.many_to_one or field.one_to_one) and field.target_field.primary_key:
                    target = objects.get(
                        (field.related_model._meta.concrete_model, getattr(instance, field.attname))
                    )
                    if target is not None:
                        field.set_cached_value(instance, target)
        return objects
