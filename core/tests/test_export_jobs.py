"""Exports above PELITA_EXPORT_INLINE_MAX_ROWS are built by the worker; smaller ones at once.

The worker is the ImmediateBackend here (conftest), run when the request's transaction
commits; test_export_worker.py runs the real db_worker once.
"""

from __future__ import annotations

import datetime as dt
import io

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from accounts.roles import Capability, Role
from accounts.users.actions import do_update_user
from core.exports.actions import do_start_export
from core.exports.files import ExportKind, run_export_job
from core.models import AuditLog, ExportJob
from core.spreadsheets import write_xlsx
from people.records.files import PEGAWAI_EXPORT
from people.tests.factories import make_pegawai

pytestmark = pytest.mark.django_db
EXPORT = reverse("people:pegawai_export")


@pytest.fixture(autouse=True)
def _small_inline_limit(settings, private_media):
    settings.PELITA_EXPORT_INLINE_MAX_ROWS = 2


@pytest.fixture
def staff(cast):
    """Three employees of OPD A (two named Ani) and two of OPD B: above the limit of 2."""
    return {
        "ani": make_pegawai(cast.opd_a, nama="Ani Lestari"),
        "ani2": make_pegawai(cast.opd_a, nama="Ani Rahma"),
        "budi": make_pegawai(cast.opd_a, nama="Budi Santoso"),
        "citra": make_pegawai(cast.opd_b, nama="Citra Dewi"),
        "dedi": make_pegawai(cast.opd_b, nama="Dedi Kurnia"),
    }


def nips_in(data: bytes) -> list[str]:
    rows = list(load_workbook(io.BytesIO(data), read_only=True).active.iter_rows(values_only=True))
    return [r[0] for r in rows[1:]]


def download(client, job) -> bytes:
    response = client.get(reverse("core:export_download", args=[job.pk]))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def start(client, hooks, url=EXPORT, **query):
    """Press "Susun berkas" on the page of ``url``; the worker runs once the request commits."""
    with hooks(execute=True):
        response = client.post(f"{url}?{'&'.join(f'{k}={v}' for k, v in query.items())}")
    assert response.status_code == 302
    return ExportJob.objects.get(pk=int(response["Location"].rstrip("/").split("/")[-1]))


