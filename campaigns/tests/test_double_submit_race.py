"""Two tabs sending the first submission at the same moment, on real connections."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from campaigns.models import Submission, SubmissionVersion
from campaigns.submissions.actions import do_submit
from campaigns.submissions.rules import StaleVersion
from campaigns.tests.helpers import make_campaign, valid_answers
from people.tests.factories import make_pegawai

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent connections (PostgreSQL)"),
]


def test_simultaneous_first_submits_end_in_one_submission_and_one_clear_refusal(cast):
    campaign = make_campaign(cast.admin, questions="none", publish=False)
    from campaigns.design.actions import do_add_question, do_publish_campaign

    do_add_question(campaign, actor=cast.admin, code="capaian", label="Capaian", kind="number")
    do_publish_campaign(campaign, actor=cast.admin)
    rina = make_pegawai(cast.opd_a, nama="Rina", user=cast.pegawai_a)
    start = threading.Barrier(2)
    outcomes = []

    def tab(value):
        try:
            start.wait()
            do_submit(campaign, rina, valid_answers(capaian=value), base_version=0, actor=cast.pegawai_a)
            outcomes.append("saved")
        except StaleVersion:
            outcomes.append("stale")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=tab, args=(v,)) for v in ("70", "75")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["saved", "stale"]
    assert Submission.objects.count() == 1 and SubmissionVersion.objects.count() == 1
