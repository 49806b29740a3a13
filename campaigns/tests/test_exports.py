"""Exports: the XLSX of every submission, and the ZIP of uploads per OPD named by NIP (a core
export job, shared by everyone who sees its OPD)."""

from __future__ import annotations

import hashlib
import zipfile
from io import BytesIO

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from campaigns.exports.actions import do_start_files_export
from campaigns.exports.files import FILES_EXPORT, entry_name
from campaigns.tests.helpers import tiny_pdf
from campaigns.tests.participation_helpers import NOW, simple_campaign, submit, two_opds
from core.exports.files import open_export_file, run_export_job
from core.models import AuditLog, ExportJob

pytestmark = pytest.mark.django_db


@pytest.fixture
def scenario(cast):
    with time_machine.travel(NOW, tick=False):
        campaign = simple_campaign(cast, files=1)
        a, b = two_opds(cast)
        submit(campaign, a[0], cast.admin, pdf_text="a0")
        submit(campaign, a[1], cast.admin, pdf_text="a1")
        submit(campaign, b[0], cast.admin, pdf_text="b0")
    return campaign, a, b


def test_entry_names_are_the_nip_with_the_code_only_when_there_are_several():
    assert entry_name("199001012015031001", "laporan", ".PDF", single=True) == "199001012015031001.pdf"
    assert (
        entry_name("199001012015031001", "lampiran2", "pdf", single=False)
        == "199001012015031001_lampiran2.pdf"
    )


def test_xlsx_has_one_row_per_submission_and_one_column_per_question(cast, scenario, client_for):
    campaign, a, b = scenario
    response = client_for(cast.admin).get(reverse("campaigns:campaign_export_xlsx", args=[campaign.slug]))
    assert response.status_code == 200
    rows = list(load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))
    header = rows[0]
    assert header[:3] == ("NIP", "Nama lengkap", "OPD")
    assert header[-2:] == ("Capaian (%) (capaian)", "Berkas 1 (laporan)")
    assert sorted(r[0] for r in rows[1:]) == sorted(p.nip for p in (a[0], a[1], b[0]))
    assert {r[-2] for r in rows[1:]} == {80}
    assert {r[-1] for r in rows[1:]} == {"laporan.pdf"}
    assert AuditLog.objects.filter(event="kampanye.isian_diekspor", actor=cast.admin).exists()


def test_operator_xlsx_holds_only_their_opd(cast, scenario, client_for):
    campaign, _a, b = scenario
    response = client_for(cast.operator_b).get(
        reverse("campaigns:campaign_export_xlsx", args=[campaign.slug])
    )
    rows = list(load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == [b[0].nip]


def test_xlsx_is_a_constant_number_of_queries(cast, scenario, client_for, django_assert_max_num_queries):
    campaign, a, _b = scenario
    client = client_for(cast.admin)
    url = reverse("campaigns:campaign_export_xlsx", args=[campaign.slug])
    with time_machine.travel(NOW, tick=False):
        submit(campaign, a[2], cast.admin, pdf_text="a2")
        submit(campaign, a[3], cast.admin, pdf_text="a3")
    with django_assert_max_num_queries(12):
        response = client.get(url)
    assert response.status_code == 200
    rows = list(load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))
    assert sorted(r[0] for r in rows[1:]) == sorted(p.nip for p in (*a[:4], _b[0]))


def test_zip_per_opd_names_files_by_nip_and_keeps_the_bytes(
    cast, scenario, client_for, django_capture_on_commit_callbacks
):
    campaign, a, _b = scenario
    client = client_for(cast.operator_a)
    with django_capture_on_commit_callbacks(execute=True):  # the worker: core's task, on commit
        response = client.post(
            reverse("campaigns:campaign_export_files", args=[campaign.slug]), {"opd": cast.opd_a.pk}
        )
    assert response.status_code == 302
    job = ExportJob.objects.get()
    assert (job.kind, job.params, job.owner) == (
        FILES_EXPORT.key,
        {"slug": campaign.slug, "opd": cast.opd_a.pk},
        cast.operator_a,
    )
    assert (job.status, job.total, job.done) == ("selesai", 2, 2)
    assert job.file.startswith("exports/") and job.filename == f"berkas-{campaign.slug}-{cast.opd_a.code}.zip"
    status = client.get(reverse("campaigns:campaign_export_status", args=[campaign.slug, job.pk])).json()
    assert status["finished"] and status["done"] == 2
    download = client.get(reverse("campaigns:campaign_export_download", args=[campaign.slug, job.pk]))
    archive = zipfile.ZipFile(BytesIO(b"".join(download.streaming_content)))
    assert sorted(archive.namelist()) == sorted(f"{p.nip}.pdf" for p in a[:2])
    assert (
        hashlib.sha256(archive.read(f"{a[0].nip}.pdf")).digest()
        == hashlib.sha256(tiny_pdf("a0-laporan")).digest()
    )
    assert download["Content-Type"] == "application/zip"
    assert set(AuditLog.objects.filter(object_type="core.exportjob").values_list("event", flat=True)) == {
        "ekspor.diminta",
        "ekspor.selesai",
        "ekspor.diunduh",
    }
    # The owner also finds it in "Ekspor saya", the one list of a user's background exports.
    assert client.get(reverse("core:export_list")).context["page_obj"].object_list[0] == job


