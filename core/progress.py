"""Progress of background work that every server sees while the work's transaction is open.

A long job such as the employee import writes everything in one transaction, so a counter
written through the same connection (on the job's row, or in the default database cache)
stays invisible to every other process until the very end. Progress is therefore written
through a second database alias, ``progress``, in autocommit:

- on PostgreSQL it is the same database over a connection of its own;
- on SQLite it is a file of its own beside the main one (``pelita-progress.sqlite3``),
  because the import holds SQLite's single write lock on the main file for its whole
  transaction, and a second connection writing there would wait for it.

The entries live in a database-cache table (``settings.CACHES["progress"]``, table
``pelita_progress``) that ``ProgressRouter`` sends to that alias and nowhere else. The
table is created on first use by each process (``createcachetable``), so neither
``migrate`` nor ``make run`` needs a step for it; see
docs/decisions/0003-job-progress-and-stuck-jobs.md.

An entry is also the job's heartbeat: ``Progress.at`` says when its worker last showed life
(people.imports.actions fails jobs whose heartbeat stopped). Keys are the caller's, e.g.
``people.importjob.<pk>.<attempt>``; give each run its own key so a dead run's last
numbers never pass for a new run's.

In tests, code that publishes or reads progress needs the alias:
``@pytest.mark.django_db(databases=["default", "progress"])``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import DatabaseError, connections, router, transaction
from django.utils import timezone

ALIAS = "progress"  # the database alias (settings.DATABASES) and the cache (settings.CACHES)


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    at: dt.datetime  # when it was published: the worker's last sign of life


def publish(key: str, done: int, total: int) -> None:
    """Record ``done`` of ``total`` for ``key``, visible to every process at once."""
    _on_table(lambda cache: cache.set(key, (done, total, timezone.now())))


def read(key: str) -> Progress | None:
    """The last numbers published for ``key``; None when nothing was published (or it expired)."""
    value = _on_table(lambda cache: cache.get(key))
    return None if value is None else Progress(*value)


def forget(key: str) -> None:
    _on_table(lambda cache: cache.delete(key))


# Database names (not aliases: tests repoint an alias at its test database) whose
# progress table this process has seen or created.
_ready: set[str] = set()


def _on_table(operation):
    cache = caches[ALIAS]
    database = router.db_for_write(cache.cache_model_class)
    name = str(connections[database].settings_dict["NAME"])
    if name not in _ready:
        _create_table(cache, database)
        _ready.add(name)
    try:
        # Its own atomic block: a failed statement then leaves the connection usable, even
        # inside a test's transaction.
        with transaction.atomic(using=database):
            return operation(cache)
    except DatabaseError:
        # The table went away after this process saw it (a deleted SQLite progress file, a
        # test's rolled-back transaction): make it again, once.
        if cache._table in connections[database].introspection.table_names():
            raise
        _create_table(cache, database)
        return operation(cache)


def _create_table(cache, database: str) -> None:
    try:
        call_command("createcachetable", cache._table, database=database, verbosity=0)
    except DatabaseError:
        # Another process created it between the look and the CREATE TABLE.
        if cache._table not in connections[database].introspection.table_names():
            raise


def _is_progress_table(model) -> bool:
    meta = model._meta
    return meta.app_label == "django_cache" and meta.db_table == settings.CACHES[ALIAS]["LOCATION"]


class ProgressRouter:
    """The progress cache table lives on the ``progress`` alias, and nothing else does.

    ``migrate`` never creates anything there (on PostgreSQL it is the main database under
    a second name; on SQLite its one table is created on first use); the main cache
    (``pelita_cache``) stays on ``default``.
    """

    def db_for_read(self, model, **hints):
        return ALIAS if _is_progress_table(model) else None

    def db_for_write(self, model, **hints):
        return ALIAS if _is_progress_table(model) else None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        model = hints.get("model")
        if model is not None and _is_progress_table(model):
            return db == ALIAS
        return False if db == ALIAS else None
