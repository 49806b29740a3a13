"""The ticket status endpoint of the REST API (/api/v1/helpdesk/tiket/status): number +
e-mail give the state and the officers' answers, and nothing else of the applicant."""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from helpdesk.queue.actions import do_add_ticket_note, do_answer_ticket
from helpdesk.tests.builders import submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def token(cast):
    from api.tokens.actions import do_create_api_token

    return do_create_api_token(name="Chatbot", scopes=["read:helpdesk"], actor=cast.admin)[1]


@pytest.fixture
def ask(client):
    def send(token, nomor, email):
        return client.post(
            "/api/v1/helpdesk/tiket/status",
            json.dumps({"nomor": nomor, "email": email}),
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {token}",
        )

    return send


def test_the_state_and_the_answer_and_no_other_personal_data(helpdesk, operator, token, ask):
    ticket = submit(helpdesk, name="Siti Rahmawati", email="siti@example.org")
    do_add_ticket_note(ticket, body="Cek dengan Dukcapil dulu", actor=operator)
    do_answer_ticket(ticket, body="NIK Anda sudah dipadankan; silakan coba lagi.", actor=operator, mail=False)
    with CaptureQueriesContext(connection) as queries:
        response = ask(token, ticket.number.lower(), "SITI@example.org")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["nomor"] == ticket.number
    assert (body["status"], body["status_label"]) == ("dijawab", "Dijawab")
    assert [(a["jenis"], a["isi"]) for a in body["jawaban"]] == [
        ("jawaban", "NIK Anda sudah dipadankan; silakan coba lagi.")
    ]
    text = response.content.decode()
    for private in ("Siti", "siti@", "NIK saya", "Dukcapil", "6171"):
        assert private not in text
    assert set(body) == {"nomor", "status", "status_label", "diterima", "dijawab", "ditutup", "jawaban"}
    assert len(queries) <= 12  # token checks, throttle, one lookup, one message list


def test_a_wrong_number_or_e_mail_looks_the_same_and_misses_are_limited(helpdesk, token, ask):
    ticket = submit(helpdesk, email="siti@example.org")
    wrong_mail = ask(token, ticket.number, "lain@example.org")
    wrong_number = ask(token, "HD-0000-0000", "siti@example.org")
    assert wrong_mail.status_code == wrong_number.status_code == 404
    assert wrong_mail.json() == wrong_number.json()
    assert wrong_mail.json()["kode"] == "tidak_ditemukan"
    for _ in range(3):
        ask(token, "HD-0000-0000", "siti@example.org")
    blocked = ask(token, ticket.number, "siti@example.org")
    assert blocked.status_code == 429 and blocked.json()["kode"] == "batas_permintaan"
    assert "10 menit" in blocked.json()["pesan"]


def test_other_scopes_and_no_token_are_refused(cast, helpdesk, ask):
    from api.tokens.actions import do_create_api_token

    ticket = submit(helpdesk)
    other = do_create_api_token(name="Lain", scopes=["read:pegawai"], actor=cast.admin)[1]
    refused = ask(other, ticket.number, "siti@example.org")
    assert refused.status_code == 403 and refused.json()["kode"] == "cakupan_kurang"
    assert ask("", ticket.number, "siti@example.org").status_code == 401


def test_invalid_input_gets_the_error_shape(token, ask):
    response = ask(token, "", "x")
    assert response.status_code == 422 and response.json()["kode"] == "isian_tidak_sah"
