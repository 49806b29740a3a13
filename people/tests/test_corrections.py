"""Corrections: proposed with a scan, applied on approval (audited), rejected with a reason."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from conftest import PDF_BYTES, make_pdf
from core.models import AuditLog, Document
from people.corrections.actions import do_approve_correction, do_propose_correction, do_reject_correction
from people.models import Correction
from people.tests.factories import make_pegawai

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_media")]


def scan(name="ktp.pdf", content=PDF_BYTES):
    return make_pdf(name, content)


@pytest.fixture
def rina(cast):
    return make_pegawai(cast.opd_a, nama="Rina Marlina", user=cast.pegawai_a, nomor_hp="0811")


def propose(pegawai, actor, field="nomor_hp", new_value="081234567890", row=None, **extra):
    values = {"reason": "Nomor lama tidak aktif", "scan": scan(), **extra}
    return do_propose_correction(pegawai, field=field, new_value=new_value, actor=actor, row=row, **values)


def test_a_pegawai_proposes_and_a_verifier_approves_and_the_log_says_who_did_what(cast, rina):
    correction = propose(rina, cast.pegawai_a)
    assert correction.status == Correction.Status.DIAJUKAN
    assert correction.old_value == "0811"
    assert Document.objects.get(object_id=correction.pk).kind == "lainnya"
    rina.refresh_from_db()
    assert rina.nomor_hp == "0811"  # nothing changes before the decision

    do_approve_correction(correction, actor=cast.unit_pengolah)

    rina.refresh_from_db()
    correction.refresh_from_db()
    assert rina.nomor_hp == "081234567890"
    assert correction.status == Correction.Status.DISETUJUI
    assert correction.decided_by == cast.unit_pengolah and correction.decided_at is not None
    edit = AuditLog.objects.get(event="pegawai.diubah", object_id=str(rina.pk))
    assert edit.actor == cast.unit_pengolah
    assert (edit.before, edit.after) == ({"nomor_hp": "0811"}, {"nomor_hp": "081234567890"})
    assert AuditLog.objects.get(event="perbaikan.diajukan").actor == cast.pegawai_a
    assert AuditLog.objects.get(event="perbaikan.disetujui").actor == cast.unit_pengolah


def test_approving_a_history_row_correction_updates_the_row_and_the_summary(cast, rina):
    row = rina.riwayat_pendidikan.get()
    correction = propose(rina, cast.operator_a, field="tahun_lulus", new_value="2005", row=row)
    do_approve_correction(correction, actor=cast.admin)
    row.refresh_from_db()
    assert row.tahun_lulus == 2005
    log = AuditLog.objects.get(event="riwayatpendidikan.diubah")
    assert log.actor == cast.admin and log.after == {"tahun_lulus": 2005}


def test_a_rejection_needs_a_reason_and_changes_nothing(cast, rina):
    correction = propose(rina, cast.pegawai_a)
    with pytest.raises(ValidationError):
        do_reject_correction(correction, reason="  ", actor=cast.unit_pengolah)
    do_reject_correction(correction, reason="Pindaian tidak terbaca", actor=cast.unit_pengolah)
    rina.refresh_from_db()
    correction.refresh_from_db()
    assert rina.nomor_hp == "0811"
    assert correction.status == Correction.Status.DITOLAK
    assert correction.rejection_reason == "Pindaian tidak terbaca"


def test_the_proposer_and_the_employee_are_told_the_decision(cast, rina):
    from core.models import Notification

    by_operator = propose(rina, cast.operator_a)
    do_reject_correction(by_operator, reason="Pindaian tidak terbaca", actor=cast.unit_pengolah)
    told = Notification.objects.filter(title__contains="ditolak")
    assert {n.recipient for n in told} == {cast.operator_a, cast.pegawai_a}
    assert all(n.body == "Pindaian tidak terbaca" for n in told)
    assert told.first().url == reverse("people:correction_detail", args=[by_operator.pk])

    own = propose(rina, cast.pegawai_a)
    do_approve_correction(own, actor=cast.unit_pengolah)
    [approved] = Notification.objects.filter(title__contains="disetujui")
    assert approved.recipient == cast.pegawai_a and "Nomor HP" in approved.title
    assert not Notification.objects.filter(recipient=cast.unit_pengolah).exists()  # not the decider


def test_a_proposal_without_a_scan_is_refused(cast, rina):
    with pytest.raises(ValidationError) as refused:
        propose(rina, cast.pegawai_a, scan=None)
    assert "pindaian" in refused.value.message_dict["scan"][0]
    assert not Correction.objects.exists()


def test_a_renamed_program_as_scan_is_refused_and_nothing_is_saved(cast, rina):
    with pytest.raises(ValidationError) as refused:
        propose(rina, cast.pegawai_a, scan=scan("ktp.pdf", b"MZ\x90\x00" + b"\x00" * 60))
    assert "program Windows" in refused.value.message_dict["scan"][0]
    assert not Correction.objects.exists() and not Document.objects.exists()


@pytest.mark.parametrize("field", ["nip", "nik", "golongan", "tanggal_lahir"])
def test_a_field_outside_the_allow_list_is_refused(cast, rina, field):
    with pytest.raises(ValidationError) as refused:
        propose(rina, cast.admin, field=field, new_value="1")
    assert "tidak dapat diperbaiki" in refused.value.message_dict["field"][0]
    assert not Correction.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "on_row"),
    [
        ("email", "bukan-email", False),
        ("agama", "jedi", False),
        ("tahun_lulus", "abc", True),
        ("nama", "", False),
    ],
)
def test_a_bad_value_gets_an_indonesian_message_and_nothing_is_saved(cast, rina, field, value, on_row):
    row = rina.riwayat_pendidikan.get() if on_row else None
    with pytest.raises(ValidationError) as refused:
        propose(rina, cast.pegawai_a, field=field, new_value=value, row=row)
    assert "tidak sah" in refused.value.message_dict["new_value"][0]
    assert not Correction.objects.exists()


def test_only_one_open_proposal_per_field(cast, rina):
    propose(rina, cast.pegawai_a)
    with pytest.raises(ValidationError) as refused:
        propose(rina, cast.operator_a, new_value="0899")
    assert "belum diputuskan" in refused.value.message_dict["field"][0]


def test_a_proposer_cannot_approve_their_own_proposal(cast, rina):
    correction = propose(rina, cast.admin)
    with pytest.raises(PermissionDenied):
        do_approve_correction(correction, actor=cast.admin)
    do_approve_correction(correction, actor=cast.unit_pengolah)


def test_operator_b_cannot_propose_for_or_see_opd_a(cast, rina, client_for):
    with pytest.raises(PermissionDenied):
        propose(rina, cast.operator_b)
    correction = propose(rina, cast.pegawai_a)
    client = client_for(cast.operator_b)
    assert client.get(reverse("people:correction_propose", args=[rina.pk])).status_code == 404
    assert client.get(reverse("people:correction_detail", args=[correction.pk])).status_code == 404
    assert client.post(reverse("people:correction_approve", args=[correction.pk])).status_code == 403
    mine = client.get(reverse("people:correction_mine"))
    assert "Rina Marlina" not in mine.content.decode()


def test_a_pegawai_cannot_approve(cast, rina, client_for):
    correction = propose(rina, cast.operator_a)
    response = client_for(cast.pegawai_a).post(reverse("people:correction_approve", args=[correction.pk]))
    assert response.status_code == 403
    with pytest.raises(PermissionDenied):
        do_approve_correction(correction, actor=cast.pegawai_a)


def test_the_form_proposes_and_the_proposer_sees_the_rejection_reason(cast, rina, client_for):
    client = client_for(cast.pegawai_a)
    url = reverse("people:correction_propose", args=[rina.pk])
    response = client.post(
        url, {"field": "pegawai::email", "new_value": "salah", "reason": "x", "scan": scan()}
    )
    assert "tidak sah" in response.content.decode()
    response = client.post(
        url,
        {
            "field": "pegawai::email",
            "new_value": "rina@example.go.id",
            "reason": "Email baru",
            "scan": scan(),
        },
    )
    assert response.status_code == 302
    correction = Correction.objects.get()
    do_reject_correction(correction, reason="Gunakan email dinas", actor=cast.unit_pengolah)
    page = client.get(reverse("people:correction_mine")).content.decode()
    assert "Ditolak" in page and "Gunakan email dinas" in page


def test_the_queue_filters_by_status_and_reads_in_few_queries(
    cast, rina, client_for, django_assert_max_num_queries
):
    for i in range(5):
        other = make_pegawai(cast.opd_b, nama=f"Pegawai {i}")
        propose(other, cast.operator_b, new_value=f"08{i}")
    do_reject_correction(Correction.objects.first(), reason="Tidak jelas", actor=cast.admin)
    client = client_for(cast.unit_pengolah)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("people:correction_queue"), {"status": "diajukan"})
    assert response.status_code == 200
    assert len(response.context["page_obj"].object_list) == 4
    assert "→" in response.content.decode() and "scan-link" in response.content.decode()
    response = client.post(
        reverse("people:correction_reject", args=[Correction.objects.last().pk]), {"reason": ""}
    )
    assert Correction.objects.last().status == Correction.Status.DIAJUKAN


def test_approving_a_correction_of_a_history_row_removed_meanwhile_says_so_and_changes_nothing(cast, rina):
    row = rina.riwayat_pendidikan.get()
    correction = propose(rina, cast.operator_a, field="tahun_lulus", new_value="2005", row=row)
    type(row).objects.filter(pk=row.pk).delete()
    with pytest.raises(ValidationError, match="sudah tidak ada"):
        do_approve_correction(correction, actor=cast.admin)
    correction.refresh_from_db()
    assert correction.status == Correction.Status.DIAJUKAN


def test_the_fields_to_correct_are_grouped_by_record(cast, rina, client_for):
    page = client_for(cast.pegawai_a).get(reverse("people:correction_propose", args=[rina.pk])).text
    assert '<optgroup label="Data utama">' in page
    assert page.count("<optgroup") == 1 + rina.riwayat_pendidikan.count() + rina.riwayat_golongan.count() + (
        rina.riwayat_jabatan.count() + rina.riwayat_diklat.count() + rina.riwayat_skp.count()
    )
