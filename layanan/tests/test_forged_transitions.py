"""Forged transitions are refused and change nothing.

Each test posts what a tampered or replayed form would post to the inbox's action URL and
checks the answer (403, 404 or 409) and that the request, its trail, the audit log and the
notifications are exactly as before.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from core.models import AuditLog, Notification
from layanan.models import Action, Request, RequestStep, Transition
from layanan.requests.actions import do_create_request
from layanan.tests.workflow_helpers import AGENDA, make_applicant, submit, transition_of, walk_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def service(db):
    from layanan.tests.factories import make_service

    return make_service("izin-belajar", "Izin Belajar", duration=3)


@pytest.fixture
def at_registration(cast, service):
    return submit(service, make_applicant(cast.opd_a, user=cast.pegawai_a), actor=cast.pegawai_a)


def state(request: Request) -> tuple:
    request = Request.objects.get(pk=request.pk)
    return (
        request.status,
        request.step_id,
        request.version,
        request.agenda_number,
        list(
            RequestStep.objects.filter(request=request).values_list(
                "pk", "step_id", "ended_at", "action", "note"
            )
        ),
        AuditLog.objects.count(),
        Notification.objects.count(),
    )


def post_act(client, request: Request, transition: Transition | int, *, version=None, **extra):
    data = {
        "transition": getattr(transition, "pk", transition),
        "version": request.version if version is None else version,
        "agenda_number": AGENDA,
        "note": "Catatan",
        **extra,
    }
    return client.post(reverse("layanan:inbox_act", args=[request.number]), data)


def test_the_holder_of_the_step_may_act_through_the_form(client_for, chain, at_registration):
    before = state(at_registration)
    response = post_act(client_for(chain.petugas), at_registration, transition_of(at_registration))
    assert response.status_code == 302 and response["Location"] == reverse("layanan:inbox")
    assert state(at_registration) != before
    assert Request.objects.get(pk=at_registration.pk).step.code == "pemilahan"


@pytest.mark.parametrize("who", ["kasubbag", "sekretaris", "kepala_badan", "kepala_bidang", "unit_pengolah"])
def test_an_official_of_another_step_is_refused(client_for, chain, at_registration, who):
    before = state(at_registration)
    response = post_act(client_for(getattr(chain, who)), at_registration, transition_of(at_registration))
    assert response.status_code == 403
    assert state(at_registration) == before


def test_admin_without_the_steps_role_is_refused(client_for, cast, at_registration):
    before = state(at_registration)
    assert (
        post_act(client_for(cast.admin), at_registration, transition_of(at_registration)).status_code == 403
    )
    assert state(at_registration) == before


@pytest.mark.parametrize("who", ["pegawai_a", "operator_a", "operator_b"])
def test_applicants_and_operators_cannot_act_at_all(client_for, cast, at_registration, who):
    before = state(at_registration)
    response = post_act(client_for(getattr(cast, who)), at_registration, transition_of(at_registration))
    assert response.status_code == 403
    assert state(at_registration) == before


def test_anonymous_is_sent_to_the_login_page(client_for, at_registration):
    before = state(at_registration)
    response = post_act(client_for(None), at_registration, transition_of(at_registration))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
    assert state(at_registration) == before


def test_a_transition_of_another_step_is_refused_even_to_the_holder_of_both(client_for, cast, chain, service):
    # The verifier holds verifikasi and penerbitan: "complete" belongs to penerbitan only.
    request = walk_to(submit(service, make_applicant(cast.opd_a), actor=cast.operator_a), "verifikasi", chain)
    complete = Transition.objects.get(service=service, action=Action.COMPLETE)
    before = state(request)
    assert post_act(client_for(chain.unit_pengolah), request, complete).status_code == 403
    assert state(request) == before


def test_a_transition_of_a_later_step_cannot_skip_the_chain(client_for, chain, service, at_registration):
    disposisi = Transition.objects.get(service=service, from_step__code="disposisi")
    before = state(at_registration)
    assert post_act(client_for(chain.petugas), at_registration, disposisi).status_code == 403
    assert state(at_registration) == before


def test_a_transition_of_another_service_is_refused(client_for, chain, at_registration):
    from layanan.tests.factories import make_service

    other = make_service("upkp", "UPKP", duration=5)
    foreign = Transition.objects.get(service=other, from_step__code="registrasi", action="forward")
    before = state(at_registration)
    assert post_act(client_for(chain.petugas), at_registration, foreign).status_code == 403
    assert state(at_registration) == before


@pytest.mark.parametrize("forged", [0, 999_999, "x", ""])
def test_an_unknown_transition_id_is_refused(client_for, chain, at_registration, forged):
    before = state(at_registration)
    assert post_act(client_for(chain.petugas), at_registration, forged).status_code == 403
    assert state(at_registration) == before


def test_someone_elses_draft_is_not_found(client_for, cast, chain, service):
    draft = do_create_request(service, make_applicant(cast.opd_a, user=cast.pegawai_a), actor=cast.pegawai_a)
    entry = Transition.objects.get(service=service, from_step__code="registrasi", action="forward")
    before = state(draft)
    assert post_act(client_for(chain.petugas), draft, entry).status_code == 404
    assert state(draft) == before


def test_an_unknown_request_number_is_not_found(client_for, chain, at_registration):
    before = state(at_registration)
    response = client_for(chain.petugas).post(
        reverse("layanan:inbox_act", args=["IB-0000-XXXXX"]),
        {"transition": transition_of(at_registration).pk, "version": at_registration.version},
    )
    assert response.status_code == 404
    assert state(at_registration) == before


def test_a_replayed_form_is_refused_the_second_time(client_for, chain, at_registration):
    client = client_for(chain.petugas)
    transition, version = transition_of(at_registration), at_registration.version
    assert post_act(client, at_registration, transition, version=version).status_code == 302
    after_first = state(at_registration)
    response = post_act(client, at_registration, transition, version=version)
    assert response.status_code == 409
    assert "sudah berubah" in response.content.decode()
    assert state(at_registration) == after_first


def test_a_stale_form_is_refused_after_another_official_acted(client_for, cast, chain, service):
    request = walk_to(submit(service, make_applicant(cast.opd_a), actor=cast.operator_a), "verifikasi", chain)
    ret = Transition.objects.get(service=service, from_step__code="verifikasi", action=Action.RETURN)
    rej = Transition.objects.get(service=service, action=Action.REJECT)
    version = request.version
    assert post_act(client_for(chain.unit_pengolah), request, ret, version=version).status_code == 302
    after = state(request)
    assert post_act(client_for(chain.unit_pengolah), request, rej, version=version).status_code == 409
    assert state(request) == after


def test_a_form_without_its_version_is_refused(client_for, chain, at_registration):
    before = state(at_registration)
    response = client_for(chain.petugas).post(
        reverse("layanan:inbox_act", args=[at_registration.number]),
        {"transition": transition_of(at_registration).pk, "agenda_number": AGENDA},
    )
    assert response.status_code == 409
    assert state(at_registration) == before


def test_a_missing_agenda_number_comes_back_as_a_message(client_for, chain, at_registration):
    before = state(at_registration)
    client = client_for(chain.petugas)
    response = post_act(client, at_registration, transition_of(at_registration), agenda_number="")
    assert response.status_code == 302
    assert response["Location"] == reverse("layanan:request_detail", args=[at_registration.number])
    assert state(at_registration) == before
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("nomor agenda" in m for m in messages)


def test_the_redirect_back_never_leaves_the_site(client_for, chain, at_registration):
    response = post_act(
        client_for(chain.petugas),
        at_registration,
        transition_of(at_registration),
        agenda_number="",
        next="https://evil.example/",
    )
    assert response["Location"] == reverse("layanan:request_detail", args=[at_registration.number])


def test_the_action_url_answers_only_post(client_for, chain, at_registration):
    response = client_for(chain.petugas).get(reverse("layanan:inbox_act", args=[at_registration.number]))
    assert response.status_code == 405


# --- Bulk --------------------------------------------------------------------------------


def post_bulk(client, requests, transition, versions=None):
    chosen = [f"{r.number}:{r.version if versions is None else versions[i]}" for i, r in enumerate(requests)]
    return client.post(
        reverse("layanan:inbox_bulk"), {"pilih": chosen, "transition": getattr(transition, "pk", transition)}
    )


def test_a_bulk_form_with_a_transition_that_is_not_bulk_is_refused(client_for, cast, chain, service):
    request = walk_to(submit(service, make_applicant(cast.opd_a), actor=cast.operator_a), "verifikasi", chain)
    ret = Transition.objects.get(service=service, from_step__code="verifikasi", action=Action.RETURN)
    before = state(request)
    assert post_bulk(client_for(chain.unit_pengolah), [request], ret).status_code == 403
    assert state(request) == before


def test_a_bulk_form_with_a_request_outside_the_inbox_changes_nothing(client_for, cast, chain, service):
    mine = walk_to(submit(service, make_applicant(cast.opd_a), actor=cast.operator_a), "paraf", chain)
    elsewhere = submit(service, make_applicant(cast.opd_a), actor=cast.operator_a)  # at registrasi
    before = (state(mine), state(elsewhere))
    response = post_bulk(client_for(chain.sekretaris), [mine, elsewhere], transition_of(mine))
    assert response.status_code == 409 and elsewhere.number in response.content.decode()
    assert (state(mine), state(elsewhere)) == before


def test_a_replayed_bulk_form_is_refused(client_for, cast, chain, service):
    requests = [
        walk_to(submit(service, make_applicant(cast.opd_a), actor=cast.operator_a), "paraf", chain)
        for _ in range(2)
    ]
    client = client_for(chain.sekretaris)
    versions = [r.version for r in requests]
    paraf = transition_of(requests[0])
    assert post_bulk(client, requests, paraf, versions).status_code == 302
    after = [state(r) for r in requests]
    assert post_bulk(client, requests, paraf, versions).status_code == 409
    assert [state(r) for r in requests] == after


def test_a_bulk_form_from_a_stale_page_is_refused(client_for, cast, chain, service):
    request = walk_to(submit(service, make_applicant(cast.opd_a), actor=cast.operator_a), "paraf", chain)
    before = state(request)
    response = post_bulk(
        client_for(chain.sekretaris), [request], transition_of(request), [request.version - 1]
    )
    assert response.status_code == 409
    assert state(request) == before
