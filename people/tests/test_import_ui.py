"""The import screens: upload → preview (dry run) → "Impor sekarang" → the job page, its report and its scope."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from core import progress
from core.models import AuditLog
from people.imports.actions import progress_key, progress_of
from people.models import ImportJob, Pegawai
from people.tests.factories import make_pegawai
from people.tests.import_jobs import confirm_unreadable, csv_upload, finished_job, preview_job
from people.tests.siasn_files import asn_row

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_media")]

BAD_NIK = "1234"


def stored_files(media) -> list:
    folder = media / "imports"
    return sorted(folder.iterdir()) if folder.exists() else []


def upload(client, rows=None, *, file=None, kind=""):
    return client.post(reverse("people:import_upload"), {"berkas": file or csv_upload(rows), "jenis": kind})


def three_rows_one_bad(opd):
    return [asn_row(opd, 501), asn_row(opd, 502, nik=BAD_NIK), asn_row(opd, 503)]


def test_an_operator_uploads_sees_the_preview_imports_and_sees_the_finished_job(
    cast, client_for, private_media, django_capture_on_commit_callbacks
):
    client = client_for(cast.operator_a)
    response = upload(client, three_rows_one_bad(cast.opd_a))
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "people:import_preview", args=[job.pk]
    )
    assert not Pegawai.objects.exists(), "the preview is a dry run"
    assert (job.status, job.confirmed_at, job.opd, job.kind, job.original_name) == (
        "menunggu",
        None,
        cast.opd_a,
        "data-asn",
        "data-asn.csv",
    )
    assert [f.suffix for f in stored_files(private_media)] == [".csv"]
    assert "data-asn" not in stored_files(private_media)[0].name, "the stored name is random"

    preview = client.get(response["Location"]).content.decode()
    assert 'data-count="imported"><span class="number">2<' in preview
    assert 'data-count="rejected"><span class="number">1<' in preview
    assert "<td>3</td><td>nik</td>" in preview  # line 3 (header is line 1), column nik
    assert "Impor sekarang" in preview and "Batal" in preview

    with django_capture_on_commit_callbacks(execute=True):  # the run is queued once the confirm commits
        response = client.post(reverse("people:import_confirm", args=[job.pk]))
    assert response["Location"] == reverse("people:import_job", args=[job.pk])
    job.refresh_from_db()
    assert (job.status, job.done, job.total, job.imported, job.rejected) == ("selesai", 3, 3, 2, 1)
    assert Pegawai.objects.count() == 2
    assert set(Pegawai.objects.values_list("opd", flat=True)) == {cast.opd_a.pk}
    assert stored_files(private_media) == [], "the file (personal data) is removed after the import"

    page = client.get(response["Location"]).content.decode()
    assert "Selesai" in page and '<progress id="import-progress-bar" max="3" value="3">' in page
    assert "Unduh laporan penolakan (CSV)" in page
    assert "job-progress.js" not in page, "a finished job needs no polling"
    events = list(AuditLog.objects.filter(object_type="people.importjob").values_list("event", flat=True))
    assert sorted(events) == ["impor_pegawai.dikonfirmasi", "impor_pegawai.diunggah", "impor_pegawai.selesai"]
    assert AuditLog.objects.get(event="pegawai.diimpor", actor=cast.operator_a).after["jumlah"] == 2


def test_the_rejection_report_lists_every_rejected_row_with_line_column_nip_and_reason(cast, client_for):
    rows = [*three_rows_one_bad(cast.opd_a), asn_row(cast.opd_a, 504, tanggal_lahir="31-02-1985")]
    job = finished_job(cast.operator_a, rows)
    response = client_for(cast.operator_a).get(reverse("people:import_report", args=[job.pk]))
    assert response["Content-Type"].startswith("text/csv")
    assert f'filename="penolakan-impor-{job.pk}.csv"' in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    lines = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert lines[0] == ["baris", "kolom", "nip", "alasan"]
    assert [(line, column) for line, column, _nip, _reason in lines[1:]][:1] == [("3", "nik")]
    assert {line for line, *_rest in lines[1:]} == {"3", "5"}
    assert lines[1][2] == rows[1]["nip_baru"] and lines[1][3]
    assert job.rejected == 2


@pytest.mark.django_db(databases=["default", "progress"])
def test_the_job_page_of_a_running_import_polls_the_status_endpoint(cast, client_for, private_media):
    job = preview_job(cast.operator_a, three_rows_one_bad(cast.opd_a))
    ImportJob.objects.filter(pk=job.pk).update(confirmed_at=job.created_at, status="diproses", attempt=1)
    job.refresh_from_db()
    progress.publish(progress_key(job), 2, 3)  # what the worker's progress callback writes
    client = client_for(cast.operator_a)
    page = client.get(reverse("people:import_job", args=[job.pk])).content.decode()
    assert 'src="/static/pelita/job-progress.js"' in page
    assert f'data-status-url="{reverse("people:import_status", args=[job.pk])}"' in page
    assert 'value="2"' in page and "Muat ulang" in page
    state = client.get(reverse("people:import_status", args=[job.pk])).json()
    assert state | {"status_label": "?"} == {
        "status": "diproses",
        "status_label": "?",
        "finished": False,
        "done": 2,
        "total": 3,
        "imported": 2,
        "updated": 0,
        "unchanged": 0,
        "rejected": 1,
    }
    assert progress_of(job) == (2, 3)


def test_batal_drops_the_previewed_job_and_its_file(cast, client_for, private_media):
    job = preview_job(cast.operator_a)
    response = client_for(cast.operator_a).post(reverse("people:import_cancel", args=[job.pk]))
    assert response["Location"] == reverse("people:import_upload")
    assert not ImportJob.objects.exists() and stored_files(private_media) == []
    assert not Pegawai.objects.exists()
    assert AuditLog.objects.filter(event="impor_pegawai.dibatalkan", actor=cast.operator_a).exists()


def test_a_double_click_on_impor_sekarang_imports_once(cast, client_for, django_capture_on_commit_callbacks):
    job = preview_job(cast.operator_a)
    client = client_for(cast.operator_a)
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("people:import_confirm", args=[job.pk]))
    assert AuditLog.objects.filter(event="impor_pegawai.dikonfirmasi").count() == 1
    assert AuditLog.objects.filter(event="impor_pegawai.selesai").count() == 1
    assert Pegawai.objects.count() == 1


def test_a_confirmed_job_cannot_be_cancelled_and_its_preview_leads_to_the_job(cast, client_for):
    job = finished_job(cast.operator_a)
    client = client_for(cast.operator_a)
    assert client.post(reverse("people:import_cancel", args=[job.pk]))["Location"] == reverse(
        "people:import_job", args=[job.pk]
    )
    assert ImportJob.objects.filter(pk=job.pk).exists()
    assert client.get(reverse("people:import_preview", args=[job.pk]))["Location"] == reverse(
        "people:import_job", args=[job.pk]
    )


def test_a_file_unreadable_at_run_time_fails_the_job_with_its_reason(
    cast, client_for, django_capture_on_commit_callbacks
):
    job = preview_job(cast.operator_a)
    confirm_unreadable(client_for(cast.operator_a), job, django_capture_on_commit_callbacks)
    assert job.status == "gagal" and "bukan CSV atau XLSX" in job.error
    assert not Pegawai.objects.exists()
    page = client_for(cast.operator_a).get(reverse("people:import_job", args=[job.pk])).content.decode()
    assert "Gagal" in page and "bukan CSV atau XLSX" in page


# --- files that cannot be imported at all ---------------------------------------------------


def _png():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("foto.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", content_type="text/csv")


def _big():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("besar.csv", b"nip_baru,nama\n" + b"1,x\n" * 300_000, content_type="text/csv")


def _unknown_columns():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("lain.csv", b"nip_baru,nama,warna_favorit\n1,Budi,biru\n")


def _header_only():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("judul.csv", b"nip_baru,nama,tanggal_lahir,jenis_kelamin\n")


def _xls():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("lama.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)


@pytest.mark.parametrize(
    ("make_file", "message"),
    [
        (_png, "Berkas ini bukan CSV atau XLSX"),
        (_big, "Berkas terlalu besar (1,2 MB); batasnya 1 MB"),
        (_unknown_columns, "Kolom tidak dikenal untuk berkas Data ASN: warna_favorit"),
        (_header_only, "Berkas tidak berisi baris data"),
        (_xls, "format Excel lama (.xls)"),
    ],
    ids=["png", "too-big", "unknown-columns", "header-only", "xls"],
)
def test_a_file_that_cannot_be_imported_shows_why_next_to_the_field_and_creates_nothing(
    make_file, message, cast, client_for, settings, private_media
):
    settings.PELITA_IMPORT_MAX_MB = 1
    response = upload(client_for(cast.operator_a), file=make_file())
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="field-error" id="id_berkas_error"' in html and message in html
    assert not ImportJob.objects.exists() and stored_files(private_media) == []
    assert not AuditLog.objects.filter(object_type="people.importjob").exists()


def test_a_kind_that_does_not_fit_the_header_is_refused(cast, client_for):
    response = upload(client_for(cast.admin), [asn_row(cast.opd_a, 501)], kind="rw-skp")
    assert "Kolom tidak dikenal untuk berkas" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_no_file_is_refused_in_indonesian(cast, client_for):
    response = client_for(cast.admin).post(reverse("people:import_upload"), {"jenis": ""})
    assert response.status_code == 200 and "id_berkas_error" in response.content.decode()
    assert not ImportJob.objects.exists()


# --- scope ----------------------------------------------------------------------------------


def test_an_operator_import_rejects_rows_of_another_opd_with_a_clear_reason(cast, client_for):
    elsewhere = make_pegawai(cast.opd_b, nama="Pegawai Dishub")
    rows = [
        asn_row(cast.opd_a, 501),
        asn_row(cast.opd_b, 502),  # a new employee placed in OPD B
        asn_row(cast.opd_a, 503, pns_id="", nip_baru=elsewhere.nip, nik=elsewhere.nik),  # moved from B
    ]
    job = finished_job(cast.operator_a, rows)
    reasons = {r["line"]: (r["column"], r["reason"]) for r in job.rejections}
    assert reasons[3] == (
        "satuan_kerja_kerja_nama",
        "OPD Dinas Perhubungan bukan OPD Anda; Operator OPD hanya boleh mengimpor pegawai OPD sendiri.",
    )
    assert reasons[4] == (
        "nip_baru",
        "Pegawai ini terdaftar di OPD lain; Operator OPD hanya boleh mengimpor pegawai OPD sendiri.",
    )
    assert (job.imported, job.rejected) == (1, 2)
    elsewhere.refresh_from_db()
    assert elsewhere.opd == cast.opd_b
    assert list(Pegawai.objects.filter(opd=cast.opd_b)) == [elsewhere]


def test_an_admin_import_takes_rows_of_every_opd(cast):
    job = finished_job(cast.admin, [asn_row(cast.opd_a, 501), asn_row(cast.opd_b, 502)])
    assert (job.opd, job.imported, job.rejected) == (None, 2, 0)


def test_operator_b_can_neither_see_nor_act_on_operator_a_jobs(cast, client_for):
    done = finished_job(cast.operator_a, three_rows_one_bad(cast.opd_a))
    waiting = preview_job(cast.operator_a, [asn_row(cast.opd_a, 601)])
    client = client_for(cast.operator_b)
    for name in ("import_job", "import_status", "import_report", "import_preview"):
        assert client.get(reverse(f"people:{name}", args=[done.pk])).status_code == 404, name
    for name in ("import_confirm", "import_cancel"):
        assert client.post(reverse(f"people:{name}", args=[waiting.pk])).status_code == 404, name
    waiting.refresh_from_db()
    assert waiting.confirmed_at is None
    listing = client.get(reverse("people:import_list")).content.decode()
    assert "Belum ada impor." in listing


def test_the_history_lists_an_admin_every_job_and_an_operator_their_opd_jobs(
    cast, client_for, django_assert_max_num_queries
):
    for seq in range(3):
        finished_job(cast.operator_a, [asn_row(cast.opd_a, 701 + seq)])
    finished_job(cast.operator_b, [asn_row(cast.opd_b, 801)])
    finished_job(cast.admin, [asn_row(cast.opd_b, 802)])
    client = client_for(cast.admin)
    with django_assert_max_num_queries(7):  # the shell header reads the instansi
        page = client.get(reverse("people:import_list"))
    assert page.status_code == 200
    assert len(page.context["page_obj"]) == 5
    client = client_for(cast.operator_a)
    with django_assert_max_num_queries(7):
        page = client.get(reverse("people:import_list"))
    assert page.status_code == 200
    assert {job.created_by for job in page.context["page_obj"]} == {cast.operator_a}
    assert len(page.context["page_obj"]) == 3
