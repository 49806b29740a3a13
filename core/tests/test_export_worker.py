"""The real worker path once: "Susun berkas" queues the export in the database; db_worker builds it."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from openpyxl import load_workbook

from core.models import ExportJob
from people.tests.factories import make_pegawai


@pytest.mark.django_db(transaction=True)
def test_a_background_export_waits_in_the_queue_until_the_worker_builds_it(
    cast, client_for, settings, private_media
):
    settings.PELITA_EXPORT_INLINE_MAX_ROWS = 1
    ani = make_pegawai(cast.opd_a, nama="Ani Lestari")
    budi = make_pegawai(cast.opd_a, nama="Budi Santoso")
    make_pegawai(cast.opd_b, nama="Citra Dewi")
    client = client_for(cast.admin)
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        response = client.post(f"{reverse('people:pegawai_export')}?opd={cast.opd_a.pk}")
        job = ExportJob.objects.get()
        assert response["Location"] == reverse("core:export_job", args=[job.pk])
        state = client.get(reverse("core:export_status", args=[job.pk])).json()
        assert (state["status"], state["finished"], state["total"]) == ("menunggu", False, 2)

        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    state = client.get(reverse("core:export_status", args=[job.pk])).json()
    assert (state["status"], state["finished"], state["done"], state["total"]) == ("selesai", True, 2, 2)
    response = client.get(reverse("core:export_download", args=[job.pk]))
    rows = list(
        load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.iter_rows(values_only=True)
    )
    assert sorted(r[0] for r in rows[1:]) == sorted([ani.nip, budi.nip])
    assert client_for(cast.operator_a).get(reverse("core:export_download", args=[job.pk])).status_code == 404
