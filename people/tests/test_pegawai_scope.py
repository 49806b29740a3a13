"""Row-level scope: who may list, open and export which employees, and "Data Saya"."""

from __future__ import annotations

from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accounts.roles import Role
from accounts.users.actions import do_create_user
from conftest import PASSWORD
from people.records.queries import get_pegawai_for_user, own_pegawai, pegawai_for_user
from people.tests.factories import make_pegawai

pytestmark = pytest.mark.django_db
LIST = reverse("people:pegawai_list")
EXPORT = reverse("people:pegawai_export")
SAYA = reverse("people:data_saya")


@pytest.fixture
def staff(cast):
    """Two employees in OPD A (one of them is pegawai_a's own record) and one in OPD B."""
    return {
        "own_a": make_pegawai(cast.opd_a, nama="Pegawai Dinkes", user=cast.pegawai_a),
        "other_a": make_pegawai(cast.opd_a, nama="Rekan Dinkes"),
        "b": make_pegawai(cast.opd_b, nama="Pegawai Dishub"),
    }


def nips_in_xlsx(content: bytes) -> set[str]:
    sheet = load_workbook(BytesIO(content), read_only=True).active
    return {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("admin", {"own_a", "other_a", "b"}),
        ("kepala_badan", {"own_a", "other_a", "b"}),
        ("unit_pengolah", {"own_a", "other_a", "b"}),
        ("operator_a", {"own_a", "other_a"}),
        ("operator_b", {"b"}),
        ("pegawai_a", set()),
    ],
)
def test_each_persona_sees_exactly_the_employees_of_its_scope(cast, staff, persona, expected):
    seen = set(pegawai_for_user(cast.persona(persona)).values_list("nip", flat=True))
    assert seen == {staff[key].nip for key in expected}


def test_an_operator_without_an_opd_sees_nobody(cast, staff):
    loose = do_create_user(
        username="lepas", name="Tanpa OPD", password=PASSWORD, roles=[Role.OPERATOR_HELPDESK], actor=None
    )
    assert not pegawai_for_user(loose).exists()


def test_operator_b_cannot_list_any_employee_of_opd_a(cast, client_for, staff):
    client = client_for(cast.operator_b)
    page = client.get(LIST)
    assert [p.nip for p in page.context["page_obj"]] == [staff["b"].nip]
    for key in ("own_a", "other_a"):
        assert staff[key].nip not in page.content.decode()
        found = client.get(LIST, {"q": staff[key].nip})
        assert list(found.context["page_obj"]) == []


def test_operator_b_is_not_offered_opd_a_and_cannot_filter_by_it(cast, client_for, staff):
    client = client_for(cast.operator_b)
    offered = list(client.get(LIST).context["form"].fields["opd"].queryset)
    assert offered == [cast.opd_b]
    response = client.get(LIST, {"opd": cast.opd_a.pk}, follow=True)
    assert [p.nip for p in response.context["page_obj"]] == [staff["b"].nip]
    assert any("OPD" in str(m) for m in response.context["messages"])


def test_operator_b_cannot_open_an_employee_of_opd_a(cast, client_for, staff):
    client = client_for(cast.operator_b)
    for key in ("own_a", "other_a"):
        assert client.get(reverse("people:pegawai_detail", args=[staff[key].pk])).status_code == 404
    assert client.get(reverse("people:pegawai_detail", args=[staff["b"].pk])).status_code == 200


def test_the_scoped_get_raises_404_outside_the_scope(cast, staff):
    from django.http import Http404

    with pytest.raises(Http404):
        get_pegawai_for_user(cast.operator_b, staff["other_a"].pk)
    assert get_pegawai_for_user(cast.operator_a, staff["other_a"].pk) == staff["other_a"]


def test_operator_b_cannot_export_anything_of_opd_a(cast, client_for, staff):
    client = client_for(cast.operator_b)
    a_nips = {staff["own_a"].nip, staff["other_a"].nip}
    for params in ({}, {"opd": cast.opd_a.pk}, {"q": staff["other_a"].nip}, {"q": "Dinkes"}):
        response = client.get(EXPORT, params)
        assert response.status_code == 200
        assert not nips_in_xlsx(response.content) & a_nips, params
    assert nips_in_xlsx(client.get(EXPORT).content) == {staff["b"].nip}


def test_a_pegawai_may_not_use_the_list_or_the_export(cast, client_for, staff):
    client = client_for(cast.pegawai_a)
    assert client.get(LIST).status_code == 403
    assert client.get(EXPORT).status_code == 403
    assert client.get(reverse("people:pegawai_detail", args=[staff["own_a"].pk])).status_code == 403


def test_data_saya_shows_the_pegawai_their_own_record_only(cast, client_for, staff):
    response = client_for(cast.pegawai_a).get(SAYA)
    assert response.status_code == 200
    assert response.context["pegawai"] == staff["own_a"]
    page = response.content.decode()
    assert staff["own_a"].nama in page
    assert staff["other_a"].nama not in page
    assert staff["other_a"].nip not in page


def test_data_saya_ignores_any_attempt_to_name_someone_else(cast, client_for, staff):
    response = client_for(cast.pegawai_a).get(SAYA, {"pk": staff["b"].pk, "user": cast.operator_b.pk})
    assert response.context["pegawai"] == staff["own_a"]


def test_data_saya_keeps_its_tabs_on_its_own_address(cast, client_for, staff):
    page = client_for(cast.pegawai_a).get(SAYA, {"tab": "skp"}).content.decode()
    assert 'href="?tab=skp#riwayat" aria-current="page"' in page
    assert f'href="{LIST}"' not in page  # no link to the list a Pegawai may not open


@pytest.mark.parametrize("persona", ["admin", "operator_a", "operator_b", "unit_pengolah", "kepala_badan"])
def test_data_saya_is_404_for_a_user_without_a_linked_pegawai(cast, client_for, staff, persona):
    assert client_for(cast.persona(persona)).get(SAYA).status_code == 404


def test_data_saya_works_for_any_role_with_a_linked_pegawai(cast, client_for, staff):
    mine = make_pegawai(cast.opd_b, nama="Operator Dishub", user=cast.operator_b)
    response = client_for(cast.operator_b).get(SAYA)
    assert response.status_code == 200
    assert response.context["pegawai"] == mine


def test_own_pegawai_of_an_anonymous_user_is_404(staff):
    from django.contrib.auth.models import AnonymousUser
    from django.http import Http404

    with pytest.raises(Http404):
        own_pegawai(AnonymousUser())


def test_data_saya_asks_an_anonymous_visitor_to_log_in(client):
    response = client.get(SAYA)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize(
    ("persona", "pegawai", "jafung"),
    [("admin", "3", "0"), ("operator_a", "2", "0"), ("operator_b", "1", "0"), ("pegawai_a", None, None)],
)
def test_the_dashboard_counts_only_the_employees_in_scope(cast, client_for, staff, persona, pegawai, jafung):
    cards = {c.key: str(c.value) for c in client_for(cast.persona(persona)).get("/").context["cards"]}
    assert cards.get("pegawai") == pegawai
    assert cards.get("jafung") == jafung


def test_the_dashboard_counts_functional_positions(cast, client_for, staff):
    make_pegawai(cast.opd_a, nama="Perawat", jenis_jabatan="fungsional", jabatan="Perawat Ahli Pertama")
    cards = {c.key: c.value for c in client_for(cast.operator_a).get("/").context["cards"]}
    assert cards["jafung"] == 1
    assert cards["pegawai"] == 3
