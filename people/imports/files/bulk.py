"""Plain INSERTs and UPDATEs for bulk imports, without the ORM's per-row overhead.

``QuerySet.bulk_create`` builds one SQL statement per batch with a placeholder per value,
and both it and ``bulk_update`` want a model instance per row, which together cost more
than the writes themselves at ten thousand rows. These functions take rows as plain
tuples of Python values of the field's own type (str, int, bool, date, dicts for JSON;
foreign keys as ids) in the order of the field names given, convert each value as Django
would for the backend (``get_db_prep_save``: nothing for text, numbers, booleans and ids,
``adapt_datefield_value`` for dates, ``adapt_json_value`` for JSON), and hand one
statement to ``executemany``. They return no primary keys: the caller reads them back by
a natural key.

``insert_rows`` keeps the older instance-based interface (``pre_save`` for auto_now_add).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from typing import Any

from django.db import connections, models, router

# Field types whose get_db_prep_save returns a value of the right Python type unchanged
# (str, int, bool, or None): the common case, converted by nothing.
_PASS_THROUGH = frozenset(
    {
        "AutoField",
        "BigAutoField",
        "BigIntegerField",
        "BooleanField",
        "CharField",
        "EmailField",
        "ForeignKey",
        "IntegerField",
        "OneToOneField",
        "PositiveBigIntegerField",
        "PositiveIntegerField",
        "PositiveSmallIntegerField",
        "SlugField",
        "SmallIntegerField",
        "TextField",
    }
)


def _connection(model: type[models.Model]):
    return connections[router.db_for_write(model)]


def _converters(
    model: type[models.Model], names: Sequence[str], connection, json_encoder=None
) -> list[Callable | None]:
    converters: list[Callable | None] = []
    for name in names:
        field = model._meta.get_field(name)
        kind = field.get_internal_type()
        if kind in _PASS_THROUGH:
            converters.append(None)
        elif kind == "DateField":
            # what DateField.get_db_prep_save does with a date (its to_python returns it as
            # is); nothing at all where the driver takes dates (PostgreSQL)
            adapt = connection.ops.adapt_datefield_value
            probe = dt.date(2000, 1, 1)
            converters.append(None if adapt(probe) is probe else _memo(adapt))
        elif kind == "JSONField" and json_encoder is not None:
            # what JSONField.get_db_prep_save does, with an encoder for values JSON lacks (dates)
            encoder = field.encoder or json_encoder
            converters.append(functools.partial(connection.ops.adapt_json_value, encoder=encoder))
        elif kind == "DateTimeField":
            converters.append(_memo(functools.partial(field.get_db_prep_save, connection=connection)))
        else:
            converters.append(functools.partial(field.get_db_prep_save, connection=connection))
    return converters


def _prepared(rows: Sequence[Sequence[Any]], converters: list[Callable | None]) -> list[tuple]:
    """The rows with every value converted, column by column (one loop per converted column).

    None stays None (SQL NULL), as get_db_prep_save leaves it for these field types.
    """
    if not any(converters):
        return [tuple(row) for row in rows]
    columns = list(zip(*rows, strict=True))
    for i, convert in enumerate(converters):
        if convert is None:
            continue
        if getattr(convert, "memo", False):
            # dates and timestamps repeat (TMTs on the 1st, one "at" per batch): convert each once
            seen: dict = {}
            columns[i] = [
                None if v is None else seen[v] if v in seen else seen.setdefault(v, convert(v))
                for v in columns[i]
            ]
        else:
            columns[i] = [None if v is None else convert(v) for v in columns[i]]
    return list(zip(*columns, strict=True))


def _memo(convert: Callable) -> Callable:
    """Mark a converter of hashable values whose result depends on the value alone."""

    def wrapper(value):
        return convert(value)

    wrapper.memo = True
    return wrapper


def insert_values(
    model: type[models.Model], names: Sequence[str], rows: Sequence[Sequence[Any]], *, json_encoder=None
) -> None:
    """INSERT ``rows`` (tuples of Python values for the fields ``names``) in one executemany.

    ``json_encoder`` serialises JSON fields that have no encoder of their own: pass
    ``DjangoJSONEncoder`` to store dates inside them as ISO text.
    """
    if not rows:
        return
    connection = _connection(model)
    quote = connection.ops.quote_name
    columns = [model._meta.get_field(n).column for n in names]
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(c) for c in columns),
        ", ".join(["%s"] * len(columns)),
    )
    params = _prepared(rows, _converters(model, names, connection, json_encoder))
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def update_values(model: type[models.Model], names: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """UPDATE the fields ``names`` of rows given as (pk, *values) tuples, in one executemany."""
    if not rows:
        return
    connection = _connection(model)
    quote = connection.ops.quote_name
    sql = "UPDATE {} SET {} WHERE {} = %s".format(
        quote(model._meta.db_table),
        ", ".join(f"{quote(model._meta.get_field(n).column)} = %s" for n in names),
        quote(model._meta.pk.column),
    )
    params = [
        (*values, pk) for pk, *values in _prepared(rows, [None, *_converters(model, names, connection)])
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def insert_rows(model: type[models.Model], objs: Sequence[models.Model]) -> None:
    """INSERT model instances (not saved; primary keys are not set on them)."""
    if not objs:
        return
    connection = _connection(model)
    quote = connection.ops.quote_name
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(f.column) for f in fields),
        ", ".join(["%s"] * len(fields)),
    )
    # A field whose pre_save only reads the attribute (all but auto_now*) skips the call.
    plain = [not getattr(f, "auto_now", False) and not getattr(f, "auto_now_add", False) for f in fields]
    params = [
        tuple(
            f.get_db_prep_save(getattr(obj, f.attname) if simple else f.pre_save(obj, True), connection)
            for f, simple in zip(fields, plain, strict=True)
        )
        for obj in objs
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)
