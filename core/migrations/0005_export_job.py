"""Background exports (core.exports.files): one row per export job, its progress and stored file."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_cache_table"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ExportJob",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("kind", models.CharField(max_length=100, verbose_name="jenis ekspor")),
                ("title", models.CharField(max_length=200, verbose_name="judul")),
                ("params", models.JSONField(blank=True, default=dict, verbose_name="saringan")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("menunggu", "Menunggu"),
                            ("diproses", "Diproses"),
                            ("selesai", "Selesai"),
                            ("gagal", "Gagal"),
                        ],
                        default="menunggu",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                ("total", models.PositiveIntegerField(default=0, verbose_name="jumlah baris")),
                ("done", models.PositiveIntegerField(default=0, verbose_name="baris selesai")),
                ("file", models.CharField(blank=True, max_length=200, verbose_name="berkas")),
                ("filename", models.CharField(max_length=200, verbose_name="nama unduhan")),
                ("error", models.TextField(blank=True, verbose_name="pesan galat")),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, verbose_name="diminta pada"),
                ),
                ("started_at", models.DateTimeField(blank=True, null=True, verbose_name="mulai diproses")),
                ("finished_at", models.DateTimeField(blank=True, null=True, verbose_name="selesai pada")),
                (
                    "owner",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="export_jobs",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="pemilik",
                    ),
                ),
            ],
            options={
                "verbose_name": "ekspor",
                "verbose_name_plural": "ekspor",
                "ordering": ["-created_at", "-id"],
                "indexes": [
                    models.Index(fields=["owner", "-created_at"], name="exportjob_owner_created_idx"),
                ],
            },
        ),
    ]
