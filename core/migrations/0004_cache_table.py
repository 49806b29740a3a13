"""The database cache table (settings.CACHES), created by migrate so that no installation
needs a separate ``createcachetable`` step."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("core", "0003_alter_document_kind_notification")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
