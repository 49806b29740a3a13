"""The feedback demo: answers for completed requests, complaints in every state, once."""

import pytest

from feedback.models import Complaint, SurveyResponse

pytestmark = pytest.mark.django_db


def test_demo_feedback_is_idempotent(cast, chain):
    from demo.feedback import seed_demo_feedback
    from layanan.tests.factories import make_service
    from layanan.tests.product_builders import complete, give_template
    from layanan.tests.workflow_helpers import make_applicant, submit

    service = make_service("izin-belajar", "Izin Belajar")
    give_template(service, actor=cast.admin)
    for _ in range(3):
        complete(submit(service, make_applicant(cast.opd_a), actor=cast.operator_a), chain)
    message = seed_demo_feedback(7)
    assert "3 permohonan selesai" in message
    states = set(Complaint.objects.values_list("status", flat=True))
    assert states == set(Complaint.Status.values)
    assert Complaint.objects.filter(channel="lapor").exclude(lapor_number="").exists()
    assert Complaint.objects.filter(anonymous=True, email="").exists()
    before = (SurveyResponse.objects.count(), Complaint.objects.count())
    assert "sudah ada" in seed_demo_feedback(7)
    assert (SurveyResponse.objects.count(), Complaint.objects.count()) == before
