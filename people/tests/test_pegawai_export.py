"""The XLSX export of the filtered employee list."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from people.models import JenisJabatan
from people.records.actions import do_update_pegawai
from people.tests.factories import make_pegawai

pytestmark = pytest.mark.django_db
EXPORT = reverse("people:pegawai_export")
HEADER = (
    "NIP",
    "Nama lengkap",
    "OPD",
    "Unit kerja",
    "Golongan",
    "Jabatan",
    "Jenis jabatan",
    "Pendidikan",
    "Kedudukan",
)


def rows_of(response) -> list[tuple]:
    sheet = load_workbook(BytesIO(response.content), read_only=True).active
    return list(sheet.iter_rows(values_only=True))


@pytest.fixture
def two(cast):
    ani = make_pegawai(cast.opd_a, nama="Ani", gender="P", golongan="III/b", gelar_belakang="S.Kom")
    do_update_pegawai(ani, changes={"unit": cast.opd_a.units.first()}, actor=None)
    budi = make_pegawai(
        cast.opd_b,
        nama="Budi",
        golongan="II/c",
        pendidikan="D3",
        jenis_jabatan=JenisJabatan.FUNGSIONAL,
        jabatan="Penguji Kendaraan Bermotor Terampil",
    )
    return ani, budi


@time_machine.travel(dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC), tick=False)
def test_the_export_is_an_xlsx_named_by_date(cast, client_for, two):
    response = client_for(cast.admin).get(EXPORT)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == 'attachment; filename="pegawai-20261123.xlsx"'


def test_the_export_has_the_listed_columns_and_one_row_per_employee(cast, client_for, two):
    ani, budi = two
    rows = rows_of(client_for(cast.admin).get(EXPORT))
    assert rows[0] == HEADER
    assert rows[1:] == [
        (
            ani.nip,
            "Ani, S.Kom",
            "Dinas Kesehatan",
            "Sekretariat",
            "III/b",
            "Analis Kepegawaian",
            "Pelaksana",
            "S-1",
            "Aktif",
        ),
        (
            budi.nip,
            "Budi",
            "Dinas Perhubungan",
            None,
            "II/c",
            "Penguji Kendaraan Bermotor Terampil",
            "Fungsional",
            "D-III",
            "Aktif",
        ),
    ]


def test_the_nip_is_text_so_excel_keeps_all_18_digits(cast, client_for, two):
    sheet = load_workbook(BytesIO(client_for(cast.admin).get(EXPORT).content)).active
    assert sheet["A2"].data_type == "s"


def test_the_export_holds_only_the_filtered_rows_in_the_chosen_order(cast, client_for, two):
    ani, budi = two
    client = client_for(cast.admin)
    assert [r[0] for r in rows_of(client.get(EXPORT, {"jenis_jabatan": "fungsional"}))[1:]] == [budi.nip]
    assert [r[0] for r in rows_of(client.get(EXPORT, {"q": "ani"}))[1:]] == [ani.nip]
    assert [r[0] for r in rows_of(client.get(EXPORT, {"sort": "-nama"}))[1:]] == [budi.nip, ani.nip]
    assert rows_of(client.get(EXPORT, {"golongan": "IV/e"}))[1:] == []


def test_the_export_ignores_the_page_and_takes_every_matching_row(cast, client_for):
    for i in range(55):
        make_pegawai(cast.opd_a, nama=f"Pegawai {i:02d}")
    rows = rows_of(client_for(cast.admin).get(EXPORT, {"page": 2}))
    assert len(rows) == 56


def test_an_invalid_filter_is_dropped_from_the_export_not_refused(cast, client_for, two):
    response = client_for(cast.admin).get(EXPORT, {"golongan": "Z/z", "sort": "user__password", "opd": "x"})
    assert response.status_code == 200
    assert len(rows_of(response)) == 3


def test_an_empty_export_still_has_its_header(cast, client_for):
    assert rows_of(client_for(cast.admin).get(EXPORT)) == [HEADER]


def test_the_export_refuses_other_methods(cast, client_for):
    # GET builds (or explains a background job), POST starts that job; nothing else.
    assert client_for(cast.admin).put(EXPORT).status_code == 405


@pytest.mark.parametrize("count", [5, 40])
def test_the_export_makes_the_same_few_queries_whatever_the_row_count(
    cast, client_for, count, django_assert_max_num_queries
):
    for i in range(count):
        make_pegawai(cast.opd_a, nama=f"Pegawai {i:02d}")
    client = client_for(cast.operator_a)
    client.get(EXPORT)  # warm the session
    # session, user, roles, the OPD filter's validation, the count that decides between
    # inline and background, the rows, the audit row of the download
    with django_assert_max_num_queries(7):
        response = client.get(EXPORT, {"opd": cast.opd_a.pk})
    assert response.status_code == 200
    assert len(rows_of(response)) == count + 1


def test_a_nominative_list_has_the_chosen_columns_in_catalogue_order_with_labels(cast, client_for, two):
    response = client_for(cast.admin).get(
        EXPORT, {"kolom": ["jenis_kelamin", "nip", "tanggal_lahir", "bukan-kolom"], "sort": "nip"}
    )
    assert response.status_code == 200
    rows = list(load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0] == ("NIP", "Tanggal lahir", "Jenis kelamin")
    assert {r[2] for r in rows[1:]} <= {"Laki-laki", "Perempuan"}
    assert all(isinstance(r[1], dt.datetime) for r in rows[1:])  # a date cell, not text


def test_the_list_page_offers_the_column_chooser_with_the_current_filters(cast, client_for, two):
    html = client_for(cast.admin).get(reverse("people:pegawai_list"), {"sort": "-nama"}).content.decode()
    assert 'data-testid="columns-chooser"' in html
    assert '<input type="hidden" name="sort" value="-nama">' in html
    assert 'value="tanggal_lahir"' in html
