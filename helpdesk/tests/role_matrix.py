"""The helpdesk's part of the role matrix (tests/test_role_matrix.py).

The public pages answer everyone, logged in or not. The queue, the tickets, the FAQ editor,
the canned answers and the report need HANDLE_HELPDESK / VIEW_HELPDESK_REPORT: the Operator
Helpdesk and the Admin hold them. Problem types are edited with MANAGE_SERVICES (Admin
only). POST-only URLs check the capability first (403), then the method (405).
"""

from tests.matrix import ADMIN_ONLY, PUBLIC


def _seeded(cast):
    from helpdesk.tests.builders import seed

    seed()


def _type(cast):
    _seeded(cast)
    return {"code": "nik-kk-tidak-ditemukan"}


def _ticket(cast):
    from helpdesk.tests.builders import submit

    _seeded(cast)
    return {"number": submit().number}


def _month_with_a_ticket(cast):
    _ticket(cast)


def _faq_entry(cast):
    from helpdesk.models import FaqEntry

    _seeded(cast)
    return {"pk": FaqEntry.objects.order_by("pk").first().pk}


def _canned(cast):
    from helpdesk.models import CannedAnswer

    _seeded(cast)
    return {"pk": CannedAnswer.objects.order_by("pk").first().pk}


def _problem_type(cast):
    from helpdesk.models import ProblemType

    _seeded(cast)
    return {"pk": ProblemType.objects.order_by("pk").first().pk}


def _document(cast):
    from core.documents import do_attach_document
    from helpdesk.models import Ticket
    from helpdesk.tests.builders import jpg

    number = _ticket(cast)["number"]
    document = do_attach_document(Ticket.objects.get(number=number), jpg(5), kind="lainnya", actor=None)
    return {"number": number, "document": document.pk}


def _answer(cast):
    from helpdesk.models import Ticket
    from helpdesk.queue.actions import do_answer_ticket

    number = _ticket(cast)["number"]
    ticket = do_answer_ticket(Ticket.objects.get(number=number), body="Jawaban uji.", actor=cast.admin)
    return {"number": number, "message": ticket.messages.get().pk}


POST_ONLY_PUBLIC = dict.fromkeys(PUBLIC, 405)
STAFF = {**ADMIN_ONLY, "operator_helpdesk": 200}
STAFF_POST_ONLY = {**STAFF, "admin": 405, "operator_helpdesk": 405}

MATRIX = {
    "helpdesk:index": (_seeded, PUBLIC),
    "helpdesk:ticket_create": (_type, PUBLIC),
    "helpdesk:ticket_sent": (None, PUBLIC),
    "helpdesk:status": (None, PUBLIC),
    "helpdesk:faq": (_seeded, PUBLIC),
    "helpdesk:faq_suggest": (_seeded, PUBLIC),
    "helpdesk:faq_rate": (_faq_entry, POST_ONLY_PUBLIC),
    "helpdesk:selfcheck": (None, PUBLIC),
    "helpdesk:queue": (_seeded, STAFF),
    "helpdesk:report": (_month_with_a_ticket, STAFF),
    "helpdesk:report_export": (_month_with_a_ticket, STAFF),
    "helpdesk:report_chart": (_month_with_a_ticket, STAFF),
    "helpdesk:faq_admin": (_seeded, STAFF),
    "helpdesk:faq_create": (_seeded, STAFF),
    "helpdesk:faq_edit": (_faq_entry, STAFF),
    "helpdesk:canned_list": (_seeded, STAFF),
    "helpdesk:canned_create": (_seeded, STAFF),
    "helpdesk:canned_edit": (_canned, STAFF),
    "helpdesk:type_list": (_seeded, ADMIN_ONLY),
    "helpdesk:type_edit": (_problem_type, ADMIN_ONLY),
    "helpdesk:ticket_detail": (_ticket, STAFF),
    "helpdesk:ticket_act": (_ticket, STAFF_POST_ONLY),
    "helpdesk:ticket_document": (_document, STAFF),
    "helpdesk:faq_from_answer": (_answer, STAFF),
}
