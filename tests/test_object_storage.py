"""PELITA_STORAGE=s3: documents, upload parts and exports in a real S3-compatible store.

moto's standalone server (tests/object_store.py) answers over HTTP on 127.0.0.1; STORAGES
is the value config/settings.py builds from the PELITA_S3_* variables, switched on with
override_settings. Everything goes through the app's own code: the actions, the
permission-checked download views, the chunked upload API and the ZIP export task. Runs in
both passes (it needs no PostgreSQL).
"""

from __future__ import annotations

import hashlib
import io
import urllib.error
import urllib.request
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from storages.backends.s3 import S3Storage

from campaigns.exports.actions import do_start_files_export
from campaigns.submissions.actions import do_submit
from campaigns.tests.helpers import make_campaign, pdf_of_size, valid_answers
from campaigns.uploads.files import MIN_CHUNK, PARTS_DIR
from core.documents import do_attach_document, do_delete_document, storage
from core.exports.files import run_export_job
from core.models import Document, ExportJob
from people.tests.factories import make_pegawai
from tests.object_store import ObjectStore

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def object_store():
    with ObjectStore() as store:
        store.settings_storages = store.storages()
        yield store


@pytest.fixture(autouse=True)
def s3(object_store, private_media):
    # MEDIA_ROOT points at an empty directory: a byte written to local disk would show.
    with override_settings(STORAGES=object_store.settings_storages):
        yield object_store
    for key in object_store.names():
        object_store.client().delete_object(Bucket=object_store.bucket, Key=key)
    assert not private_media.exists(), "something was written to local disk"


@pytest.fixture
def rina(cast):
    return make_pegawai(cast.opd_a, nama="Rina Marlina", user=cast.pegawai_a)


def test_the_storage_is_the_s3_backend_with_private_objects_that_are_never_overwritten():
    store = storage()
    assert isinstance(store, S3Storage)
    assert store.default_acl == "private" and store.file_overwrite is False


def test_a_scan_is_stored_fetched_checksummed_and_deleted_in_the_bucket(
    cast, client_for, rina, s3, django_capture_on_commit_callbacks
):
    data = pdf_of_size(40_000, "sk")
    document = do_attach_document(
        rina.riwayat_golongan.get(),
        SimpleUploadedFile("SK CPNS.pdf", data),
        kind="sk_pangkat",
        actor=cast.admin,
    )
    # In the bucket, under the random name the row records, with the declared SHA-256.
    assert s3.names() == [document.storage_name]
    assert hashlib.sha256(s3.get(document.storage_name)).hexdigest() == document.sha256
    assert document.sha256 == hashlib.sha256(data).hexdigest()
    # Read back through the permission-checked download view.
    response = client_for(cast.operator_a).get(
        reverse("people:document_download", args=[rina.pk, document.pk])
    )
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == data
    assert response["Content-Disposition"].startswith("attachment")
    with django_capture_on_commit_callbacks(execute=True):
        do_delete_document(document, actor=cast.admin)
    assert s3.names() == []


def test_no_document_is_reachable_at_a_public_url(cast, rina, s3):
    document = do_attach_document(
        rina.riwayat_golongan.get(),
        SimpleUploadedFile("ktp.pdf", pdf_of_size(2000)),
        kind="sk_pangkat",
        actor=cast.admin,
    )
    # The object's ACL grants nobody but its owner.
    grants = s3.client().get_object_acl(Bucket=s3.bucket, Key=document.storage_name)["Grants"]
    assert {g["Grantee"].get("URI") for g in grants} == {None}
    assert [g["Permission"] for g in grants] == ["FULL_CONTROL"]
    # An anonymous request for the object, as a browser would make it, is refused.
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{s3.endpoint}/{s3.bucket}/{document.storage_name}", timeout=10)
    assert refused.value.code == 403
    # Nor is the bucket: no grant to everyone (AllUsers) or to any signed-in AWS user.
    bucket_grants = s3.client().get_bucket_acl(Bucket=s3.bucket)["Grants"]
    assert not [g for g in bucket_grants if g["Grantee"].get("URI")]


def test_a_chunked_upload_keeps_its_parts_in_the_bucket_and_only_the_document_remains(
    cast, rina, client_for, s3, django_capture_on_commit_callbacks
):
    campaign = make_campaign(cast.admin, opds=[cast.opd_a])
    data = pdf_of_size(150 * 1024, "laporan")
    client = client_for(cast.pegawai_a)
    start = client.post(
        reverse("campaigns:upload_start", kwargs={"slug": campaign.slug}),
        {"question": "laporan", "filename": "laporan.pdf", "size": len(data)},
    )
    token = start.json()["token"]
    chunk_url = reverse("campaigns:upload_chunk", kwargs={"upload": token})
    for offset in (0, MIN_CHUNK):
        end = offset + MIN_CHUNK if offset == 0 else len(data)
        sent = client.post(
            f"{chunk_url}?offset={offset}", data[offset:end], content_type="application/octet-stream"
        )
        assert sent.status_code == 200, sent.content
    hex_token = token.replace("-", "")
    assert s3.names(f"{PARTS_DIR}/") == [
        f"{PARTS_DIR}/{hex_token}/{0:015d}.part",
        f"{PARTS_DIR}/{hex_token}/{MIN_CHUNK:015d}.part",
    ]
    digest = hashlib.sha256(data).hexdigest()
    with django_capture_on_commit_callbacks(execute=True):
        finish = client.post(reverse("campaigns:upload_finish", kwargs={"upload": token}), {"sha256": digest})
    assert finish.status_code == 200, finish.content
    document = Document.objects.get(pk=finish.json()["document"])
    assert s3.names() == [document.storage_name]
    assert hashlib.sha256(s3.get(document.storage_name)).hexdigest() == digest


def test_a_campaign_zip_export_is_built_into_the_bucket_and_downloaded_from_it(cast, rina, client_for, s3):
    from campaigns.uploads.actions import do_upload_file

    campaign = make_campaign(cast.admin, opds=[cast.opd_a])
    data = pdf_of_size(3000, "zip")
    document = do_upload_file(
        campaign,
        rina,
        campaign.questions.get(code="laporan"),
        SimpleUploadedFile("laporan.pdf", data),
        actor=cast.pegawai_a,
    )
    do_submit(campaign, rina, valid_answers(laporan=document.pk), base_version=0, actor=cast.pegawai_a)
    job, _created = do_start_files_export(campaign, opd=cast.opd_a, actor=cast.admin)
    run_export_job(job.pk)
    job.refresh_from_db()
    assert job.status == ExportJob.Status.SELESAI
    assert job.file in s3.names("exports/")
    response = client_for(cast.admin).get(
        reverse("campaigns:campaign_export_download", args=[campaign.slug, job.pk])
    )
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert archive.read(f"{rina.nip}.pdf") == data
