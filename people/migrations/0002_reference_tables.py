from django.db import migrations


def load(apps, schema_editor):
    from people.reference.actions import sync_reference_tables

    sync_reference_tables(apps.get_model("people", "Golongan"), apps.get_model("people", "JabatanFungsional"))


class Migration(migrations.Migration):
    dependencies = [("people", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
