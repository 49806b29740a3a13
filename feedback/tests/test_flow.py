"""The complaint register and the survey offer, end to end through the views and actions."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from feedback.models import Complaint, SurveyInvitation, SurveyResponse
from feedback.tests.builders import PROFILE, complaint_of_pegawai_a

pytestmark = pytest.mark.django_db


def solved(client) -> dict:
    """The public form's captcha as a person reads it off the picture."""
    import re

    from captcha.models import CaptchaStore

    page = client.get(reverse("feedback:complaint_public")).content.decode()
    key = re.search(r'name="captcha_0" value="(\w+)"', page).group(1)
    return {"captcha_0": key, "captcha_1": CaptchaStore.objects.get(hashkey=key).response}


def _survey_post(**overrides):
    return {**{f"u{i}": "4" for i in range(1, 10)}, **PROFILE, "suggestion": "", **overrides}


def test_completed_request_offers_a_one_time_survey(cast, chain, client, django_capture_on_commit_callbacks):
    from core.models import Notification
    from feedback.ikm.queries import ikm_report
    from layanan.tests.factories import make_service
    from layanan.tests.product_builders import complete, give_template
    from layanan.tests.workflow_helpers import make_applicant, submit

    service = make_service("izin-belajar", "Izin Belajar")
    give_template(service, actor=cast.admin)
    pegawai = make_applicant(cast.opd_a, user=cast.pegawai_a)
    with django_capture_on_commit_callbacks(execute=True):
        request = complete(submit(service, pegawai, actor=cast.pegawai_a), chain)
    invitation = SurveyInvitation.objects.get(object_id=str(request.pk))
    link = reverse("feedback:survey_answer", args=[invitation.token])
    assert Notification.objects.filter(recipient=cast.pegawai_a, url=link).exists()

    # The public tracker of the finished request offers the same link, to anyone holding the
    # number and the applicant's NIP (the tracker's own test covers the lookup).
    tracker = reverse("layanan:tracker")
    found = client.post(tracker, {"number": request.number, "nip": pegawai.nip}).content.decode()
    assert 'data-testid="tracker-survey"' in found and f'href="{link}"' in found

    client.force_login(cast.pegawai_a)
    assert client.get(link).status_code == 200
    assert client.post(link, _survey_post(suggestion="Terima kasih")).status_code == 200
    # Answered: the tracker thanks instead of linking.
    found = client.post(tracker, {"number": request.number, "nip": pegawai.nip}).content.decode()
    assert "sudah diisi" in found and f'href="{link}"' not in found
    today = dt.date.today()
    assert ikm_report(today, today, service_slug="izin-belajar").total.respondents == 1
    # Once per request: the link is refused, and completing again offers nothing new.
    again = client.post(link, _survey_post())
    assert again.status_code == 410 and SurveyResponse.objects.count() == 1
    from feedback.survey.actions import offer_for_request

    assert offer_for_request(request.pk, actor=None) is None


def test_public_lapor_complaint_is_routed_answered_and_closed(cast, client):
    response = client.post(
        reverse("feedback:complaint_public"),
        {
            "subject": "Berkas KP hilang",
            "body": "Berkas saya tidak ditemukan.",
            "lapor_number": "LAPOR-2026-0001",
            "opd": "",
            "service": "",
            "name": "Budi",
            "email": "budi@example.org",
            **solved(client),
        },
    )
    assert response.status_code == 200, response.content[:2000]
    complaint = Complaint.objects.get()
    assert complaint.channel == "lapor" and complaint.lapor_number == "LAPOR-2026-0001"
    status_url = reverse("feedback:complaint_status")

    def state():
        page = client.post(status_url, {"nomor": complaint.number}).content.decode()
        return page

    assert "Diterima" in state()
    client.force_login(cast.admin)
    detail = reverse("feedback:complaint_detail", args=[complaint.number])
    client.post(
        reverse("feedback:complaint_verify", args=[complaint.number]), {"opd": cast.opd_a.pk, "note": ""}
    )
    complaint.refresh_from_db()
    assert complaint.status == "diverifikasi" and complaint.opd == cast.opd_a
    client.post(reverse("feedback:complaint_follow_up", args=[complaint.number]), {"text": "Dicari di arsip"})
    client.post(
        reverse("feedback:complaint_close", args=[complaint.number]),
        {"text": "Berkas ditemukan dan diproses."},
    )
    complaint.refresh_from_db()
    assert complaint.status == "selesai" and complaint.on_time
    assert client.get(detail).status_code == 200
    client.logout()
    page = state()
    for label in ("Diterima", "Diverifikasi", "Ditindaklanjuti", "Selesai", "Berkas ditemukan dan diproses."):
        assert label in page
    # Every state reached the complainant by e-mail too, with the number.
    assert all(complaint.number in m.subject for m in mail.outbox)
    assert [m.to for m in mail.outbox] == [["budi@example.org"]] * len(mail.outbox)


def test_anonymous_complaint_works_without_email(cast, client):
    response = client.post(
        reverse("feedback:complaint_public"),
        {
            "subject": "Pungutan liar",
            "body": "Diminta uang.",
            "anonymous": "on",
            "email": "x@example.org",
            **solved(client),
        },
    )
    assert response.status_code == 200
    complaint = Complaint.objects.get()
    assert complaint.anonymous and complaint.email == "" and complaint.name == ""
    from feedback.complaints.actions import do_reject_complaint

    do_reject_complaint(complaint, reason="Tidak ada bukti.", actor=cast.admin)
    assert not [m for m in mail.outbox if "x@example.org" in m.to]
    assert (
        "Tidak ada bukti."
        in client.post(reverse("feedback:complaint_status"), {"nomor": complaint.number}).content.decode()
    )


