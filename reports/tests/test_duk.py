"""The DUK page orders hand-built employees as PP 15/1979 and SE BAKN 03/SE/1980 say
(regulations.duk), from the master data through the same query the page and the XLSX use,
and shows an Operator OPD only their OPD."""

import datetime as dt
import random
from io import BytesIO

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from people.models import Golongan, JenisJabatan, RiwayatDiklat, RiwayatGolongan, RiwayatJabatan
from people.records.actions import do_add_riwayat
from people.tests.factories import make_pegawai
from reports.duk.queries import duk_rows

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 12, 1)
D = dt.date


def person(
    opd,
    name,
    gol,
    tmt,
    *,
    mk=(0, 0),
    eselon="",
    tmt_jabatan=None,
    latihan=None,
    pendidikan="S1",
    birth=None,
):
    pegawai = make_pegawai(
        opd,
        nama=name,
        golongan="I/a",
        cpns=D(2001, 1, 1),
        pendidikan=pendidikan,
        birth=birth or D(1975, 5, 17),
    )
    do_add_riwayat(
        pegawai,
        RiwayatGolongan,
        actor=None,
        golongan=Golongan.objects.get(code=gol),
        tmt=tmt,
        jenis_kp=RiwayatGolongan.JenisKp.REGULER,
        mk_tahun=mk[0],
        mk_bulan=mk[1],
    )
    if eselon:
        do_add_riwayat(
            pegawai,
            RiwayatJabatan,
            actor=None,
            jenis=JenisJabatan.STRUKTURAL,
            nama=f"Kepala {name}",
            eselon=eselon,
            opd=opd,
            tmt=tmt_jabatan,
        )
    if latihan:
        do_add_riwayat(
            pegawai,
            RiwayatDiklat,
            actor=None,
            jenis=RiwayatDiklat.Jenis.KEPEMIMPINAN,
            nama=latihan[0],
            tahun=latihan[1],
        )
    return pegawai


# (name, golongan, TMT golongan, options) in the order the DUK must list them, each line with
# the measure that puts it below the line before.
SAME = {"gol": "III/d", "tmt": D(2019, 4, 1)}
CAST = [
    ("A01", "IV/b", D(2020, 4, 1), {}),  # the highest golongan
    ("A02", "IV/a", D(2018, 4, 1), {}),  # lower golongan
    ("A03", "IV/a", D(2019, 10, 1), {}),  # same golongan, later TMT
    ("A04", *SAME.values(), {"eselon": "III.a", "tmt_jabatan": D(2021, 1, 4)}),  # lower golongan
    ("A05", *SAME.values(), {"eselon": "III.a", "tmt_jabatan": D(2022, 1, 3)}),  # same eselon, later in it
    ("A06", *SAME.values(), {"eselon": "IV.a", "tmt_jabatan": D(2020, 1, 2)}),  # lower eselon
    ("A07", *SAME.values(), {"mk": (20, 0)}),  # no eselon
    ("A08", *SAME.values(), {"mk": (15, 6)}),  # shorter masa kerja
    (
        "A09",
        *SAME.values(),
        {"mk": (10, 0), "latihan": ("Pelatihan Kepemimpinan Administrator (PKA)", 2015)},
    ),  # shorter masa kerja
    ("A10", *SAME.values(), {"mk": (10, 0), "latihan": ("Diklatpim Tingkat IV", 2012)}),  # lower latihan
    (
        "A11",
        *SAME.values(),
        {"mk": (10, 0), "latihan": ("Pelatihan Kepemimpinan Pengawas", 2014)},
    ),  # same, later
    ("A12", *SAME.values(), {"mk": (10, 0), "pendidikan": "S2"}),  # no latihan
    ("A13", *SAME.values(), {"mk": (10, 0), "birth": D(1980, 1, 1)}),  # lower pendidikan
    ("A14", *SAME.values(), {"mk": (10, 0), "birth": D(1982, 1, 1)}),  # younger
    ("A15", "III/c", D(2015, 10, 1), {}),  # lower golongan
    ("A16", "III/c", D(2016, 4, 1), {}),  # later TMT
    ("A17", "III/a", D(2022, 4, 1), {}),  # lower golongan
    ("A18", "II/d", D(2010, 4, 1), {}),
    ("A19", "II/a", D(2012, 4, 1), {}),
    ("A20", "I/d", D(2001, 4, 1), {}),
]


@pytest.fixture
def staff(cast):
    shuffled = random.Random(7).sample(CAST, len(CAST))  # the database order must not matter
    for name, gol, tmt, options in shuffled:
        person(cast.opd_a, name, gol, tmt, **options)
    person(cast.opd_b, "B01", "IV/e", D(2020, 4, 1))  # another OPD's
    return cast


def test_twenty_employees_are_listed_in_the_hand_checked_order(staff):
    rows = duk_rows(staff.operator_a, today=TODAY)
    assert [r.pegawai["nama"] for r in rows] == [name for name, *_ in CAST]
    assert [r.number for r in rows] == list(range(1, 21))
    # Masa kerja grows from the golongan's TMT: 10 y 0 m on 1 April 2019 → 17 y 8 m today.
    assert rows[13].masa_kerja == (17, 8)
    assert rows[8].latihan.startswith("Pelatihan Kepemimpinan Administrator") and rows[8].latihan_year == 2015


def test_bkd_staff_see_every_opd_and_may_choose_one(staff, client_for):
    everyone = duk_rows(staff.admin, today=TODAY)
    assert everyone[0].pegawai["nama"] == "B01" and len(everyone) == 21
    with time_machine.travel(dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC)):
        response = client_for(staff.admin).get(reverse("reports:duk_page"), {"opd": staff.opd_a.pk})
    assert response.status_code == 200
    names = [r.pegawai["nama"] for r in response.context["page_obj"]]
    assert names == [name for name, *_ in CAST]
    assert "Daftar Urut Kepangkatan" in response.content.decode()


def test_an_operator_sees_only_their_opd_and_another_opd_choice_is_refused(staff, client_for):
    client = client_for(staff.operator_a)
    response = client.get(reverse("reports:duk_page"), {"opd": staff.opd_b.pk})
    assert response.status_code == 200
    assert "B01" not in [r.pegawai["nama"] for r in response.context["page_obj"]]
    assert "Pilih OPD dari daftar." in response.content.decode()


def test_the_xlsx_lists_the_same_order_with_labels(staff, client_for):
    with time_machine.travel(dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC)):
        response = client_for(staff.operator_a).get(reverse("reports:duk_export"))
    assert response.status_code == 200
    rows = list(load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("No. urut", "NIP", "Nama")
    assert [r[2] for r in rows[1:]] == [name for name, *_ in CAST]
    assert rows[12][13] == "S-2"  # A12: the label, not the code


def test_the_page_uses_the_same_number_of_queries_for_more_employees(staff, client_for):
    client = client_for(staff.admin)
    url = reverse("reports:duk_page")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        response = client.get(url)
    assert response.status_code == 200 and len(response.context["page_obj"]) == 21
    for i in range(5):
        person(staff.opd_a, f"C0{i}", "II/b", D(2015, 4, 1), latihan=("PKP", 2016))
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert response.status_code == 200 and response.context["total"] == 26
    assert len(many) == len(few)
