"""A job whose worker died is found (timer or page view), failed with a reason, and retried from its page."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from core import progress
from core.models import AuditLog
from people.imports.actions import (
    do_drop_unretried_import_files,
    do_expire_stuck_import_jobs,
    progress_key,
)
from people.models import ImportJob, Pegawai
from people.tests.import_jobs import confirm_unreadable, finished_job, preview_job
from people.tests.siasn_files import asn_row

# Reading a running job's progress (and so its heartbeat) uses the progress alias.
pytestmark = pytest.mark.django_db(databases=["default", "progress"])

START = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _stuck_after_ten_minutes(settings, private_media):
    settings.PELITA_JOB_STUCK_MINUTES = 10


@pytest.fixture
def clock(time_machine):
    time_machine.move_to(START, tick=False)
    return time_machine


def running_job(user, rows=None) -> ImportJob:
    """A job a worker has claimed, exactly as run_import_job's first write leaves it, whose
    worker then died (nothing more is written)."""
    job = preview_job(user, rows)
    ImportJob.objects.filter(pk=job.pk).update(
        confirmed_at=START, status="diproses", started_at=START, heartbeat_at=START, attempt=1
    )
    job.refresh_from_db()
    progress.forget(progress_key(job))  # the progress table outlives a test's rollback
    return job


def minutes_later(clock, minutes: float) -> None:
    clock.move_to(START + dt.timedelta(minutes=minutes), tick=False)


def test_a_running_job_whose_worker_went_silent_is_failed_with_a_reason_and_keeps_its_file(cast, clock):
    job = running_job(cast.operator_a)
    minutes_later(clock, 11)

    assert [j.pk for j in do_expire_stuck_import_jobs()] == [job.pk]

    job.refresh_from_db()
    assert job.status == "gagal" and job.finished
    assert "Impor terhenti" in job.error and "10 menit" in job.error and "Ulangi impor" in job.error
    assert job.can_retry and job.file.storage.exists(job.file.name), "the file stays for the retry"
    audit = AuditLog.objects.get(event="impor_pegawai.terhenti")
    assert audit.actor is None and audit.before["status"] == "diproses"
    assert audit.before["last_sign_of_life"] == START.isoformat() and audit.after["status"] == "gagal"


def test_a_job_silent_for_less_than_the_limit_is_left_alone(cast, clock):
    job = running_job(cast.operator_a)
    minutes_later(clock, 9)
    assert do_expire_stuck_import_jobs() == []
    job.refresh_from_db()
    assert job.status == "diproses"


def test_a_job_still_publishing_progress_is_alive_however_old_its_row_is(cast, clock):
    job = running_job(cast.operator_a)
    minutes_later(clock, 9)
    progress.publish(progress_key(job), 1000, 5000)  # the worker's heartbeat, from inside its transaction

    minutes_later(clock, 15)
    assert do_expire_stuck_import_jobs() == [], "the last progress was 6 minutes ago"
    minutes_later(clock, 19.5)
    assert [j.pk for j in do_expire_stuck_import_jobs()] == [job.pk]


def test_the_sweep_is_idempotent_and_touches_no_other_state(cast, clock):
    stuck = running_job(cast.operator_a)
    waiting = preview_job(cast.operator_a, [asn_row(cast.opd_a, 611)])
    done = finished_job(cast.operator_a, [asn_row(cast.opd_a, 612)])
    minutes_later(clock, 30)

    out = io.StringIO()
    call_command("expire_stuck_jobs", stdout=out)
    assert "1 impor terhenti ditandai gagal" in out.getvalue() and f"#{stuck.pk}" in out.getvalue()
    rows = AuditLog.objects.count()
    assert do_expire_stuck_import_jobs() == []
    assert AuditLog.objects.count() == rows, "a second sweep writes nothing"
    states = dict(ImportJob.objects.values_list("pk", "status"))
    assert states == {stuck.pk: "gagal", waiting.pk: "menunggu", done.pk: "selesai"}


def test_looking_at_the_job_page_fails_a_stuck_job_and_offers_the_retry(cast, clock, client_for):
    job = running_job(cast.operator_a)
    client = client_for(cast.operator_a)
    state = client.get(reverse("people:import_status", args=[job.pk])).json()
    assert (state["status"], state["finished"]) == ("diproses", False)

    minutes_later(clock, 11)
    state = client.get(reverse("people:import_status", args=[job.pk])).json()
    assert (state["status"], state["finished"]) == ("gagal", True)
    page = client.get(reverse("people:import_job", args=[job.pk])).content.decode()
    assert "Impor terhenti" in page and "Ulangi impor" in page
    assert f'action="{reverse("people:import_retry", args=[job.pk])}"' in page
    assert "job-progress.js" not in page


def test_ulangi_impor_runs_the_same_job_again_and_imports_its_rows(
    cast, clock, client_for, django_capture_on_commit_callbacks
):
    job = running_job(cast.operator_a, [asn_row(cast.opd_a, 621), asn_row(cast.opd_a, 622)])
    minutes_later(clock, 11)
    do_expire_stuck_import_jobs()
    assert not Pegawai.objects.exists(), "the dead run imported nothing"

    client = client_for(cast.operator_a)
    with django_capture_on_commit_callbacks(execute=True):  # the run is queued once the retry commits
        response = client.post(reverse("people:import_retry", args=[job.pk]))
    assert response["Location"] == reverse("people:import_job", args=[job.pk])

    job.refresh_from_db()
    assert (job.status, job.attempt, job.imported, job.error) == ("selesai", 2, 2, "")
    assert Pegawai.objects.filter(opd=cast.opd_a).count() == 2
    assert not job.file.storage.exists(job.file.name), "the file is removed after the import"
    retry = AuditLog.objects.get(event="impor_pegawai.diulang")
    assert retry.actor == cast.operator_a and "Impor terhenti" in retry.before["error"]
    page = client.get(response["Location"]).content.decode()
    assert "Impor diulang dan menunggu giliran dikerjakan." in page and "Percobaan ke-2" in page
    assert "Ulangi impor" not in page


def test_a_finished_job_cannot_be_retried_and_says_why(cast, client_for):
    job = finished_job(cast.operator_a)
    client = client_for(cast.operator_a)
    response = client.post(reverse("people:import_retry", args=[job.pk]), follow=True)
    assert "Impor ini tidak dapat diulang" in response.content.decode()
    job.refresh_from_db()
    assert (job.status, job.attempt) == ("selesai", 1)
    assert not AuditLog.objects.filter(event="impor_pegawai.diulang").exists()


def test_a_job_of_another_opd_cannot_be_retried(cast, clock, client_for):
    job = running_job(cast.operator_a)
    minutes_later(clock, 11)
    do_expire_stuck_import_jobs()
    assert client_for(cast.operator_b).post(reverse("people:import_retry", args=[job.pk])).status_code == 404
    assert client_for(cast.operator_a).get(reverse("people:import_retry", args=[job.pk])).status_code == 405
    job.refresh_from_db()
    assert job.status == "gagal"


def test_a_job_failed_on_an_unreadable_file_offers_no_retry(
    cast, client_for, django_capture_on_commit_callbacks
):
    job = preview_job(cast.operator_a)
    confirm_unreadable(client_for(cast.operator_a), job, django_capture_on_commit_callbacks)
    assert job.status == "gagal" and not job.can_retry
    page = client_for(cast.operator_a).get(reverse("people:import_job", args=[job.pk])).content.decode()
    assert "Ulangi impor" not in page


def test_the_kept_file_of_a_failed_job_nobody_retried_is_deleted_after_the_retry_days(
    cast, clock, settings, django_capture_on_commit_callbacks
):
    settings.PELITA_IMPORT_RETRY_DAYS = 7
    old = running_job(cast.operator_a, [asn_row(cast.opd_a, 631)])
    minutes_later(clock, 11)
    do_expire_stuck_import_jobs()
    clock.move_to(START + dt.timedelta(days=6), tick=False)
    recent = running_job(cast.operator_a, [asn_row(cast.opd_a, 632)])
    ImportJob.objects.filter(pk=recent.pk).update(status="gagal", finished_at=START + dt.timedelta(days=6))

    clock.move_to(START + dt.timedelta(days=7, hours=1), tick=False)
    old_name = old.file.name
    with django_capture_on_commit_callbacks(execute=True):  # the file goes once the job row commits
        assert do_drop_unretried_import_files() == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert not old.file and not old.can_retry and not recent.file.storage.exists(old_name)
    assert recent.can_retry
    assert AuditLog.objects.get(event="impor_pegawai.berkas_dihapus").before["file"] == old_name
    assert do_drop_unretried_import_files() == 0
