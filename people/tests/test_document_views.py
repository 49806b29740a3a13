"""Scans on employee history rows: who may upload, who may download, every download audited."""

from __future__ import annotations

import hashlib
import re

import pytest
from django.urls import reverse

from accounts.roles import Role
from accounts.users.actions import do_create_user
from conftest import PDF_BYTES as PDF
from conftest import make_pdf
from core.documents import MB, do_attach_document
from core.models import AuditLog, Document
from people.models import RiwayatDiklat
from people.records.actions import do_add_riwayat
from people.tests.factories import make_pegawai

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_media")]

EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 56


@pytest.fixture
def rina(cast):
    return make_pegawai(cast.opd_a, nama="Rina Marlina", user=cast.pegawai_a)


@pytest.fixture
def sk(cast, rina) -> Document:
    row = rina.riwayat_golongan.get()
    return do_attach_document(row, make_pdf("SK CPNS.pdf"), kind="sk_pangkat", actor=cast.admin)


def upload_url(pegawai, tab="golongan", row=None) -> str:
    row = row or pegawai.riwayat_golongan.get().pk
    return reverse("people:document_upload", args=[pegawai.pk, tab, row])


def download_url(document: Document, pegawai) -> str:
    return reverse("people:document_download", args=[pegawai.pk, document.pk])


def delete_url(document: Document, pegawai) -> str:
    return reverse("people:document_delete", args=[pegawai.pk, document.pk])


def detail_url(pegawai, tab="golongan") -> str:
    return f"{reverse('people:pegawai_detail', args=[pegawai.pk])}?tab={tab}"


def post_scan(client, url, name="SK CPNS.pdf", content=PDF, kind="sk_pangkat"):
    return client.post(url, {"kind": kind, "berkas": make_pdf(name, content)})


@pytest.mark.parametrize("persona", ["operator_a", "admin"])
def test_the_operator_of_the_opd_and_the_admin_upload_a_scan_to_a_history_row(
    cast, client_for, rina, persona
):
    client = client_for(getattr(cast, persona))
    assert client.get(upload_url(rina)).status_code == 200
    response = post_scan(client, upload_url(rina))
    assert response.status_code == 302
    assert response["Location"] == f"{detail_url(rina)}#riwayat"
    document = Document.objects.get()
    assert document.owner == rina.riwayat_golongan.get()
    assert document.sha256 == hashlib.sha256(PDF).hexdigest()
    assert document.uploaded_by == getattr(cast, persona)


def test_the_upload_form_suggests_the_kind_of_the_history(cast, client_for, rina):
    form = client_for(cast.operator_a).get(upload_url(rina)).context["form"]
    assert form["kind"].value() == "sk_pangkat"
    row = rina.riwayat_pendidikan.get().pk
    form = client_for(cast.operator_a).get(upload_url(rina, "pendidikan", row)).context["form"]
    assert form["kind"].value() == "ijazah"


def test_a_renamed_exe_is_refused_next_to_the_field(cast, client_for, rina, private_media):
    response = post_scan(client_for(cast.operator_a), upload_url(rina), name="SK.pdf", content=EXE)
    assert response.status_code == 200
    assert (
        "Berkas harus PDF, JPG atau PNG; berkas ini terdeteksi sebagai program Windows (EXE/DLL)."
        in response.content.decode()
    )
    assert not Document.objects.exists()
    assert not private_media.exists() or not any(p.is_file() for p in private_media.rglob("*"))


def test_an_oversized_scan_is_refused_with_its_size_and_the_limit(cast, client_for, rina):
    big = PDF + b"0" * (int(3.4 * MB) - len(PDF))
    response = post_scan(client_for(cast.operator_a), upload_url(rina), content=big)
    assert "Ukuran berkas 3,4 MB melebihi batas 2 MB untuk SK pangkat." in response.content.decode()
    assert not Document.objects.exists()


def test_an_upload_without_a_file_asks_for_one(cast, client_for, rina):
    response = client_for(cast.operator_a).post(upload_url(rina), {"kind": "sk_pangkat"})
    assert response.status_code == 200
    assert response.context["form"].errors["berkas"]
    assert not Document.objects.exists()


def test_bkd_readers_and_the_pegawai_may_not_upload(cast, client_for, rina):
    for persona in (cast.kepala_badan, cast.unit_pengolah, cast.pegawai_a):
        assert post_scan(client_for(persona), upload_url(rina)).status_code == 403
    assert not Document.objects.exists()


def test_the_operator_of_another_opd_cannot_upload_download_or_delete(cast, client_for, rina, sk):
    client = client_for(cast.operator_b)
    assert client.get(upload_url(rina)).status_code == 404
    assert post_scan(client, upload_url(rina)).status_code == 404
    assert client.get(download_url(sk, rina)).status_code == 404
    assert client.post(delete_url(sk, rina)).status_code == 404
    assert Document.objects.count() == 1
    assert not AuditLog.objects.filter(event="dokumen.diunduh").exists()


def test_a_pegawai_of_another_opd_cannot_download(cast, client_for, sk, rina):
    user = do_create_user(
        username="pegawai.b",
        name="Pegawai Dishub",
        password="x" * 12,
        roles=[Role.PEGAWAI],
        opd=cast.opd_b,
        actor=None,
    )
    make_pegawai(cast.opd_b, nama="Budi Dishub", user=user)
    assert client_for(user).get(download_url(sk, rina)).status_code == 404


def test_a_pegawai_of_the_same_opd_cannot_download_a_colleagues_scan(cast, client_for):
    colleague = make_pegawai(cast.opd_a, nama="Rekan Dinkes")
    make_pegawai(cast.opd_a, nama="Rina Marlina", user=cast.pegawai_a)
    scan = do_attach_document(
        colleague.riwayat_golongan.get(),
        make_pdf("sk.pdf"),
        kind="sk_pangkat",
        actor=cast.admin,
    )
    assert client_for(cast.pegawai_a).get(download_url(scan, colleague)).status_code == 404