def test_operator_cannot_export_or_download_another_opds_files(cast, scenario, client_for):
    campaign, _a, _b = scenario
    client = client_for(cast.operator_b)
    client.post(reverse("campaigns:campaign_export_files", args=[campaign.slug]), {"opd": cast.opd_a.pk})
    assert not ExportJob.objects.exists()  # OPD A is not a choice for them
    job, _created = do_start_files_export(campaign, opd=cast.opd_a, actor=cast.admin)
    run_export_job(job.pk)
    url = reverse("campaigns:campaign_export_download", args=[campaign.slug, job.pk])
    assert client.get(url).status_code == 404
    status = reverse("campaigns:campaign_export_status", args=[campaign.slug, job.pk])
    assert client.get(status).status_code == 404
    # Shared within its OPD: another user of OPD A downloads the ZIP the admin asked for.
    assert client_for(cast.operator_a).get(url).status_code == 200


def test_an_owner_who_lost_the_opd_from_their_scope_gets_no_zip(cast, scenario):
    campaign, _a, _b = scenario
    job, _created = do_start_files_export(campaign, opd=cast.opd_a, actor=cast.operator_b)
    run_export_job(job.pk)
    job.refresh_from_db()
    assert (job.status, job.file, job.error) == ("gagal", "", "Data ekspor ini tidak lagi dapat Anda akses.")


def test_only_bkd_staff_may_build_the_all_opd_zip(cast, scenario):
    campaign, _a, _b = scenario
    job, _created = do_start_files_export(campaign, opd=None, actor=cast.operator_a)
    run_export_job(job.pk)
    job.refresh_from_db()
    assert job.status == "gagal" and not job.file


def test_an_all_opd_export_holds_one_zip_per_opd(cast, scenario):
    campaign, _a, b = scenario
    job, created = do_start_files_export(campaign, opd=None, actor=cast.admin)
    assert created
    run_export_job(job.pk)
    job.refresh_from_db()
    assert job.status == "selesai" and job.total == 3
    assert job.filename == f"berkas-{campaign.slug}-semua-opd.zip"
    outer = zipfile.ZipFile(open_export_file(job))
    assert sorted(outer.namelist()) == ["13 Dinkes.zip", "24 Dishub.zip"]
    inner = zipfile.ZipFile(BytesIO(outer.read("24 Dishub.zip")))
    assert inner.namelist() == [f"{b[0].nip}.pdf"]
    assert inner.read(f"{b[0].nip}.pdf") == tiny_pdf("b0-laporan")


def test_a_second_request_while_one_runs_reuses_it(cast, scenario):
    campaign, _a, _b = scenario
    first, created = do_start_files_export(campaign, opd=cast.opd_a, actor=cast.admin)
    second, created_again = do_start_files_export(campaign, opd=cast.opd_a, actor=cast.operator_a)
    assert created and not created_again and first.pk == second.pk
    other, created_other = do_start_files_export(campaign, opd=cast.opd_b, actor=cast.admin)
    assert created_other and other.pk != first.pk


def test_a_retried_task_leaves_a_finished_job_alone(cast, scenario):
    campaign, _a, _b = scenario
    job, _ = do_start_files_export(campaign, opd=cast.opd_a, actor=cast.admin)
    run_export_job(job.pk)
    job.refresh_from_db()
    finished = (job.file, job.finished_at)
    run_export_job(job.pk)
    job.refresh_from_db()
    assert (job.file, job.finished_at) == finished


def test_the_export_page_shows_the_jobs_with_progress(cast, scenario, client_for):
    campaign, _a, _b = scenario
    job, _ = do_start_files_export(campaign, opd=cast.opd_b, actor=cast.admin)
    response = client_for(cast.operator_b).get(reverse("campaigns:campaign_exports", args=[campaign.slug]))
    body = response.content.decode()
    assert f'data-job="{job.pk}"' in body and "pelita/job-progress.js" in body
    assert "Dinas Perhubungan" in body and str(cast.admin) in body
    assert [j.pk for j in response.context["jobs"]] == [job.pk]
    assert list(response.context["form"].fields["opd"].queryset) == [cast.opd_b]


def test_the_export_page_costs_the_same_queries_for_more_jobs(
    cast, scenario, client_for, django_assert_num_queries, django_assert_max_num_queries
):
    campaign, _a, _b = scenario
    client = client_for(cast.admin)
    url = reverse("campaigns:campaign_exports", args=[campaign.slug])
    do_start_files_export(campaign, opd=cast.opd_a, actor=cast.admin)
    client.get(url)
    with django_assert_max_num_queries(20) as one:
        response = client.get(url)
    assert response.status_code == 200 and len(response.context["jobs"]) == 1
    do_start_files_export(campaign, opd=cast.opd_b, actor=cast.admin)
    do_start_files_export(campaign, opd=None, actor=cast.admin)
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200
    assert [job.opd for job in response.context["jobs"]] == [None, cast.opd_b, cast.opd_a]
    assert "Semua OPD" in response.content.decode()
