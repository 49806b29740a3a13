"""Audit-trail entries for the applicant's request actions (see tests/test_audit_trail.py)."""

from __future__ import annotations


def calls(cast, tmp_path) -> dict:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import override_settings

    def pdf(name="berkas.pdf"):
        return SimpleUploadedFile(name, b"%PDF-1.4\n% audit\n%%EOF\n")

    # Documents go to a throwaway MEDIA_ROOT, never to var/ (the setup and every call).
    media = override_settings(MEDIA_ROOT=tmp_path / "media")

    def in_media(call):
        def run():
            with media:
                return call()

        return run

    with media:
        return _setup(cast, pdf, in_media)


def _setup(cast, pdf, in_media) -> dict:
    from core.documents import do_attach_document
    from core.models import Document
    from layanan.models import Eligibility, Requirement
    from layanan.requests import actions
    from layanan.tests.conftest import give_good_record
    from layanan.tests.factories import make_service
    from people.tests.factories import make_pegawai

    service = make_service("izin-belajar-audit", "Izin Belajar", eligibility=Eligibility.IZIN_BELAJAR)
    requirement = service.requirements.first()
    Requirement.objects.filter(pk=requirement.pk).update(from_file_kind=Document.Kind.SK_PANGKAT)
    requirement.refresh_from_db()
    # No account: other apps' entries may link pegawai_a; the operator acts on behalf.
    pegawai = make_pegawai(cast.opd_a, nama="Pegawai Permohonan")
    give_good_record(pegawai)
    scan = do_attach_document(
        pegawai.riwayat_golongan.first(), pdf(), kind=Document.Kind.SK_PANGKAT, actor=None
    )
    draft = actions.do_create_request(service, pegawai, actor=cast.operator_a)
    ready = actions.do_create_request(service, pegawai, actor=cast.operator_a)
    for each in service.requirements.all():
        actions.do_upload_request_document(ready, each, pdf(), actor=cast.operator_a)

    return {
        "layanan.requests.actions.do_create_request": in_media(
            lambda: actions.do_create_request(service, pegawai, actor=cast.operator_a)
        ),
        "layanan.requests.actions.do_update_request_answers": in_media(
            lambda: actions.do_update_request_answers(draft, {"jenjang": "s2"}, actor=cast.operator_a)
        ),
        "layanan.requests.actions.do_upload_request_document": in_media(
            lambda: actions.do_upload_request_document(draft, requirement, pdf(), actor=cast.operator_a)
        ),
        "layanan.requests.actions.do_use_file_document": in_media(
            lambda: actions.do_use_file_document(draft, requirement, scan, actor=cast.operator_a)
        ),
        "layanan.requests.actions.do_remove_request_document": in_media(
            lambda: actions.do_remove_request_document(ready, requirement, actor=cast.operator_a)
        ),
        "layanan.requests.actions.do_submit_request": in_media(
            lambda: actions.do_submit_request(ready, actor=cast.operator_a)
        ),
    }