def test_a_document_is_found_only_under_its_own_pegawai(cast, client_for, sk):
    other = make_pegawai(cast.opd_a, nama="Rekan Dinkes")
    assert client_for(cast.admin).get(download_url(sk, other)).status_code == 404


def test_unknown_tabs_rows_and_documents_are_404(cast, client_for, rina, sk):
    client = client_for(cast.admin)
    other = make_pegawai(cast.opd_a, nama="Rekan Dinkes")
    assert client.get(upload_url(rina, "gaji", 1)).status_code == 404
    assert client.get(upload_url(rina, "golongan", other.riwayat_golongan.get().pk)).status_code == 404
    assert client.get(upload_url(rina, "golongan", 999999)).status_code == 404
    assert client.get(reverse("people:document_download", args=[rina.pk, 999999])).status_code == 404


def test_the_download_is_the_stored_file_as_an_attachment(cast, client_for, rina, sk):
    response = client_for(cast.operator_a).get(download_url(sk, rina))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="SK CPNS.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("persona", ["admin", "operator_a", "kepala_badan", "unit_pengolah"])
def test_bkd_readers_and_the_operator_download(cast, client_for, rina, sk, persona):
    assert client_for(getattr(cast, persona)).get(download_url(sk, rina)).status_code == 200


def test_every_download_is_audited_with_who_downloaded(cast, client_for, rina, sk):
    client_for(cast.kepala_badan).get(download_url(sk, rina))
    client_for(cast.kepala_badan).get(download_url(sk, rina))
    client_for(cast.pegawai_a).get(download_url(sk, rina))
    rows = AuditLog.objects.filter(event="dokumen.diunduh", object_id=str(sk.pk)).order_by("id")
    assert [r.actor for r in rows] == [cast.kepala_badan, cast.kepala_badan, cast.pegawai_a]
    assert rows[0].after["sha256"] == sk.sha256


def test_the_pegawai_downloads_their_own_scan_from_data_saya(cast, client_for, rina, sk):
    client = client_for(cast.pegawai_a)
    page = client.get(reverse("people:data_saya")).content.decode()
    assert "SK CPNS.pdf" in page
    assert 'data-testid="document-upload"' not in page  # reading only
    link = re.search(r'href="([^"]+)" data-testid="document-link"', page).group(1)
    response = client.get(link)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


def test_the_history_tab_lists_the_scans_with_a_download_link(cast, client_for, rina, sk):
    page = client_for(cast.operator_a).get(detail_url(rina)).content.decode()
    assert f'href="{download_url(sk, rina)}" data-testid="document-link">SK CPNS.pdf</a>' in page
    assert "SK pangkat" in page
    assert f'href="{upload_url(rina)}" data-testid="document-upload"' in page


def test_readers_see_no_upload_or_delete_buttons(cast, client_for, rina, sk):
    page = client_for(cast.kepala_badan).get(detail_url(rina)).content.decode()
    assert "SK CPNS.pdf" in page
    assert 'data-testid="document-upload"' not in page
    assert delete_url(sk, rina) not in page


def test_the_operator_deletes_a_scan(
    cast, client_for, rina, sk, private_media, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(cast.operator_a).post(delete_url(sk, rina))
    assert response.status_code == 302
    assert response["Location"] == f"{detail_url(rina)}#riwayat"
    assert not Document.objects.exists()
    assert not (private_media / sk.storage_name).exists()
    assert AuditLog.objects.filter(event="dokumen.dihapus", actor=cast.operator_a).exists()


def test_readers_cannot_delete(cast, client_for, rina, sk):
    assert client_for(cast.kepala_badan).post(delete_url(sk, rina)).status_code == 403
    assert client_for(cast.pegawai_a).post(delete_url(sk, rina)).status_code == 403
    assert Document.objects.count() == 1


def test_wrong_methods_are_405(cast, client_for, rina, sk):
    client = client_for(cast.admin)
    assert client.post(download_url(sk, rina)).status_code == 405
    assert client.get(delete_url(sk, rina)).status_code == 405
    assert client.put(upload_url(rina)).status_code == 405


@pytest.mark.parametrize("rows", [1, 20])
def test_the_detail_makes_the_same_few_queries_whatever_the_number_of_scans(
    cast, client_for, rina, rows, django_assert_max_num_queries
):
    for i in range(rows):
        row = do_add_riwayat(
            rina,
            RiwayatDiklat,
            actor=None,
            jenis=RiwayatDiklat.Jenis.TEKNIS,
            nama=f"Diklat {i}",
            tahun=2000 + i,
        )
        do_attach_document(row, make_pdf(f"sertifikat-{i}.pdf"), kind="sertifikat", actor=None)
    client = client_for(cast.operator_a)
    client.get(detail_url(rina))  # warm the session
    # session, user, roles, the Pegawai with its joins, nine histories, the tab's documents
    with django_assert_max_num_queries(16):  # the shell header reads the instansi
        response = client.get(detail_url(rina, "diklat"))
    assert response.status_code == 200
    assert sum(len(r.documents) for r in response.context["table"].rows) == rows


def test_a_document_whose_stored_file_is_gone_is_a_404_not_a_server_error(cast, client_for, rina, sk):
    # A restore without its files, or a bucket cleaned by hand: the row outlives its bytes.
    sk_storage = Document.objects.get(pk=sk.pk).storage_name
    from core.documents import storage

    storage().delete(sk_storage)
    response = client_for(cast.operator_a).get(download_url(sk, rina))
    assert response.status_code == 404
