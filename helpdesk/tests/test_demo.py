"""The demo helpdesk: tickets in every state, quick, and a second run adds nothing."""

from __future__ import annotations

import pytest

from demo.helpdesk import seed_demo_helpdesk
from helpdesk.models import FaqEntry, Ticket
from helpdesk.tests.builders import make_operator

pytestmark = pytest.mark.django_db


def test_the_demo_has_tickets_in_every_state_and_faq_entries(cast):
    make_operator("helpdesk", "Bayu Pratama")

    seed_demo_helpdesk(2026)

    states = set(Ticket.objects.values_list("status", flat=True))
    assert states == set(Ticket.Status.values)
    assert Ticket.objects.filter(merged_into__isnull=False).exists()
    assert FaqEntry.objects.count() >= 10
    count = Ticket.objects.count()
    seed_demo_helpdesk(2026)
    assert Ticket.objects.count() == count