def test_wrong_captcha_files_nothing(cast, client):
    response = client.post(
        reverse("feedback:complaint_public"),
        {"subject": "A", "body": "B", "name": "C", "captcha_0": "x", "captcha_1": "salah"},
    )
    assert response.status_code == 200 and not Complaint.objects.exists()


def test_scope_operator_and_pegawai(cast, client):
    from feedback.complaints.actions import do_file_complaint

    about_a = complaint_of_pegawai_a(cast)
    about_b = do_file_complaint(
        channel="surat", subject="Dishub", body="…", opd=cast.opd_b, name="X", actor=cast.admin
    )
    lst = reverse("feedback:complaint_list")
    client.force_login(cast.operator_b)
    page = client.get(lst).content.decode()
    assert about_b.number in page and about_a.number not in page
    assert client.get(reverse("feedback:complaint_detail", args=[about_a.number])).status_code == 404
    client.force_login(cast.pegawai_a)
    page = client.get(lst).content.decode()
    assert about_a.number in page and about_b.number not in page
    assert client.get(reverse("feedback:complaint_detail", args=[about_b.number])).status_code == 404


def test_list_queries_are_constant(cast, client, django_assert_max_num_queries):
    for _ in range(3):
        complaint_of_pegawai_a(cast)
    client.force_login(cast.admin)
    with django_assert_max_num_queries(12) as small:
        assert client.get(reverse("feedback:complaint_list")).status_code == 200
    for _ in range(20):
        complaint_of_pegawai_a(cast)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(reverse("feedback:complaint_list"))
    assert response.status_code == 200 and "23 pengaduan" in response.content.decode()


def test_escalation_once(cast):
    complaint = complaint_of_pegawai_a(cast)
    Complaint.objects.filter(pk=complaint.pk).update(due_at=complaint.received_at - dt.timedelta(hours=1))
    call_command("check_complaints")
    complaint.refresh_from_db()
    assert complaint.escalated_at is not None
    from feedback.complaints.actions import do_escalate_complaints

    assert do_escalate_complaints(actor=None) == []


def test_walk_in_device_guard(cast, client):
    from feedback.tests.builders import service

    url = reverse("feedback:survey_walk_in", args=[service().slug])
    assert client.post(url, _survey_post()).status_code == 200
    assert SurveyResponse.objects.count() == 1
    # The same browser again: thanked, not counted twice.
    client.post(url, _survey_post())
    assert SurveyResponse.objects.count() == 1
    qr = client.get(reverse("feedback:survey_qr", args=["izin-belajar"]))
    assert b"<svg" in qr.content


def test_suggestion_becomes_complaint(cast, client):
    from feedback.survey.actions import do_answer_walk_in
    from feedback.tests.builders import answers, service

    response = do_answer_walk_in(service(), answers(suggestion="Ruang tunggu panas"), actor=None)
    client.force_login(cast.admin)
    client.post(reverse("feedback:suggestion_to_complaint", args=[response.pk]))
    complaint = Complaint.objects.get(from_response=response)
    assert complaint.channel == "survei" and complaint.anonymous


def test_ikm_command_csv(cast, capsys):
    from feedback.survey.actions import do_answer_walk_in
    from feedback.tests.builders import answers, service

    do_answer_walk_in(service(), answers(), actor=None)
    today = dt.date.today().isoformat()
    call_command("ikm_report", "--from", today, "--to", today, "--format", "csv")
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("service,level,respondents,u1,")
    assert out[1].startswith("Izin Belajar,layanan,1,3.0,") and ",2.97,74.25,C," in out[1]  # 27 × 0,11 = 2,97


def test_closed_helpdesk_ticket_offers_the_survey_by_email(cast, django_capture_on_commit_callbacks):
    from helpdesk.queue.actions import do_close_ticket
    from helpdesk.tests.builders import make_operator, seed, submit

    seed()
    ticket = submit(email="siti@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        do_close_ticket(ticket, actor=make_operator())
    invitation = SurveyInvitation.objects.get(source="helpdesk", object_id=str(ticket.pk))
    assert invitation.unit == "Layanan Bantuan (Helpdesk)" and invitation.reference == ticket.number
    sent = [m for m in mail.outbox if m.to == ["siti@example.org"] and "Survei kepuasan" in m.subject]
    assert len(sent) == 1 and invitation.token in sent[0].body


def test_register_report_page_and_xlsx(cast, client):
    import io

    from openpyxl import load_workbook

    from feedback.complaints.actions import do_close_complaint, do_follow_up_complaint, do_verify_complaint

    done = complaint_of_pegawai_a(cast)
    do_close_complaint(
        do_follow_up_complaint(
            do_verify_complaint(done, actor=cast.admin), note="Diperiksa", actor=cast.admin
        ),
        answer="Selesai diperbaiki.",
        actor=cast.admin,
    )
    complaint_of_pegawai_a(cast)
    client.force_login(cast.kepala_badan)
    month = done.received_at.strftime("%Y-%m")
    page = client.get(reverse("feedback:complaint_report"), {"bulan": month})
    assert page.status_code == 200
    text = page.content.decode()
    assert "2 pengaduan diterima, 1 ditutup." in text and "Tepat waktu: 100,0%." in text
    sheet = load_workbook(
        io.BytesIO(client.get(reverse("feedback:complaint_report_export"), {"bulan": month}).content)
    ).active
    rows = list(sheet.iter_rows(values_only=True))
    assert ("Total", "Semua pengaduan", 2, 1, 1, 100, 1) in rows
    chart = client.get(reverse("feedback:complaint_report_chart"), {"bulan": month}).json()
    assert chart["series"][0]["values"] == [2]
