"""The campaign exports become core export jobs: every campaigns.ExportJob row moves to core.

A ZIP job becomes a job of campaigns.exports.files.FILES_EXPORT with the campaign's slug and
the OPD in its params; an XLSX job (none are made any more) one of SUBMISSIONS_EXPORT. The
stored file keeps its name, so a finished ZIP stays downloadable. The next migration drops
the old table.
"""

from django.db import migrations

FILES = "campaigns.exports.files.FILES_EXPORT"
SUBMISSIONS = "campaigns.exports.files.SUBMISSIONS_EXPORT"


def forward(apps, schema_editor):
    Old = apps.get_model("campaigns", "ExportJob")
    New = apps.get_model("core", "ExportJob")
    for job in Old.objects.select_related("campaign", "opd").order_by("pk").iterator():
        slug = job.campaign.slug
        if job.kind == "zip":
            params = {"slug": slug, "opd": job.opd_id}
            where = job.opd.name if job.opd else "semua OPD"
            title = f"Berkas {job.campaign.title} · {where}"
            filename = f"berkas-{slug}-{job.opd.code if job.opd else 'semua-opd'}.zip"
            kind = FILES
        else:
            params = {"slug": slug}
            title = f"Isian {job.campaign.title}"
            filename = f"isian-{slug}.xlsx"
            kind = SUBMISSIONS
        New.objects.create(
            owner_id=job.created_by_id,
            kind=kind,
            title=title[:200],
            params=params,
            status=job.status,
            total=job.total,
            done=job.done,
            file=job.file,
            filename=filename[:200],
            error=job.error,
            created_at=job.created_at,
            finished_at=job.finished_at,
        )


def backward(apps, schema_editor):
    Old = apps.get_model("campaigns", "ExportJob")
    New = apps.get_model("core", "ExportJob")
    Campaign = apps.get_model("campaigns", "Campaign")
    campaigns = {c.slug: c.pk for c in Campaign.objects.only("slug")}
    # Only the ZIPs go back: core's XLSX jobs were never all campaigns' rows.
    moved = New.objects.filter(kind=FILES).order_by("pk")
    for job in moved.iterator():
        campaign_id = campaigns.get((job.params or {}).get("slug"))
        if campaign_id is None:
            continue
        Old.objects.create(
            campaign_id=campaign_id,
            kind="zip",
            opd_id=(job.params or {}).get("opd"),
            created_by_id=job.owner_id,
            created_at=job.created_at,
            status=job.status,
            total=job.total,
            done=job.done,
            file=job.file,
            error=job.error,
            finished_at=job.finished_at,
        )
    moved.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0001_initial"),
        ("core", "0007_export_job_kind_index"),
    ]

    operations = [migrations.RunPython(forward, backward)]
