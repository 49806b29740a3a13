"""Demo requests: consistent trails, deterministic for a seed, and all-open loads for check_sla."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest

from demo.layanan import seed_demo_requests
from layanan.models import Request, RequestStep
from layanan.tests.factories import make_service
from people.tests.factories import make_pegawai

pytestmark = pytest.mark.django_db
AS_OF = dt.datetime(2026, 11, 20, 10, 0, tzinfo=ZoneInfo("Asia/Jakarta"))


@pytest.fixture
def ready(cast):
    make_service(duration=3, requirements=())
    make_service("ujian-dinas", "Ujian Dinas", duration=1, requirements=())
    for name in ("Siti Rahmawati", "Budi Santoso"):
        make_pegawai(cast.opd_a, nama=name)


def snapshot():
    return list(
        Request.objects.order_by("number").values_list(
            "number", "status", "submitted_at", "due_at", "finished_at"
        )
    )


def test_trails_are_contiguous_and_match_the_request_state(ready):
    summary = seed_demo_requests(150, 3, as_of=AS_OF)
    assert summary["requests"] == 150
    trails = {}
    for stay in RequestStep.objects.order_by("request_id", "started_at", "id"):
        trails.setdefault(stay.request_id, []).append(stay)
    for request in Request.objects.all():
        trail = trails.get(request.pk, [])
        if request.status == Request.Status.DRAFT:
            assert trail == [] and request.submitted_at is None
            continue
        assert trail[0].started_at == request.submitted_at
        for before, after in pairwise(trail):
            assert before.ended_at == after.started_at
        last = trail[-1]
        if request.status in (Request.Status.DONE, Request.Status.REJECTED):
            assert last.ended_at == request.finished_at <= AS_OF and request.step is None
        elif request.status == Request.Status.RETURNED:
            assert last.step is None and last.ended_at is None
        else:
            assert last.step == request.step and last.ended_at is None
        assert request.overdue == (
            (request.finished_at is not None and request.finished_at > request.due_at)
            or (request.status == Request.Status.IN_PROCESS and request.due_at < AS_OF)
        )


def test_same_seed_gives_the_same_requests_and_a_second_call_adds_nothing(ready):
    seed_demo_requests(40, 9, as_of=AS_OF)
    first = snapshot()
    assert seed_demo_requests(40, 9, as_of=AS_OF)["requests"] == 0
    Request.objects.all().delete()
    seed_demo_requests(40, 9, as_of=AS_OF)
    assert snapshot() == first


def test_open_only_load_is_all_open(ready):
    seed_demo_requests(60, 4, as_of=AS_OF, open_only=True)
    statuses = set(Request.objects.values_list("status", flat=True))
    assert statuses <= {Request.Status.IN_PROCESS, Request.Status.RETURNED}
    assert RequestStep.objects.filter(ended_at__isnull=True).count() == 60
