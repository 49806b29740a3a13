"""Plain INSERTs for bulk imports, without the ORM's per-batch SQL compilation.

``QuerySet.bulk_create`` builds one SQL statement per batch with a placeholder per value,
which costs more than the insert itself at ten thousand rows. ``insert_rows`` prepares each
value exactly as Django would (``pre_save`` for auto_now_add, ``get_db_prep_save`` for the
backend's types, JSON included) and hands one statement to ``executemany``. It returns no
primary keys: use it for rows nothing else points at (history rows, audit rows).
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connections, models, router


def insert_rows(model: type[models.Model], objs: Sequence[models.Model]) -> None:
    if not objs:
        return
    using = router.db_for_write(model)
    connection = connections[using]
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
