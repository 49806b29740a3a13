"""The operators' queue: routing, claim, canned answers, notes, merge, reopening, the audit
trail, the constant query count, and who may see what."""

from __future__ import annotations

import pytest
from django.urls import reverse

from core.models import AuditLog
from helpdesk.models import ProblemType, Ticket, TicketMessage
from helpdesk.queue.actions import do_answer_ticket, do_claim_ticket, do_merge_ticket
from helpdesk.tests.builders import solved_captcha, submit
from helpdesk.tickets.actions import TicketError, do_reply_ticket
from people.tests.factories import make_pegawai

pytestmark = pytest.mark.django_db


def act(client, ticket, move, **data):
    return client.post(reverse("helpdesk:ticket_act", args=[ticket.number]), {"move": move, **data})


def test_a_ticket_is_routed_to_the_team_of_its_type(helpdesk):
    employee_type = ProblemType.objects.get(code="pertanyaan-kepegawaian")
    assert submit().team.code == "sscasn"
    assert submit(employee_type).team.code == "kepegawaian"


def test_claim_then_answer_with_a_canned_answer_whose_placeholders_are_filled(helpdesk, operator, client):
    ticket = submit(name="Siti Rahmawati")
    client.force_login(operator)

    assert act(client, ticket, "claim").status_code == 302
    page = client.get(reverse("helpdesk:ticket_detail", args=[ticket.number])).content.decode()
    assert "NIK/KK: perbarui data di Dukcapil" in page
    canned = ticket.problem_type.canned_answers.get(code="nik-kk-dukcapil")
    assert act(client, ticket, "answer", **{"answer-canned": canned.pk, "answer-body": ""}).status_code == 302

    ticket.refresh_from_db()
    answer = ticket.messages.get(kind=TicketMessage.Kind.ANSWER).body
    assert ticket.status == Ticket.Status.ANSWERED and ticket.assignee == operator
    assert "Yth. Siti Rahmawati" in answer and ticket.number in answer and "Bayu Pratama" in answer
    assert "{nama}" not in answer
    assert ticket.first_response_at is not None and ticket.answered_on_time is True
    rows = AuditLog.objects.filter(object_type="helpdesk.ticket", object_id=str(ticket.pk)).order_by("id")
    events = list(rows.values_list("event", flat=True))
    assert events == ["helpdesk.ticket_dibuat", "helpdesk.ticket_diambil", "helpdesk.ticket_dijawab"]


def test_an_internal_note_never_reaches_the_status_page(helpdesk, operator, client):
    ticket = submit()
    client.force_login(operator)
    act(client, ticket, "note", **{"note-body": "Cek ke Dukcapil dulu, rahasia."})
    client.logout()

    page = client.post(reverse("helpdesk:status"), {"number": ticket.number, "email": ticket.email})

    assert page.status_code == 200 and ticket.number in page.content.decode()
    assert "rahasia" not in page.content.decode()


def test_a_second_operator_cannot_claim_a_claimed_ticket(helpdesk, operator):
    from helpdesk.tests.builders import make_operator

    other = make_operator("petugas.dua", "Petugas Dua")
    ticket = do_claim_ticket(submit(), actor=operator)
    with pytest.raises(TicketError):
        do_claim_ticket(ticket, actor=other)


def test_merging_a_duplicate_closes_it_into_the_other_ticket(helpdesk, operator, client):
    first, again = submit(question="NIK tidak ditemukan"), submit(question="NIK saya masih tidak ditemukan")
    client.force_login(operator)

    assert act(client, again, "merge", **{"merge-target": first.number}).status_code == 302

    again.refresh_from_db()
    assert again.status == Ticket.Status.CLOSED and again.merged_into == first
    note = first.messages.get(kind=TicketMessage.Kind.NOTE).body
    assert again.number in note and "masih tidak ditemukan" in note
    # A merged duplicate is not offered the satisfaction survey: no "ditutup" event for it.
    assert not AuditLog.objects.filter(event="helpdesk.ticket_ditutup", object_id=str(again.pk)).exists()
    with pytest.raises(TicketError):
        do_merge_ticket(first, first, actor=operator)


def test_the_applicant_reply_on_the_status_page_reopens_an_answered_ticket(helpdesk, operator, client):
    ticket = do_answer_ticket(submit(), body="Silakan coba lagi.", actor=operator)

    page = client.post(
        reverse("helpdesk:status"),
        {"number": ticket.number, "email": ticket.email, "body": "Masih gagal.", **solved_captcha()},
    )

    assert "Balasan Anda terkirim" in page.content.decode()
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.IN_PROGRESS and ticket.reopened == 1
    assert AuditLog.objects.filter(event="helpdesk.ticket_dibuka_kembali").count() == 1


