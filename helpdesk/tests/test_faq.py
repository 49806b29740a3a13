"""The FAQ: grouped by topic, searched, rated once per visitor, suggested while a question is
typed, and fed from operators' answers."""

from __future__ import annotations

import pytest
from django.urls import reverse

from helpdesk.faq.queries import search
from helpdesk.models import FaqEntry, TicketMessage
from helpdesk.queue.actions import do_answer_ticket
from helpdesk.tests.builders import submit

pytestmark = pytest.mark.django_db


def test_the_faq_is_grouped_by_topic(helpdesk, client):
    html = client.get(reverse("helpdesk:faq")).content.decode()
    assert html.index("Registrasi SSCASN") < html.index("Login dan akun") < html.index("Tentang helpdesk")
    assert html.count('data-testid="faq-entry"') == FaqEntry.objects.filter(is_published=True).count()


def test_search_finds_entries_by_their_words_and_says_when_nothing_matches(helpdesk, client):
    assert search("lupa password")[0].question == "Saya lupa password akun SSCASN."
    assert "IPK minimal" in search("ipk")[0].question

    html = client.get(reverse("helpdesk:faq"), {"q": "zzzz qqqq"}).content.decode()
    assert 'data-testid="faq-empty"' in html


def test_an_unpublished_entry_is_never_shown_or_suggested(helpdesk, client):
    FaqEntry.objects.filter(question__icontains="lupa password").update(is_published=False)
    assert not search("lupa password akun").filter(question__icontains="lupa password").exists()


def test_suggestions_for_the_question_being_typed(helpdesk, client):
    data = client.get(reverse("helpdesk:faq_suggest"), {"q": "NIK KK tidak ditemukan"}).json()
    assert data["results"] and "NIK" in data["results"][0]["question"]
    assert data["results"][0]["url"].startswith("/bantuan/faq/#faq-")
    assert client.get(reverse("helpdesk:faq_suggest"), {"q": ""}).json() == {"results": []}


def test_a_visitor_rates_an_entry_once(helpdesk, client):
    entry = FaqEntry.objects.first()
    url = reverse("helpdesk:faq_rate", args=[entry.pk])
    client.post(url, {"value": "ya"})
    client.post(url, {"value": "ya"})
    client.post(url, {"value": "zzz"})
    entry.refresh_from_db()
    assert (entry.helpful, entry.not_helpful) == (1, 0)


def test_an_operator_turns_an_answer_into_an_faq_entry(helpdesk, operator, client):
    ticket = do_answer_ticket(
        submit(question="Bagaimana mengganti foto?"), body="Unggah ulang foto.", actor=operator
    )
    message = ticket.messages.get(kind=TicketMessage.Kind.ANSWER)
    client.force_login(operator)
    url = reverse("helpdesk:faq_from_answer", args=[ticket.number, message.pk])

    form = client.get(url).content.decode()
    assert "Bagaimana mengganti foto?" in form and "Unggah ulang foto." in form
    topic = FaqEntry.objects.first().topic
    response = client.post(
        url,
        {
            "topic": topic.pk,
            "question": "Bagaimana mengganti foto?",
            "answer": "Unggah ulang foto.",
            "is_published": "on",
            "order": 9,
        },
    )

    assert response.status_code == 302
    entry = FaqEntry.objects.get(question="Bagaimana mengganti foto?")
    assert entry.source_ticket == ticket and entry.is_published
    assert search("mengganti foto")[0] == entry
