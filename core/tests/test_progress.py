"""Progress published inside a long transaction is seen at once by every other connection."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.db import connections, router, transaction

from core import progress
from core.models import AuditLog
from people.models import Pegawai


def rows_seen_by_another_server(key: str) -> int:
    """What a second process would read: a fresh connection to the progress database."""
    other = connections.create_connection(progress.ALIAS)
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM pelita_progress WHERE cache_key LIKE %s", [f"%{key}"])
            return cursor.fetchone()[0]
    finally:
        other.close()


@pytest.mark.django_db(transaction=True, databases=["default", "progress"])
def test_progress_published_inside_an_open_transaction_is_seen_by_another_connection_at_once():
    with transaction.atomic():  # the import's transaction, on the default database
        AuditLog.objects.create(event="uji.impor", object_type="uji", object_id="1", actor_label="sistem")
        progress.publish("uji.job.1.1", 2000, 5000)
        assert rows_seen_by_another_server("uji.job.1.1") == 1
        seen = progress.read("uji.job.1.1")
        assert (seen.done, seen.total) == (2000, 5000) and seen.at is not None
        transaction.set_rollback(True)  # the import fails: its rows go, its progress was never in it
    assert not AuditLog.objects.filter(event="uji.impor").exists()
    assert progress.read("uji.job.1.1") is not None

    progress.forget("uji.job.1.1")
    assert progress.read("uji.job.1.1") is None and rows_seen_by_another_server("uji.job.1.1") == 0


def test_only_the_progress_table_is_routed_to_the_progress_database():
    assert router.db_for_write(caches[progress.ALIAS].cache_model_class) == progress.ALIAS
    assert router.db_for_write(caches["default"].cache_model_class) == "default"
    assert router.db_for_write(Pegawai) == "default"
    assert router.allow_migrate(progress.ALIAS, "people", model_name="pegawai") is False
    assert router.allow_migrate("default", "people", model_name="pegawai") is True
    assert router.allow_migrate_model("default", caches[progress.ALIAS].cache_model_class) is False
