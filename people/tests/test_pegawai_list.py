"""The employee list: search, filters, sort, pagination, bad input, bounded queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from people.models import JenisJabatan, Pegawai
from people.records.actions import do_update_pegawai
from people.records.forms import SORT_CHOICES
from people.records.queries import SORTS, list_pegawai_for_user
from people.tests.factories import make_pegawai

pytestmark = pytest.mark.django_db
URL = reverse("people:pegawai_list")


def listed(response) -> list[str]:
    """NIPs on the page, in order."""
    return [p.nip for p in response.context["page_obj"]]


@pytest.fixture
def three(cast):
    """Three employees of OPD A that differ in every filtered attribute."""
    ani = make_pegawai(
        cast.opd_a,
        nama="Ani Lestari",
        gender="P",
        golongan="III/b",
        pendidikan="S1",
        cpns=dt.date(2012, 1, 1),
    )
    budi = make_pegawai(
        cast.opd_a,
        nama="Budi Santoso",
        golongan="II/a",
        pendidikan="SLTA",
        jenis_jabatan=JenisJabatan.FUNGSIONAL,
        jabatan="Perawat Terampil",
        cpns=dt.date(2008, 3, 1),
    )
    citra = make_pegawai(
        cast.opd_a,
        nama="Citra Dewi",
        gender="P",
        golongan="IV/a",
        pendidikan="S2",
        jenis_jabatan=JenisJabatan.STRUKTURAL,
        jabatan="Kepala Bidang",
        cpns=dt.date(2005, 3, 1),
    )
    do_update_pegawai(citra, changes={"status": Pegawai.Status.TUGAS_BELAJAR}, actor=None)
    return ani, budi, citra


def test_the_list_shows_everyone_in_scope_sorted_by_name(cast, client_for, three):
    ani, budi, citra = three
    response = client_for(cast.admin).get(URL)
    assert response.status_code == 200
    assert listed(response) == [ani.nip, budi.nip, citra.nip]
    assert "3 pegawai" in response.content.decode()


def test_search_by_part_of_the_name_is_case_insensitive(cast, client_for, three):
    ani, _budi, _citra = three
    assert listed(client_for(cast.admin).get(URL, {"q": "lestar"})) == [ani.nip]


def test_search_by_nip_finds_the_employee_even_in_its_printed_grouping(cast, client_for, three):
    _ani, budi, _citra = three
    printed = f"{budi.nip[:8]} {budi.nip[8:14]} {budi.nip[14]} {budi.nip[15:]}"
    assert listed(client_for(cast.admin).get(URL, {"q": budi.nip})) == [budi.nip]
    assert listed(client_for(cast.admin).get(URL, {"q": printed})) == [budi.nip]


def test_a_search_without_match_says_so(cast, client_for, three):
    response = client_for(cast.admin).get(URL, {"q": "Tidak Ada Orangnya"})
    assert listed(response) == []
    assert "Tidak ada pegawai yang cocok." in response.content.decode()


def test_filter_by_opd(cast, client_for, three):
    other = make_pegawai(cast.opd_b, nama="Dodi Dishub")
    assert listed(client_for(cast.admin).get(URL, {"opd": cast.opd_b.pk})) == [other.nip]


def test_filter_by_golongan_uses_its_code(cast, client_for, three):
    _ani, _budi, citra = three
    assert listed(client_for(cast.admin).get(URL, {"golongan": "IV/a"})) == [citra.nip]


def test_filter_by_jenis_jabatan(cast, client_for, three):
    _ani, budi, _citra = three
    assert listed(client_for(cast.admin).get(URL, {"jenis_jabatan": "fungsional"})) == [budi.nip]


def test_filter_by_pendidikan(cast, client_for, three):
    _ani, budi, _citra = three
    assert listed(client_for(cast.admin).get(URL, {"pendidikan": "SLTA"})) == [budi.nip]


def test_filter_by_status(cast, client_for, three):
    _ani, _budi, citra = three
    assert listed(client_for(cast.admin).get(URL, {"status": "tugas_belajar"})) == [citra.nip]


def test_filters_combine(cast, client_for, three):
    ani, _budi, _citra = three
    response = client_for(cast.admin).get(URL, {"q": "i", "pendidikan": "S1", "status": "aktif"})
    assert listed(response) == [ani.nip]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("nama", ["ani", "budi", "citra"]),
        ("-nama", ["citra", "budi", "ani"]),
        ("golongan", ["budi", "ani", "citra"]),
        ("-golongan", ["citra", "ani", "budi"]),
        ("tmt_golongan", ["citra", "budi", "ani"]),
        ("-tmt_golongan", ["ani", "budi", "citra"]),
    ],
)
def test_each_sort_orders_the_list(cast, client_for, three, sort, expected):
    people = dict(zip(["ani", "budi", "citra"], three, strict=True))
    response = client_for(cast.admin).get(URL, {"sort": sort})
    assert listed(response) == [people[name].nip for name in expected]


def test_sort_by_nip_both_ways(cast, client_for, three):
    nips = sorted(p.nip for p in three)
    assert listed(client_for(cast.admin).get(URL, {"sort": "nip"})) == nips
    assert listed(client_for(cast.admin).get(URL, {"sort": "-nip"})) == nips[::-1]


def test_every_sort_offered_is_in_the_whitelist_and_back():
    assert {key for key, _label in SORT_CHOICES} == set(SORTS)


def test_the_query_never_passes_an_unknown_sort_to_order_by(cast, three):
    by_name = list(list_pegawai_for_user(cast.admin, sort="nama"))
    for hostile in ("password", "-user__password", "nip; DROP TABLE people_pegawai", "?", ""):
        assert list(list_pegawai_for_user(cast.admin, sort=hostile)) == by_name


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"sort": "user__password"}, "Urutkan"),
        ({"opd": "abc"}, "OPD"),
        ({"opd": "999999"}, "OPD"),
        ({"golongan": "V/z"}, "Golongan"),
        ({"jenis_jabatan": "presiden"}, "Jenis jabatan"),
        ({"pendidikan": "S9"}, "Pendidikan"),
        ({"status": "<script>"}, "Kedudukan"),
    ],
)
def test_an_invalid_filter_is_dropped_with_a_message(cast, client_for, three, params, field):
    client = client_for(cast.admin)
    response = client.get(URL, {**params, "q": "a", "page": "1"})
    assert response.status_code == 302
    # The bad value is gone from the address; the valid ones stay.
    assert response["Location"] == f"{URL}?q=a&page=1"
    page = client.get(response["Location"])
    assert page.status_code == 200
    messages = [str(m) for m in page.context["messages"]]
    assert any(field in m and "diabaikan" in m for m in messages)


def test_an_invalid_filter_alone_leads_back_to_the_plain_list(cast, client_for, three):
    response = client_for(cast.admin).get(URL, {"golongan": "X"})
    assert response["Location"] == URL
    page = client_for(cast.admin).get(URL)
    assert len(listed(page)) == 3


def test_an_overlong_search_is_cut_not_refused(cast, client_for, three):
    response = client_for(cast.admin).get(URL, {"q": "a" * 5000})
    assert response.status_code == 200
    assert listed(response) == []


def test_the_list_pages_by_fifty_and_keeps_the_filters_in_the_links(cast, client_for):
    for i in range(53):
        make_pegawai(cast.opd_a, nama=f"Pegawai {i:02d}")
    client = client_for(cast.admin)
    first = client.get(URL, {"status": "aktif"})
    assert len(listed(first)) == 50
    assert "53 pegawai" in first.content.decode()
    assert 'href="?status=aktif&amp;page=2"' in first.content.decode()
    second = client.get(URL, {"status": "aktif", "page": 2})
    assert [p.nama for p in second.context["page_obj"]] == ["Pegawai 50", "Pegawai 51", "Pegawai 52"]


def test_the_export_link_carries_the_current_filters(cast, client_for, three):
    response = client_for(cast.admin).get(URL, {"golongan": "IV/a", "page": 1})
    export = reverse("people:pegawai_export")
    assert f'href="{export}?golongan=IV%2Fa"' in response.content.decode()


@pytest.mark.parametrize("count", [5, 40])
def test_the_list_makes_the_same_few_queries_whatever_the_page_size(
    cast, client_for, count, django_assert_max_num_queries
):
    for i in range(count):
        make_pegawai(cast.opd_a if i % 2 else cast.opd_b, nama=f"Pegawai {i:02d}")
    client = client_for(cast.operator_a)
    client.get(URL)  # warm the session
    # session, user, roles, OPD choices, golongan choices, count, page; the shell header's instansi and OPD
    with django_assert_max_num_queries(10):
        response = client.get(URL, {"golongan": "III/a", "sort": "-tmt_golongan"})
    assert response.status_code == 200
    assert len(listed(response)) == count // 2


def test_the_list_refuses_post(cast, client_for):
    assert client_for(cast.admin).post(URL).status_code == 405
