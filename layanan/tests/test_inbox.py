"""The officials' inboxes: each role sees only its step's requests, filters, order and the
overdue mark, bulk initialling and disposing, the action form on the request page, and a
constant number of queries however many requests wait."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from layanan.models import Action, Request, Transition
from layanan.tests.workflow_helpers import holder, make_applicant, submit, transition_of, walk_to
from layanan.workflow.queries import InboxFilters, inbox_for_user

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")
INBOX = reverse("layanan:inbox")


@pytest.fixture
def service(db):
    from layanan.tests.factories import make_service

    return make_service("izin-belajar", "Izin Belajar", duration=3)


@pytest.fixture
def other_service(db):
    from layanan.tests.factories import make_service

    return make_service("ujian-dinas", "Ujian Dinas", duration=5)


def new_request(cast, service, *, opd=None, nama=None, user=None, actor=None):
    pegawai = make_applicant(opd or cast.opd_a, nama=nama, user=user)
    return submit(
        service,
        pegawai,
        actor=actor or (cast.operator_a if (opd or cast.opd_a) == cast.opd_a else cast.operator_b),
    )


def numbers_in(response) -> list[str]:
    return [r.number for r in response.context["page_obj"].object_list]


@pytest.fixture
def spread(cast, chain, service):
    """One request waiting at each of registrasi, paraf and verifikasi."""
    return {
        "registrasi": new_request(cast, service),
        "paraf": walk_to(new_request(cast, service), "paraf", chain),
        "verifikasi": walk_to(new_request(cast, service), "verifikasi", chain),
    }


@pytest.mark.parametrize(
    ("who", "sees"),
    [
        ("petugas", ["registrasi"]),
        ("kasubbag", []),
        ("sekretaris", ["paraf"]),
        ("kepala_badan", []),
        ("kepala_bidang", []),
        ("unit_pengolah", ["verifikasi"]),
    ],
)
def test_each_official_sees_only_the_requests_at_their_steps(client_for, chain, spread, who, sees):
    response = client_for(getattr(chain, who)).get(INBOX)
    assert response.status_code == 200
    assert numbers_in(response) == [spread[code].number for code in sees]


def test_admin_opens_the_inbox_but_sees_only_steps_of_roles_they_hold(client_for, cast, spread):
    response = client_for(cast.admin).get(INBOX)
    assert response.status_code == 200 and numbers_in(response) == []


@pytest.mark.parametrize("who", ["pegawai_a", "operator_a", "operator_b"])
def test_applicants_and_operators_have_no_inbox(client_for, cast, who):
    assert client_for(getattr(cast, who)).get(INBOX).status_code == 403


def test_requests_leave_the_inbox_once_moved_and_finished_ones_never_show(client_for, cast, chain, service):
    request = walk_to(new_request(cast, service), "verifikasi", chain)
    client = client_for(chain.unit_pengolah)
    assert numbers_in(client.get(INBOX)) == [request.number]
    from layanan.tests.workflow_helpers import act

    act(request, chain.unit_pengolah, Action.REJECT, note="Tidak memenuhi syarat")
    assert numbers_in(client.get(INBOX)) == []


def test_the_inbox_is_sorted_by_due_time_and_marks_overdue_requests(
    client_for, cast, chain, service, other_service
):
    with time_machine.travel(dt.datetime(2026, 11, 2, 9, 0, tzinfo=WIB), tick=False):
        late = new_request(cast, service)  # 3 whole working days: due Thursday 09:00
    with time_machine.travel(dt.datetime(2026, 11, 5, 10, 0, tzinfo=WIB), tick=False):
        later = new_request(cast, other_service)  # 5 working days
        sooner = new_request(cast, service)
        response = client_for(chain.petugas).get(INBOX)
    assert numbers_in(response) == [late.number, sooner.number, later.number]
    rows = {r.number: r for r in response.context["page_obj"].object_list}
    assert rows[late.number].late and not rows[sooner.number].late
    html = response.content.decode()
    assert html.count('data-overdue="1"') == 1 and "Terlambat" in html
    assert "5 November 2026 09:00" in html  # the due time, in Indonesian


def test_filters_by_service_opd_overdue_and_search(client_for, cast, chain, service, other_service):
    with time_machine.travel(dt.datetime(2026, 11, 2, 9, 0, tzinfo=WIB), tick=False):
        old = new_request(cast, service, nama="Budi Santoso")
    with time_machine.travel(dt.datetime(2026, 11, 5, 10, 0, tzinfo=WIB), tick=False):
        exam = new_request(cast, other_service, nama="Citra Lestari")
        dishub = new_request(cast, service, opd=cast.opd_b, nama="Dedi Kurniawan")
        client = client_for(chain.petugas)

        def listed(**params):
            return sorted(numbers_in(client.get(INBOX, params)))

        assert listed() == sorted([old.number, exam.number, dishub.number])
        assert listed(service=other_service.pk) == [exam.number]
        assert listed(opd=cast.opd_b.pk) == [dishub.number]
        assert listed(overdue="on") == [old.number]
        assert listed(q="citra") == [exam.number]
        assert listed(q=dishub.number.lower()) == [dishub.number]
        assert listed(q=old.pegawai.nip) == [old.number]
        assert listed(q="tidak ada") == []
        # A value outside the choices is dropped, not an error.
        assert listed(service=999999) == sorted([old.number, exam.number, dishub.number])


def test_inbox_for_user_filters_without_the_view(cast, chain, service):
    request = new_request(cast, service, nama="Eka Putri")
    chain.petugas.roles  # noqa: B018 (read once per request, like the middleware does)
    assert [r.number for r in inbox_for_user(chain.petugas, InboxFilters(q="eka"))] == [request.number]
    assert list(inbox_for_user(chain.petugas, InboxFilters(opd=cast.opd_b.pk))) == []


def _inbox_queries(client, *, expect_rows: int) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(INBOX)
    assert len(response.context["page_obj"].object_list) == expect_rows
    return len(queries)


def test_the_inbox_costs_the_same_queries_for_1_and_30_requests(
    client_for, cast, chain, service, other_service
):
    client = client_for(chain.petugas)
    new_request(cast, service)
    one = _inbox_queries(client, expect_rows=1)
    for i in range(29):
        new_request(cast, other_service if i % 2 else service, opd=cast.opd_b if i % 3 else cast.opd_a)
    thirty = _inbox_queries(client, expect_rows=30)
    assert one == thirty
    assert thirty <= 12, "session, user, roles, count, page, bulk buttons, filter choices"


def test_the_inbox_query_is_one_query_for_any_number_of_rows(cast, chain, service, django_assert_num_queries):
    for _ in range(3):
        new_request(cast, service)
    chain.petugas.roles  # noqa: B018
    with django_assert_num_queries(1):
        rows = list(inbox_for_user(chain.petugas))
        assert [(r.service.name, r.step.name, r.opd.name, r.pegawai.nip) for r in rows]
        assert all(r.step_since and r.step_due for r in rows)


# --- Bulk ---------------------------------------------------------------------------------


def test_the_sekretaris_initials_the_selected_requests_in_bulk(
    client_for, cast, chain, service, other_service
):
    chosen = [walk_to(new_request(cast, s), "paraf", chain) for s in (service, other_service, service)]
    left = walk_to(new_request(cast, service), "paraf", chain)
    client = client_for(chain.sekretaris)
    page = client.get(INBOX)
    html = page.content.decode()
    assert html.count('name="pilih"') == 4
    buttons = page.context["bulk_buttons"]
    assert [b.label for b in buttons] == ["Paraf dan teruskan"], "one button per move, whatever the service"
    response = client.post(
        reverse("layanan:inbox_bulk"),
        {"pilih": [f"{r.number}:{r.version}" for r in chosen], "transition": buttons[0].pk, "next": INBOX},
        follow=True,
    )
    assert response.status_code == 200
    assert "3 permohonan: Paraf dan teruskan." in response.content.decode()
    assert numbers_in(response) == [left.number]
    for r in chosen:
        r.refresh_from_db()
        assert r.step.code == "disposisi" and r.step.service_id == r.service_id


def test_the_kepala_badan_disposes_in_bulk_and_the_kepala_bidang_receives_them(
    client_for, cast, chain, service
):
    chosen = [walk_to(new_request(cast, service), "disposisi", chain) for _ in range(2)]
    disposisi = transition_of(chosen[0])
    response = client_for(chain.kepala_badan).post(
        reverse("layanan:inbox_bulk"),
        {"pilih": [f"{r.number}:{r.version}" for r in chosen], "transition": disposisi.pk, "note": "Segera"},
    )
    assert response.status_code == 302 and response["Location"] == INBOX
    assert sorted(numbers_in(client_for(chain.kepala_bidang).get(INBOX))) == sorted(r.number for r in chosen)


def test_no_bulk_buttons_where_the_step_has_no_bulk_move(client_for, cast, chain, service):
    walk_to(new_request(cast, service), "verifikasi", chain)
    new_request(cast, service)
    assert client_for(chain.unit_pengolah).get(INBOX).context["bulk_buttons"] == []
    assert (
        client_for(chain.petugas).get(INBOX).context["bulk_buttons"] == []
    )  # registration needs an agenda number


def test_a_bulk_form_without_a_selection_comes_back_with_a_message(client_for, cast, chain, service):
    request = walk_to(new_request(cast, service), "paraf", chain)
    response = client_for(chain.sekretaris).post(
        reverse("layanan:inbox_bulk"), {"transition": transition_of(request).pk}, follow=True
    )
    assert "Pilih sedikitnya satu permohonan." in response.content.decode()
    request.refresh_from_db()
    assert request.step.code == "paraf"


# --- The action form on the request page ----------------------------------------------------


def _render_actions(request_obj, user) -> str:
    http = RequestFactory().get(f"/layanan/permohonan/{request_obj.number}/")
    http.user = user
    return render_to_string("layanan/_actions.html", {"request_obj": request_obj, "user": user}, request=http)


def test_the_action_form_offers_the_holder_the_moves_of_the_step(cast, chain, service):
    request = walk_to(new_request(cast, service), "verifikasi", chain)
    html = _render_actions(request, chain.unit_pengolah)
    for t in Transition.objects.filter(from_step=request.step):
        assert f'value="{t.pk}"' in html and t.label in html
    assert 'name="agenda_number"' not in html
    assert f'name="version" value="{request.version}"' in html
    assert "Wajib diisi untuk: Kembalikan ke pemohon, Tolak permohonan." in html


def test_the_action_form_asks_the_registration_desk_for_the_agenda_number(cast, chain, service):
    html = _render_actions(new_request(cast, service), chain.petugas)
    assert 'name="agenda_number"' in html and "Registrasi dan teruskan" in html


@pytest.mark.parametrize("who", ["kasubbag", "sekretaris", "kepala_badan", "unit_pengolah"])
def test_the_action_form_renders_nothing_for_anyone_else(cast, chain, service, who):
    assert _render_actions(new_request(cast, service), getattr(chain, who)).strip() == ""


def test_the_action_form_renders_nothing_for_the_applicant_or_admin_while_in_process(cast, chain, service):
    request = new_request(cast, service, user=cast.pegawai_a, actor=cast.pegawai_a)
    assert _render_actions(request, cast.pegawai_a).strip() == ""
    assert _render_actions(request, cast.admin).strip() == ""


def test_the_request_page_shows_the_action_form_and_it_works(client_for, cast, chain, service):
    request = new_request(cast, service)
    client = client_for(chain.petugas)
    page = client.get(reverse("layanan:request_detail", args=[request.number]))
    assert 'data-testid="request-actions"' in page.content.decode()
    response = client.post(
        reverse("layanan:inbox_act", args=[request.number]),
        {"transition": transition_of(request).pk, "version": request.version, "agenda_number": "800/9/BKD"},
        follow=True,
    )
    assert "kini di tahap Pemilahan surat" in response.content.decode()
    request.refresh_from_db()
    assert (request.step.code, request.agenda_number) == ("pemilahan", "800/9/BKD")


def test_a_returned_request_offers_its_applicant_the_resubmission_with_the_reason(
    client_for, cast, chain, service
):
    from layanan.tests.workflow_helpers import act

    request = walk_to(
        new_request(cast, service, user=cast.pegawai_a, actor=cast.pegawai_a), "verifikasi", chain
    )
    request = act(request, chain.unit_pengolah, Action.RETURN, note="Ijazah tidak terbaca")
    assert _render_actions(request, chain.unit_pengolah).strip() == ""
    assert _render_actions(request, cast.operator_b).strip() == ""
    html = _render_actions(request, cast.pegawai_a)
    assert "Ijazah tidak terbaca" in html and "Ajukan kembali" in html
    client = client_for(cast.pegawai_a)
    url = reverse("layanan:resubmit", args=[request.number])
    assert client.post(url, {"version": request.version}).status_code == 302
    request.refresh_from_db()
    assert (request.status, request.step.code) == (Request.Status.IN_PROCESS, "verifikasi")
    assert numbers_in(client_for(holder(chain, "verifikasi")).get(INBOX)) == [request.number]
    # The same form again: refused, nothing changes.
    assert client_for(cast.pegawai_a).post(url, {"version": request.version - 1}).status_code == 409


def test_only_the_applicant_side_may_resubmit(client_for, cast, chain, service):
    from layanan.tests.workflow_helpers import act

    request = walk_to(new_request(cast, service), "verifikasi", chain)
    request = act(request, chain.unit_pengolah, Action.RETURN, note="Lengkapi")
    url = reverse("layanan:resubmit", args=[request.number])
    assert client_for(cast.operator_b).post(url, {"version": request.version}).status_code == 404
    assert client_for(chain.unit_pengolah).post(url, {"version": request.version}).status_code == 403
    request.refresh_from_db()
    assert request.status == Request.Status.RETURNED
