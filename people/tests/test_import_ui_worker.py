"""The real worker path once: "Impor sekarang" queues the task in the database; db_worker runs it."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from people.models import ImportJob, Pegawai
from people.tests.import_jobs import preview_job
from people.tests.siasn_files import asn_row


@pytest.mark.django_db(transaction=True)
def test_a_confirmed_import_waits_in_the_queue_until_the_worker_runs_it(cast, client_for, private_media):
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        job = preview_job(cast.operator_a, [asn_row(cast.opd_a, 501), asn_row(cast.opd_a, 502, nik="1")])
        client = client_for(cast.operator_a)
        client.post(reverse("people:import_confirm", args=[job.pk]))
        job.refresh_from_db()
        assert (job.status, job.done) == ("menunggu", 0)
        assert not Pegawai.objects.exists()
        state = client.get(reverse("people:import_status", args=[job.pk])).json()
        assert (state["status"], state["finished"]) == ("menunggu", False)

        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    job.refresh_from_db()
    assert (job.status, job.done, job.total, job.imported, job.rejected) == ("selesai", 2, 2, 1, 1)
    assert Pegawai.objects.filter(opd=cast.opd_a).count() == 1
    assert ImportJob.objects.get().finished_at is not None
