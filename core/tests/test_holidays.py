"""The holiday table: national days and cuti bersama from `holidays`, edited by Admin,
and honoured by the office calendar that SLA deadlines are computed on."""

import datetime as dt

import pytest

from core.holidays import actions
from core.models import AuditLog, Holiday
from org.calendar.queries import office_calendar_for

pytestmark = pytest.mark.django_db


def test_2026_cuti_bersama_idul_fitri_is_loaded_as_a_non_working_day(cast):
    actions.do_load_national_holidays([2026], actor=None)
    day = Holiday.objects.get(date=dt.date(2026, 3, 20))
    assert day.kind == Holiday.Kind.CUTI_BERSAMA
    calendar = office_calendar_for(cast.instansi)
    assert not calendar.is_working_day(dt.date(2026, 3, 20))
    assert calendar.is_working_day(dt.date(2026, 3, 17))  # an ordinary Tuesday


def test_loading_national_holidays_twice_changes_nothing(cast):
    first = actions.do_load_national_holidays([2026], actor=None)
    audit_rows = AuditLog.objects.count()
    assert first > 10
    assert actions.do_load_national_holidays([2026], actor=None) == 0
    assert AuditLog.objects.count() == audit_rows


def test_an_admin_added_local_holiday_is_honoured_by_the_calendar(cast):
    friday = dt.date(2026, 8, 28)
    assert office_calendar_for(cast.instansi).is_working_day(friday)
    actions.do_add_holiday(date=friday, name="Hari Jadi Provinsi", actor=cast.admin)
    assert not office_calendar_for(cast.instansi).is_working_day(friday)
    row = AuditLog.objects.get(event="hari_libur.ditambah")
    assert row.actor == cast.admin
    assert row.after["name"] == "Hari Jadi Provinsi"


def test_a_cancelled_holiday_is_a_working_day_and_stays_cancelled_after_a_reload(cast):
    actions.do_load_national_holidays([2026], actor=None)
    day = Holiday.objects.get(date=dt.date(2026, 3, 20))
    actions.do_cancel_holiday(day, actor=cast.admin)
    actions.do_load_national_holidays([2026], actor=None)
    assert office_calendar_for(cast.instansi).is_working_day(dt.date(2026, 3, 20))
    row = AuditLog.objects.get(event="hari_libur.dibatalkan")
    assert (row.before, row.after) == ({"is_active": True}, {"is_active": False})


def test_admin_renames_a_holiday_through_the_screen(cast, client_for):
    holiday = actions.do_add_holiday(date=dt.date(2026, 8, 28), name="Hari Jadi", actor=cast.admin)
    response = client_for(cast.admin).post(
        f"/hari-libur/{holiday.pk}/ubah/", {"name": "Hari Jadi Provinsi ke-69"}
    )
    assert response.status_code == 302
    holiday.refresh_from_db()
    assert holiday.name == "Hari Jadi Provinsi ke-69"
    row = AuditLog.objects.get(event="hari_libur.diubah")
    assert row.before == {"name": "Hari Jadi"} and row.after == {"name": "Hari Jadi Provinsi ke-69"}


def test_adding_a_date_that_is_already_a_holiday_says_so_and_changes_nothing(cast, client_for):
    actions.do_load_national_holidays([2026], actor=None)
    count = Holiday.objects.count()
    response = client_for(cast.admin).post(
        "/hari-libur/tambah/", {"date": "2026-03-20", "name": "Libur lain"}
    )
    assert response.status_code == 200
    assert "sudah tercatat sebagai hari libur" in response.content.decode()
    assert Holiday.objects.count() == count


def test_adding_a_holiday_with_a_malformed_date_shows_the_error_next_to_the_field(cast, client_for):
    response = client_for(cast.admin).post("/hari-libur/tambah/", {"date": "31-02-2026", "name": "Salah"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_date_error"' in html
    assert "Masukkan tanggal yang valid" in html
    assert not Holiday.objects.filter(name="Salah").exists()


def test_the_holiday_list_shows_the_year_asked_for(cast, client_for):
    actions.do_load_national_holidays([2026], actor=None)
    html = client_for(cast.pegawai_a).get("/hari-libur/?year=2026").content.decode()
    assert 'data-date="2026-03-20"' in html
    assert "Tambah hari libur lokal" not in html  # a Pegawai reads, does not edit


def test_the_load_holidays_command_is_idempotent_and_refuses_absurd_years():
    from io import StringIO

    from django.core.management import CommandError, call_command

    out = StringIO()
    call_command("load_holidays", "2027", stdout=out)
    assert Holiday.objects.filter(date__year=2027).count() > 10
    call_command("load_holidays", "2027", stdout=out)
    assert out.getvalue().splitlines()[-1] == "0 hari libur baru dimuat."
    with pytest.raises(CommandError, match="antara 1990 dan 2100"):
        call_command("load_holidays", "27")