def test_a_reply_needs_the_captcha(helpdesk, operator, client):
    ticket = do_answer_ticket(submit(), body="Silakan coba lagi.", actor=operator)

    page = client.post(
        reverse("helpdesk:status"),
        {
            "number": ticket.number,
            "email": ticket.email,
            "body": "Masih gagal.",
            "captcha_0": "x",
            "captcha_1": "y",
        },
    )

    assert "Kode tidak sesuai dengan gambar" in page.content.decode()
    assert Ticket.objects.get(pk=ticket.pk).status == Ticket.Status.ANSWERED


def test_no_reply_reopens_a_ticket_closed_long_ago(helpdesk, operator, settings):
    import datetime as dt

    from django.utils import timezone

    from helpdesk.queue.actions import do_close_ticket

    ticket = do_close_ticket(do_answer_ticket(submit(), body="Selesai.", actor=operator), actor=operator)
    later = timezone.now() + dt.timedelta(days=settings.PELITA_HELPDESK_REOPEN_DAYS + 1)
    with pytest.raises(TicketError):
        do_reply_ticket(ticket, body="Halo?", actor=None, now=later)


def test_the_status_page_does_not_tell_a_wrong_number_from_a_wrong_email(helpdesk, client):
    ticket = submit()
    url = reverse("helpdesk:status")
    wrong_mail = client.post(url, {"number": ticket.number, "email": "lain@example.org"}).content.decode()
    wrong_number = client.post(url, {"number": "HD-00000000", "email": ticket.email}).content.decode()

    message = "Tiket tidak ditemukan. Periksa kembali nomor tiket dan alamat e-mail."
    assert message in wrong_mail and message in wrong_number
    assert "status-result" not in wrong_mail


def test_the_status_page_refuses_an_address_after_five_misses_even_for_the_right_pair(helpdesk, client):
    ticket = submit()
    url = reverse("helpdesk:status")
    for n in range(5):
        client.post(url, {"number": f"HD-0000000{n}", "email": ticket.email})

    page = client.post(url, {"number": ticket.number, "email": ticket.email}).content.decode()

    assert "Terlalu banyak pencarian yang gagal" in page and "status-result" not in page


def test_the_queue_costs_the_same_number_of_queries_for_5_and_for_40_tickets(
    helpdesk, operator, client, django_assert_max_num_queries
):
    client.force_login(operator)
    url = reverse("helpdesk:queue")
    for _ in range(5):
        submit()
    client.get(url)  # warm the per-process caches (content types, sessions)
    with django_assert_max_num_queries(8) as small:
        response = client.get(url)
    assert response.status_code == 200 and response.content.decode().count("data-number=") == 5
    for _ in range(35):
        submit()
    with django_assert_max_num_queries(8) as large:
        response = client.get(url)
    assert response.status_code == 200 and response.content.decode().count("data-number=") == 40
    assert len(small.captured_queries) == len(large.captured_queries)


def test_a_pegawai_cannot_see_the_queue_or_a_ticket(helpdesk, cast, client):
    ticket = submit()
    client.force_login(cast.pegawai_a)
    assert client.get(reverse("helpdesk:queue")).status_code == 403
    assert client.get(reverse("helpdesk:ticket_detail", args=[ticket.number])).status_code == 403


# Staff screens of employee data, one or two per app that holds it.
EMPLOYEE_SCREENS = [
    ("people:pegawai_list", None),
    ("people:pegawai_detail", "pegawai"),
    ("people:pegawai_export", None),
    ("people:quality_ranking", None),
    ("reports:duk_page", None),
    ("reports:statistics_page", None),
    ("kpo:kp_list", None),
    ("kpo:ppo_list", None),
    ("kpo:kgb_list", None),
    ("kpo:career_of", "pegawai"),
    ("ipasn:ranking", None),
    ("ipasn:pegawai", "pegawai"),
    ("layanan:inbox", None),
    ("layanan:sla_report", None),
    ("jafung:ranking", None),
]


def test_an_operator_helpdesk_sees_the_ticket_but_no_employee_data_beyond_it(helpdesk, cast, client):
    pegawai = make_pegawai(cast.opd_a, nama="Pegawai Dinkes", user=cast.pegawai_a)
    employee_type = ProblemType.objects.get(code="pertanyaan-kepegawaian")
    ticket = submit(employee_type, actor=cast.pegawai_a, name="Pegawai Dinkes", question="Kapan KP saya?")
    client.force_login(cast.operator_helpdesk)

    queue_page = client.get(reverse("helpdesk:queue"))
    assert queue_page.status_code == 200 and ticket.number in queue_page.content.decode()
    page = client.get(reverse("helpdesk:ticket_detail", args=[ticket.number])).content.decode()
    # What the ticket contains (the name the employee gave, the question), and no more:
    # not the NIP of the employee record behind the account.
    assert "Kapan KP saya?" in page and "Pegawai Dinkes" in page
    assert pegawai.nip not in page
    for name, arg in EMPLOYEE_SCREENS:
        url = reverse(name, args=[pegawai.pk] if arg else None)
        assert client.get(url).status_code == 403, url
