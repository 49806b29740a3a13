"""Row-level scope: an Operator OPD sees only their own OPD; outsiders get 404."""

import pytest

from org.units.queries import list_opds_for_user

pytestmark = pytest.mark.django_db


def test_operator_lists_only_their_own_opd(cast, client_for):
    html = client_for(cast.operator_a).get("/organisasi/opd/").content.decode()
    assert "Dinas Kesehatan" in html
    assert "Dinas Perhubungan" not in html
    assert [o.name for o in list_opds_for_user(cast.operator_a)] == ["Dinas Kesehatan"]


def test_operator_cannot_open_another_opd(cast, client_for):
    assert client_for(cast.operator_b).get(f"/organisasi/opd/{cast.opd_a.pk}/").status_code == 404


def test_bkd_staff_see_every_opd(cast):
    assert list_opds_for_user(cast.kepala_badan).count() == 3


def test_a_pegawai_has_no_opd_screens(cast, client_for):
    assert client_for(cast.pegawai_a).get("/organisasi/opd/").status_code == 403
    assert list_opds_for_user(cast.pegawai_a).count() == 0


def test_operator_cannot_edit_even_their_own_opd(cast, client_for):
    response = client_for(cast.operator_a).post(f"/organisasi/opd/{cast.opd_a.pk}/ubah/", {"name": "Diubah"})
    assert response.status_code == 403
    cast.opd_a.refresh_from_db()
    assert cast.opd_a.name == "Dinas Kesehatan"


def test_opd_list_search_and_query_count(cast, client_for, django_assert_max_num_queries):
    client = client_for(cast.admin)
    with django_assert_max_num_queries(8):
        response = client.get("/organisasi/opd/", {"q": "perhub"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dinas Perhubungan" in html and "Dinas Kesehatan" not in html
