"""The export kinds moved with their modules (one shape): jobs stored under the old dotted
paths keep working (a queued job still runs, a finished one still downloads)."""

from django.db import migrations

MOVED = {
    "people.exports.PEGAWAI_EXPORT": "people.records.files.PEGAWAI_EXPORT",
    "campaigns.exports.SUBMISSIONS_EXPORT": "campaigns.exports.files.SUBMISSIONS_EXPORT",
}


def forwards(apps, schema_editor):
    ExportJob = apps.get_model("core", "ExportJob")
    for old, new in MOVED.items():
        ExportJob.objects.filter(kind=old).update(kind=new)


def backwards(apps, schema_editor):
    ExportJob = apps.get_model("core", "ExportJob")
    for old, new in MOVED.items():
        ExportJob.objects.filter(kind=new).update(kind=old)


class Migration(migrations.Migration):
    dependencies = [("core", "0005_export_job")]

    operations = [migrations.RunPython(forwards, backwards)]