def test_a_list_within_the_limit_downloads_at_once_and_is_audited(cast, client_for, staff):
    response = client_for(cast.admin).get(EXPORT, {"q": "Ani"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert sorted(nips_in(response.content)) == sorted([staff["ani"].nip, staff["ani2"].nip])
    assert not ExportJob.objects.exists()
    entry = AuditLog.objects.get(event="ekspor.diunduh_langsung")
    assert (entry.actor, entry.after["rows"], entry.after["params"]) == (cast.admin, 2, {"q": "Ani"})


def test_a_longer_list_says_it_will_be_built_in_the_background_and_queues_nothing(cast, client_for, staff):
    response = client_for(cast.admin).get(EXPORT)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert (
        "5 baris" in response.content.decode() and 'data-testid="start-export"' in response.content.decode()
    )
    assert not ExportJob.objects.exists()


def test_the_background_file_holds_exactly_the_filtered_rows_and_only_its_owner_gets_it(
    cast, client_for, staff, django_capture_on_commit_callbacks
):
    client = client_for(cast.admin)
    job = start(client, django_capture_on_commit_callbacks, opd=cast.opd_a.pk, sort="-nama")
    job.refresh_from_db()
    assert (job.status, job.done, job.total, job.owner) == ("selesai", 3, 3, cast.admin)
    assert job.params == {"opd": str(cast.opd_a.pk), "sort": "-nama"}
    assert "OPD: Dinas Kesehatan" in job.title
    assert nips_in(download(client, job)) == [staff["budi"].nip, staff["ani2"].nip, staff["ani"].nip]
    assert set(AuditLog.objects.filter(object_type="core.exportjob").values_list("event", flat=True)) == {
        "ekspor.diminta",
        "ekspor.selesai",
        "ekspor.diunduh",
    }
    for other in (cast.operator_a, cast.kepala_badan):
        client = client_for(other)
        for name in ("core:export_job", "core:export_status", "core:export_download"):
            assert client.get(reverse(name, args=[job.pk])).status_code == 404, (other, name)


def test_the_file_lives_in_private_storage_under_a_random_name(
    cast, client_for, staff, django_capture_on_commit_callbacks, private_media
):
    job = start(client_for(cast.admin), django_capture_on_commit_callbacks)
    job.refresh_from_db()
    assert job.file.startswith("exports/") and job.file.endswith(".xlsx") and len(job.file) > 40
    assert (private_media / job.file).is_file()
    assert job.filename.startswith("pegawai-")


def test_an_operator_background_export_holds_only_their_opd(
    cast, client_for, staff, django_capture_on_commit_callbacks
):
    client = client_for(cast.operator_a)
    job = start(client, django_capture_on_commit_callbacks)
    assert sorted(nips_in(download(client, job))) == sorted(staff[k].nip for k in ("ani", "ani2", "budi"))


def test_the_job_page_shows_progress_then_the_download_link(
    cast, client_for, staff, django_capture_on_commit_callbacks
):
    client = client_for(cast.admin)
    job, _created = do_start_export(
        PEGAWAI_EXPORT, params={}, title="Daftar pegawai", total=5, actor=cast.admin
    )
    page = client.get(reverse("core:export_job", args=[job.pk])).content.decode()
    assert "Menunggu" in page and "job-progress.js" in page and "download-export" not in page
    assert client.get(reverse("core:export_status", args=[job.pk])).json() == {
        "status": "menunggu",
        "status_label": "Menunggu",
        "finished": False,
        "done": 0,
        "total": 5,
        "error": "",
    }
    run_export_job(job.pk)
    page = client.get(reverse("core:export_job", args=[job.pk])).content.decode()
    assert "Selesai" in page and 'data-testid="download-export"' in page and "job-progress.js" not in page
    state = client.get(reverse("core:export_status", args=[job.pk])).json()
    assert (state["finished"], state["done"], state["total"]) == (True, 5, 5)


def test_a_double_click_gives_the_same_job(cast, client_for, staff):
    client = client_for(cast.admin)
    first = client.post(EXPORT)
    second = client.post(EXPORT, follow=True)
    assert first["Location"] == second.redirect_chain[-1][0]
    assert ExportJob.objects.count() == 1
    assert "Ekspor yang sama sedang disusun" in second.content.decode()


def test_one_user_may_queue_only_a_few_exports_at_once(cast, client_for, staff, settings):
    settings.PELITA_EXPORT_MAX_RUNNING = 1
    client = client_for(cast.admin)
    client.post(EXPORT)
    response = client.post(f"{EXPORT}?sort=-nama", follow=True)
    assert response.redirect_chain[-1][0] == reverse("core:export_list")
    assert "sudah punya 1 ekspor yang sedang disusun" in response.content.decode()
    assert ExportJob.objects.count() == 1


def test_a_user_who_lost_the_role_can_no_longer_download(
    cast, client_for, staff, django_capture_on_commit_callbacks
):
    client = client_for(cast.operator_a)
    job = start(client, django_capture_on_commit_callbacks)
    do_update_user(cast.operator_a, changes={}, roles=[Role.PEGAWAI], actor=cast.admin)
    assert client.get(reverse("core:export_download", args=[job.pk])).status_code == 404


def test_a_job_whose_owner_lost_the_role_before_it_ran_fails_with_a_reason(cast, client_for, staff):
    job, _created = do_start_export(
        PEGAWAI_EXPORT, params={}, title="Daftar pegawai", total=5, actor=cast.operator_a
    )
    do_update_user(cast.operator_a, changes={}, roles=[Role.PEGAWAI], actor=cast.admin)
    run_export_job(job.pk)
    job.refresh_from_db()
    assert (job.status, job.file) == ("gagal", "")
    assert "tidak lagi berwenang" in job.error
    page = client_for(cast.operator_a).get(reverse("core:export_job", args=[job.pk])).content.decode()
    assert "tidak lagi berwenang" in page


def test_a_finished_job_is_not_run_twice(cast, staff):
    job, _created = do_start_export(
        PEGAWAI_EXPORT, params={}, title="Daftar pegawai", total=5, actor=cast.admin
    )
    run_export_job(job.pk)
    job.refresh_from_db()
    first_file = job.file
    run_export_job(job.pk)  # a retried task
    job.refresh_from_db()
    assert job.file == first_file
    assert AuditLog.objects.filter(event="ekspor.selesai", object_id=str(job.pk)).count() == 1


def test_the_export_list_shows_only_the_users_own_jobs(cast, client_for, staff):
    do_start_export(PEGAWAI_EXPORT, params={}, title="Ekspor milik admin", total=5, actor=cast.admin)
    do_start_export(PEGAWAI_EXPORT, params={}, title="Ekspor milik operator", total=3, actor=cast.operator_a)
    page = client_for(cast.operator_a).get(reverse("core:export_list")).content.decode()
    assert "Ekspor milik operator" in page and "Ekspor milik admin" not in page


# The worker reports progress on the job row as it writes; a kind made for the test checks it.
_seen: list[int] = []


def _count(user, params):
    return 1200


def _write(user, params, file, progress):
    def rows():
        for i in range(1200):
            if i in (600, 1100):
                _seen.append(ExportJob.objects.get(pk=params["job"]).done)
            yield [i]

    return write_xlsx(file, "Uji", ["n"], rows(), progress=progress)


SLOW_EXPORT = ExportKind(
    key="core.tests.test_export_jobs.SLOW_EXPORT",
    label="Uji",
    capability=Capability.VIEW_PEGAWAI,
    count=_count,
    write=_write,
    filename=lambda params: "uji.xlsx",
)


def test_progress_is_written_to_the_job_row_while_the_file_is_written(cast):
    _seen.clear()
    job, _created = do_start_export(SLOW_EXPORT, params={}, title="Uji", total=0, actor=cast.admin)
    job.params = {"job": job.pk}
    job.save(update_fields=["params"])
    run_export_job(job.pk)
    job.refresh_from_db()
    assert _seen == [500, 1000]
    assert (job.status, job.done, job.total) == ("selesai", 1200, 1200)


def test_campaign_submissions_above_the_limit_are_built_in_the_background_in_the_users_scope(
    cast, client_for, django_capture_on_commit_callbacks
):
    from campaigns.tests.participation_helpers import NOW, simple_campaign, submit

    with time_machine.travel(NOW, tick=False):
        campaign = simple_campaign(cast)
        people = [
            make_pegawai(opd, nama=f"Pegawai {i}")
            for i, opd in enumerate([cast.opd_a] * 2 + [cast.opd_b] * 3)
        ]
        for pegawai in people:
            submit(campaign, pegawai, cast.admin)
        url = reverse("campaigns:campaign_export_xlsx", args=[campaign.slug])
        client = client_for(cast.operator_b)
        assert "3 baris" in client.get(url).content.decode()
        job = start(client, django_capture_on_commit_callbacks, url=url)
        data = download(client, job)
    job.refresh_from_db()
    assert (job.status, job.total, job.filename) == ("selesai", 3, f"isian-{campaign.slug}.xlsx")
    assert sorted(nips_in(data)) == sorted(p.nip for p in people[2:])


def test_prune_exports_deletes_old_jobs_and_their_files(cast, staff, private_media):
    def export_on(day: int, title: str):
        with time_machine.travel(dt.datetime(2026, 11, day, 9, 0, tzinfo=dt.UTC), tick=False):
            job, _created = do_start_export(
                PEGAWAI_EXPORT, params={"q": title}, title=title, total=0, actor=cast.admin
            )
            run_export_job(job.pk)
        job.refresh_from_db()
        return job

    old, recent = export_on(1, "Lama"), export_on(8, "Baru")
    assert (private_media / old.file).is_file()
    out = io.StringIO()
    with time_machine.travel(dt.datetime(2026, 11, 9, 9, 0, tzinfo=dt.UTC), tick=False):  # 7 days kept
        call_command("prune_exports", stdout=out)
        call_command("prune_exports", stdout=io.StringIO())  # idempotent
    assert "1 ekspor dihapus" in out.getvalue()
    assert list(ExportJob.objects.values_list("title", flat=True)) == ["Baru"]
    assert not (private_media / old.file).exists()
    assert (private_media / recent.file).is_file()
    assert AuditLog.objects.filter(event="ekspor.dihapus", object_id=str(old.pk)).exists()


def test_a_job_left_unfinished_by_a_dead_worker_does_not_block_asking_again(cast, client_for, staff):
    client = client_for(cast.admin)
    with time_machine.travel(dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC), tick=False):
        client.force_login(cast.admin)
        client.post(EXPORT)  # queued, never run: the worker died
    stuck = ExportJob.objects.get()
    with time_machine.travel(dt.datetime(2026, 11, 2, 10, 30, tzinfo=dt.UTC), tick=False):
        client.force_login(cast.admin)
        response = client.post(EXPORT)
    stuck.refresh_from_db()
    assert (stuck.status, "terhenti" in stuck.error) == ("gagal", True)
    fresh = ExportJob.objects.exclude(pk=stuck.pk).get()
    assert response["Location"] == reverse("core:export_job", args=[fresh.pk])
    assert fresh.status == "menunggu"


def test_jobs_stored_under_an_export_kind_that_moved_name_it_again(cast):
    from importlib import import_module

    from django.apps import apps

    from core.exports.files import kind_of

    moved = import_module("core.migrations.0006_export_kinds_moved")
    job = ExportJob.objects.create(
        owner=cast.admin, kind="people.exports.PEGAWAI_EXPORT", title="Pegawai", filename="pegawai.xlsx"
    )
    moved.forwards(apps, None)
    job.refresh_from_db()
    assert job.kind == PEGAWAI_EXPORT.key
    assert kind_of(job.kind) is PEGAWAI_EXPORT
