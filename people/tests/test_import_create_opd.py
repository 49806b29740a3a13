"""Importing a Data ASN file whose OPDs Pelita lacks: `import_pegawai --create-opd`, the upload
form's "Buat OPD yang belum ada" with its preview, and the one message of a fresh installation."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from core.models import AuditLog
from org.models import Opd
from org.tests.helpers import create_fresh_instansi
from people.models import ImportJob, Pegawai
from people.tests.import_jobs import csv_upload
from people.tests.siasn_files import Named, asn_row, write_csv

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_media")]
NATIONAL_ID = "8AE483A8641EE9C501642AD5FC6E7BA2"


@pytest.fixture
def fresh_instansi():
    return create_fresh_instansi()


def two_new_opds_rows() -> list[dict[str, str]]:
    rows = [
        asn_row(Named("Dinas Kesehatan"), 1, satuan_kerja_kerja_id=NATIONAL_ID),
        asn_row(Named("Dinas Perhubungan"), 2, satuan_kerja_kerja_id=""),
        asn_row(Named("Dinas Kesehatan"), 3, satuan_kerja_kerja_id=NATIONAL_ID),
    ]
    return rows


def command(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_pegawai", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


# --- the command -----------------------------------------------------------------------------


def test_a_data_asn_file_on_a_fresh_installation_gets_one_message_not_a_rejection_per_row(
    fresh_instansi, tmp_path
):
    path = write_csv(tmp_path / "asn.csv", two_new_opds_rows())
    with pytest.raises(CommandError) as refused:
        command(path)
    message = str(refused.value)
    assert message.startswith("Belum ada OPD di Pelita")
    assert "import_opd" in message and "--create-opd" in message
    assert refused.value.returncode == 2
    assert not Pegawai.objects.exists()


def test_create_opd_creates_the_named_opds_then_imports_their_employees(fresh_instansi, tmp_path):
    path = write_csv(tmp_path / "asn.csv", two_new_opds_rows())
    out, err = command(path, "--create-opd")
    assert "OPD dibuat (2): Dinas Kesehatan (01); Dinas Perhubungan (02)" in out
    assert "imported 3, updated 0, unchanged 0, rejected 0" in out and err == ""
    dinkes = Opd.objects.get(name="Dinas Kesehatan")
    assert (dinkes.instansi, dinkes.unor_id) == (fresh_instansi, NATIONAL_ID)  # the national id is kept
    assert Pegawai.objects.filter(opd=dinkes).count() == 2
    assert AuditLog.objects.filter(event="opd.dibuat").count() == 2


def test_create_opd_twice_creates_nothing_the_second_time(fresh_instansi, tmp_path):
    path = write_csv(tmp_path / "asn.csv", two_new_opds_rows())
    command(path, "--create-opd")
    out, _err = command(path, "--create-opd")
    assert "OPD dibuat" not in out
    assert "imported 0, updated 0, unchanged 3, rejected 0" in out
    assert Opd.objects.count() == 2


def test_create_opd_with_dry_run_lists_the_opds_and_keeps_nothing(fresh_instansi, tmp_path):
    path = write_csv(tmp_path / "asn.csv", two_new_opds_rows())
    out, _err = command(path, "--create-opd", "--dry-run")
    assert "OPD yang akan dibuat (2): Dinas Kesehatan (01); Dinas Perhubungan (02)" in out
    assert "imported 3, updated 0, unchanged 0, rejected 0 (dry run" in out
    assert not Opd.objects.exists() and not Pegawai.objects.exists()
    assert not AuditLog.objects.filter(event="opd.dibuat").exists()


def test_create_opd_only_adds_the_missing_opds_next_to_the_known_ones(cast, tmp_path):
    rows = [asn_row(cast.opd_a, 1), asn_row(Named("Dinas Sosial"), 2)]
    out, _err = command(write_csv(tmp_path / "asn.csv", rows), "--create-opd")
    assert "OPD dibuat (1): Dinas Sosial" in out
    assert Opd.objects.filter(name="Dinas Sosial", instansi=cast.instansi).exists()
    assert Pegawai.objects.count() == 2


def test_without_create_opd_unknown_opds_are_still_rejected_row_by_row_when_opds_exist(cast, tmp_path):
    rows = [asn_row(cast.opd_a, 1), asn_row(Named("Dinas Sosial"), 2)]
    out, err = command(write_csv(tmp_path / "asn.csv", rows))
    assert "imported 1, updated 0, unchanged 0, rejected 1" in out
    assert "OPD 'Dinas Sosial' tidak dikenal" in err
    assert not Opd.objects.filter(name="Dinas Sosial").exists()


def test_create_opd_without_any_instansi_says_to_run_setup_instansi(db, tmp_path):
    path = write_csv(tmp_path / "asn.csv", two_new_opds_rows())
    with pytest.raises(CommandError, match="Jalankan setup_instansi lebih dulu"):
        command(path, "--create-opd")


# --- the upload screen -----------------------------------------------------------------------


def upload(client, rows, **extra):
    return client.post(reverse("people:import_upload"), {"berkas": csv_upload(rows), "jenis": "", **extra})


def admin_of(instansi):
    from accounts.roles import Role
    from accounts.users.actions import do_create_user

    return do_create_user(
        username="bkd.admin", name="Admin", password="x" * 12, roles=[Role.ADMIN], actor=None
    )


def test_the_upload_on_a_fresh_installation_shows_one_message_and_stores_no_job(fresh_instansi, client_for):
    client = client_for(admin_of(fresh_instansi))
    response = upload(client, two_new_opds_rows())
    assert response.status_code == 200
    errors = response.context["form"].errors["berkas"]
    assert len(errors) == 1 and errors[0].startswith("Belum ada OPD di Pelita")
    assert "Buat OPD yang belum ada" in errors[0]
    assert not ImportJob.objects.exists()


def test_the_preview_lists_the_opds_to_create_and_counts_their_rows_as_importable(fresh_instansi, client_for):
    client = client_for(admin_of(fresh_instansi))
    response = upload(client, two_new_opds_rows(), buat_opd="on")
    job = ImportJob.objects.get()
    assert response["Location"] == reverse("people:import_preview", args=[job.pk]) + "?buat_opd=1"
    assert not Opd.objects.exists(), "nothing is created before Impor sekarang"
    assert (job.imported, job.rejected) == (3, 0)

    page = client.get(response["Location"])
    listed = [(o.name, o.rows) for o in page.context["new_opds"]]
    assert listed == [("Dinas Kesehatan", 2), ("Dinas Perhubungan", 1)]
    html = page.content.decode()
    assert "2 OPD baru akan dibuat" in html and "Dinas Perhubungan" in html
    assert 'name="buat_opd" value="1"' in html


def test_impor_sekarang_creates_the_opds_and_imports_their_employees(
    fresh_instansi, client_for, django_capture_on_commit_callbacks
):
    client = client_for(admin_of(fresh_instansi))
    upload(client, two_new_opds_rows(), buat_opd="on")
    job = ImportJob.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("people:import_confirm", args=[job.pk]), {"buat_opd": "1"})
    assert response.status_code == 302
    job.refresh_from_db()
    assert (job.status, job.imported, job.rejected) == ("selesai", 3, 0)
    assert sorted(Opd.objects.values_list("name", flat=True)) == ["Dinas Kesehatan", "Dinas Perhubungan"]
    assert Pegawai.objects.count() == 3


def test_cancelling_the_preview_leaves_no_opd_behind(fresh_instansi, client_for):
    client = client_for(admin_of(fresh_instansi))
    upload(client, two_new_opds_rows(), buat_opd="on")
    client.post(reverse("people:import_cancel", args=[ImportJob.objects.get().pk]))
    assert not Opd.objects.exists() and not ImportJob.objects.exists()


def test_an_operator_opd_is_not_offered_to_create_opds(cast, client_for):
    client = client_for(cast.operator_a)
    page = client.get(reverse("people:import_upload"))
    assert "buat_opd" not in page.context["form"].fields
    upload(client, [asn_row(cast.opd_a, 1), asn_row(Named("Dinas Sosial"), 2)], buat_opd="on")
    job = ImportJob.objects.get()
    assert job.rejected == 1
    preview = client.get(reverse("people:import_preview", args=[job.pk]) + "?buat_opd=1")
    assert preview.context["new_opds"] == []
    client.post(reverse("people:import_confirm", args=[job.pk]), {"buat_opd": "1"})
    assert not Opd.objects.filter(name="Dinas Sosial").exists()
