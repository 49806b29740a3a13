"""Import jobs: the worker's heartbeat and the number of runs (for stuck-job detection and retry)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0005_eselon_i"),
    ]

    operations = [
        migrations.AddField(
            model_name="importjob",
            name="attempt",
            field=models.PositiveSmallIntegerField(default=0, verbose_name="percobaan"),
        ),
        migrations.AddField(
            model_name="importjob",
            name="heartbeat_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="tanda aktif terakhir"),
        ),
    ]
