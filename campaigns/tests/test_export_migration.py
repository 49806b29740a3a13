"""The campaign export jobs move to core.ExportJob (campaigns 0002) before their table goes (0003)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from campaigns.exports.files import FILES_EXPORT, SUBMISSIONS_EXPORT
from campaigns.tests.helpers import make_campaign
from core.models import ExportJob

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("campaigns", "0001_initial"), ("core", "0007_export_job_kind_index")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_old_campaign_jobs_become_core_jobs_that_the_export_page_still_serves(
    cast, client_for, private_media
):
    from django.core.files.base import ContentFile

    from core.documents import storage

    campaign = make_campaign(cast.admin, slug="migrasi-ekspor", opds=[cast.opd_a, cast.opd_b])
    latest = [key for key in MigrationExecutor(connection).loader.graph.leaf_nodes() if key[0] == "campaigns"]
    old_apps = _migrate(BEFORE)
    Old = old_apps.get_model("campaigns", "ExportJob")
    name = storage().save("campaign_exports/lama.zip", ContentFile(b"PK\x05\x06" + b"\x00" * 18))
    Old.objects.create(
        campaign_id=campaign.pk,
        kind="zip",
        opd_id=cast.opd_a.pk,
        created_by_id=cast.operator_a.pk,
        status="selesai",
        total=2,
        done=2,
        file=name,
    )
    Old.objects.create(campaign_id=campaign.pk, kind="zip", opd_id=None, created_by_id=cast.admin.pk)
    Old.objects.create(campaign_id=campaign.pk, kind="xlsx", created_by_id=cast.admin.pk, status="gagal")
    _migrate(latest)

    moved = {(job.kind, job.params.get("opd"), job.owner_id): job for job in ExportJob.objects.all()}
    zip_a = moved[(FILES_EXPORT.key, cast.opd_a.pk, cast.operator_a.pk)]
    assert (zip_a.status, zip_a.total, zip_a.file, zip_a.filename) == (
        "selesai",
        2,
        name,
        f"berkas-migrasi-ekspor-{cast.opd_a.code}.zip",
    )
    assert zip_a.params == {"slug": campaign.slug, "opd": cast.opd_a.pk}
    assert moved[(FILES_EXPORT.key, None, cast.admin.pk)].status == "menunggu"
    assert moved[(SUBMISSIONS_EXPORT.key, None, cast.admin.pk)].params == {"slug": campaign.slug}
    with connection.cursor() as cursor:
        assert "campaigns_exportjob" not in connection.introspection.table_names(cursor)

    response = client_for(cast.operator_a).get(
        reverse("campaigns:campaign_export_download", args=[campaign.slug, zip_a.pk])
    )
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"PK")
