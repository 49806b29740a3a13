"""Opening a draft, answering, giving documents: who may, and what is kept."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import PermissionDenied

from core.documents import DocumentRejected, do_attach_document
from core.models import AuditLog, Document
from layanan.models import Request, RequestDocument, Requirement
from layanan.requests.actions import (
    NUMBER_ALPHABET,
    NotEditable,
    RequestError,
    do_create_request,
    do_remove_request_document,
    do_update_request_answers,
    do_upload_request_document,
    do_use_file_document,
    number_prefix,
)
from people.tests.factories import make_pegawai


def test_a_pegawai_opens_a_draft_for_themself(izin_belajar, pegawai_a_record, cast):
    request = do_create_request(izin_belajar, pegawai_a_record, actor=cast.pegawai_a)
    assert request.status == Request.Status.DRAFT
    assert request.opd == cast.opd_a and request.created_by == cast.pegawai_a
    assert request.submitted_at is None and request.step is None
    audit = AuditLog.objects.get(event="permohonan.dibuat")
    assert "atas_nama" not in audit.after


def test_request_numbers_carry_the_service_initials_and_month_and_are_not_guessable(
    izin_belajar, pegawai_a_record, cast, time_machine
):
    time_machine.move_to("2026-11-23 09:00 +07:00")
    numbers = {
        do_create_request(izin_belajar, pegawai_a_record, actor=cast.pegawai_a).number for _ in range(5)
    }
    assert len(numbers) == 5
    for number in numbers:
        assert re.fullmatch(rf"IB-2611-[{NUMBER_ALPHABET}]{{5}}", number), number
    assert not set("01ILO") & set(NUMBER_ALPHABET)


@pytest.mark.parametrize(
    ("name", "prefix"),
    [
        ("Izin Belajar", "IB"),
        ("Kenaikan Pangkat Reguler", "KPR"),
        ("Laporan IP-ASN", "LI"),
        ("Ujian Dinas", "UD"),
    ],
)
def test_the_number_prefix_is_the_initials_of_the_service(name, prefix):
    from layanan.models import Service

    assert number_prefix(Service(name=name, duration=1)) == prefix


def test_an_operator_opens_a_draft_on_behalf_of_an_employee_of_their_opd(izin_belajar, cast):
    colleague = make_pegawai(cast.opd_a, nama="Dedi Kurniawan")
    request = do_create_request(izin_belajar, colleague, actor=cast.operator_a)
    assert request.created_by == cast.operator_a and request.pegawai == colleague
    assert (
        AuditLog.objects.get(event="permohonan.dibuat").after["atas_nama"]
        == f"{colleague.nip} Dedi Kurniawan"
    )


def test_an_operator_cannot_act_for_another_opd_and_nothing_is_written(izin_belajar, cast):
    stranger = make_pegawai(cast.opd_b, nama="Yusuf Hamid")
    with pytest.raises(PermissionDenied):
        do_create_request(izin_belajar, stranger, actor=cast.operator_a)
    assert not Request.objects.exists()


def test_a_pegawai_cannot_open_a_request_for_someone_else(izin_belajar, pegawai_a_record, cast):
    colleague = make_pegawai(cast.opd_a, nama="Dedi Kurniawan")
    with pytest.raises(PermissionDenied):
        do_create_request(izin_belajar, colleague, actor=cast.pegawai_a)


def test_answers_are_kept_and_unknown_answers_refused(izin_belajar, pegawai_a_record, cast):
    request = do_create_request(izin_belajar, pegawai_a_record, actor=cast.pegawai_a)
    answers = {
        "jenjang": "s2",
        "program_studi": "Administrasi Publik",
        "perguruan_tinggi": "Universitas Tanjungpura",
        "akreditasi": "a",
    }
    assert do_update_request_answers(request, answers, actor=cast.pegawai_a)
    assert not do_update_request_answers(request, answers, actor=cast.pegawai_a)  # nothing changed
    request.refresh_from_db()
    assert request.answers == answers
    with pytest.raises(RequestError, match="Isian tidak dikenal: gaji"):
        do_update_request_answers(request, {"gaji": "1"}, actor=cast.pegawai_a)
    assert Request.objects.get(pk=request.pk).answers == answers


def test_uploading_again_replaces_the_document_of_that_requirement(izin_belajar, pegawai_a_record, cast, pdf):
    request = do_create_request(izin_belajar, pegawai_a_record, actor=cast.pegawai_a)
    requirement = izin_belajar.requirements.first()
    first = do_upload_request_document(
        request, requirement, pdf("surat-lama.pdf"), actor=cast.pegawai_a
    ).document
    given = do_upload_request_document(request, requirement, pdf("surat-baru.pdf"), actor=cast.pegawai_a)
    assert RequestDocument.objects.get(request=request).document.original_name == "surat-baru.pdf"
    assert given.document.kind == Document.Kind.PERSYARATAN and given.document.owner == request
    assert not Document.objects.filter(pk=first.pk).exists()  # the replaced upload is gone


def test_a_renamed_program_is_refused_and_nothing_is_kept(izin_belajar, pegawai_a_record, cast):
    from django.core.files.uploadedfile import SimpleUploadedFile

    request = do_create_request(izin_belajar, pegawai_a_record, actor=cast.pegawai_a)
    fake = SimpleUploadedFile("surat.pdf", b"MZ\x90\x00" + b"\x00" * 100)
    with pytest.raises(DocumentRejected, match="program Windows"):
        do_upload_request_document(request, izin_belajar.requirements.first(), fake, actor=cast.pegawai_a)
    assert not RequestDocument.objects.exists() and not Document.objects.exists()


def test_the_requirement_size_limit_applies(izin_belajar, pegawai_a_record, cast, pdf):
    from conftest import PDF_BYTES

    request = do_create_request(izin_belajar, pegawai_a_record, actor=cast.pegawai_a)
    requirement = izin_belajar.requirements.first()
    Requirement.objects.filter(pk=requirement.pk).update(max_kb=1)
    requirement.refresh_from_db()
    big = pdf("besar.pdf", PDF_BYTES + b"%" + b"x" * 2048)
    with pytest.raises(DocumentRejected, match="melebihi batas 1 KB"):
        do_upload_request_document(request, requirement, big, actor=cast.pegawai_a)
    assert not Document.objects.exists()


def test_a_scan_from_the_employee_file_can_be_given_instead_of_an_upload(
    izin_belajar, pegawai_a_record, cast, pdf
):
    requirement = izin_belajar.requirements.get(name="Fotokopi SK pangkat terakhir")
    Requirement.objects.filter(pk=requirement.pk).update(from_file_kind=Document.Kind.SK_PANGKAT)
    requirement.refresh_from_db()
    rank_row = pegawai_a_record.riwayat_golongan.order_by("-tmt").first()
    scan = do_attach_document(rank_row, pdf("sk-iii-c.pdf"), kind=Document.Kind.SK_PANGKAT, actor=cast.admin)
    request = do_create_request(izin_belajar, pegawai_a_record, actor=cast.pegawai_a)

    do_use_file_document(request, requirement, scan, actor=cast.pegawai_a)
    assert RequestDocument.objects.get(request=request).document == scan

    # Removing it takes it off the request; the scan stays in the employee's file.
    do_remove_request_document(request, requirement, actor=cast.pegawai_a)
    assert not RequestDocument.objects.exists() and Document.objects.filter(pk=scan.pk).exists()


def test_someone_elses_file_scan_or_the_wrong_kind_is_refused(izin_belajar, pegawai_a_record, cast, pdf):
    requirement = izin_belajar.requirements.get(name="Fotokopi SK pangkat terakhir")
    Requirement.objects.filter(pk=requirement.pk).update(from_file_kind=Document.Kind.SK_PANGKAT)
    requirement.refresh_from_db()
    other = make_pegawai(cast.opd_a, nama="Dedi Kurniawan")
    foreign = do_attach_document(
        other.riwayat_golongan.get(), pdf(), kind=Document.Kind.SK_PANGKAT, actor=cast.admin
    )
    own_ijazah = do_attach_document(
        pegawai_a_record.riwayat_pendidikan.get(), pdf(), kind=Document.Kind.IJAZAH, actor=cast.admin
    )
    request = do_create_request(izin_belajar, pegawai_a_record, actor=cast.pegawai_a)
    with pytest.raises(RequestError, match="bukan arsip milik pegawai"):
        do_use_file_document(request, requirement, foreign, actor=cast.pegawai_a)
    with pytest.raises(RequestError, match="tidak sesuai"):
        do_use_file_document(request, requirement, own_ijazah, actor=cast.pegawai_a)
    assert not RequestDocument.objects.exists()


def test_a_submitted_request_cannot_be_edited(izin_belajar, pegawai_a_record, cast, pdf):
    from layanan.requests.actions import do_submit_request

    request = do_create_request(izin_belajar, pegawai_a_record, actor=cast.pegawai_a)
    for requirement in izin_belajar.requirements.all():
        do_upload_request_document(request, requirement, pdf(), actor=cast.pegawai_a)
    do_submit_request(request, actor=cast.pegawai_a)
    with pytest.raises(NotEditable):
        do_update_request_answers(request, {"jenjang": "s2"}, actor=cast.pegawai_a)
    with pytest.raises(NotEditable):
        do_upload_request_document(request, izin_belajar.requirements.first(), pdf(), actor=cast.pegawai_a)


def test_documents_may_be_replaced_while_the_request_is_returned(izin_belajar, pegawai_a_record, cast, pdf):
    request = do_create_request(izin_belajar, pegawai_a_record, actor=cast.pegawai_a)
    # The workflow's return sets this status; only the status matters to the applicant's actions.
    Request.objects.filter(pk=request.pk).update(
        status=Request.Status.RETURNED, submitted_at=request.created_at
    )
    request.refresh_from_db()
    do_upload_request_document(
        request, izin_belajar.requirements.first(), pdf("baru.pdf"), actor=cast.pegawai_a
    )
    with pytest.raises(NotEditable):
        do_update_request_answers(request, {"jenjang": "s2"}, actor=cast.pegawai_a)
