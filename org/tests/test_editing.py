"""Admin edits the organisation; each change is audited with before → after, and bad
input is explained and changes nothing."""

import datetime as dt

import pytest

from core.models import AuditLog
from org.calendar.queries import office_calendar_for
from org.models import OfficeHours, Opd, UnitKerja

pytestmark = pytest.mark.django_db


def opd_form(opd, **overrides):
    data = {
        "instansi": opd.instansi_id,
        "code": opd.code,
        "name": opd.name,
        "short_name": opd.short_name,
        "is_active": "on",
    }
    return {**data, **overrides}


def test_admin_renames_an_opd_and_the_audit_shows_before_and_after(cast, client_for):
    response = client_for(cast.admin).post(
        f"/organisasi/opd/{cast.opd_a.pk}/ubah/", opd_form(cast.opd_a, name="Dinas Kesehatan Provinsi")
    )
    assert response.status_code == 302
    row = AuditLog.objects.get(event="opd.diubah")
    assert row.actor == cast.admin
    assert row.before == {"name": "Dinas Kesehatan"}
    assert row.after == {"name": "Dinas Kesehatan Provinsi"}


def test_a_duplicate_opd_code_is_refused(cast, client_for):
    response = client_for(cast.admin).post("/organisasi/opd/tambah/", opd_form(cast.opd_a, name="Dinas Baru"))
    assert response.status_code == 200
    assert "Kode OPD ini sudah dipakai OPD lain di instansi yang sama." in response.content.decode()
    assert not Opd.objects.filter(name="Dinas Baru").exists()


def test_admin_builds_a_unit_tree(cast, client_for):
    client = client_for(cast.admin)
    secretariat = cast.opd_a.units.get(name="Sekretariat")
    client.post(
        f"/organisasi/opd/{cast.opd_a.pk}/unit/tambah/", {"parent": secretariat.pk, "name": "Subbagian Umum"}
    )
    html = client.get(f"/organisasi/opd/{cast.opd_a.pk}/").content.decode()
    assert 'class="tree-depth-1">Subbagian Umum' in html
    assert AuditLog.objects.filter(event="unit_kerja.dibuat", object_repr="Subbagian Umum").exists()


def test_a_unit_cannot_be_moved_under_its_own_child(cast, client_for):
    client = client_for(cast.admin)
    parent = cast.opd_a.units.get(name="Sekretariat")
    client.post(f"/organisasi/opd/{cast.opd_a.pk}/unit/tambah/", {"parent": parent.pk, "name": "Anak"})
    child = UnitKerja.objects.get(name="Anak")
    response = client.post(f"/organisasi/unit/{parent.pk}/ubah/", {"parent": child.pk, "name": "Sekretariat"})
    assert response.status_code == 200
    parent.refresh_from_db()
    assert parent.parent_id is None


def hours_form(days: dict[int, tuple[str, ...]]) -> dict[str, str]:
    """POST data for the office-hours screen; weekdays not in ``days`` are closed."""
    data = {}
    for weekday, values in days.items():
        data[f"d{weekday}-is_open"] = "on"
        for key, value in zip(("opens", "closes", "break_start", "break_end"), values, strict=False):
            data[f"d{weekday}-{key}"] = value
    return data


MON_THU = ("08:00", "15:30", "11:30", "13:00")
FRI = ("08:30", "15:30", "11:00", "13:00")


def test_admin_opens_the_office_on_saturday_and_the_calendar_follows(cast, client_for):
    saturday = dt.date(2026, 11, 28)
    assert not office_calendar_for(cast.instansi).is_working_day(saturday)
    week = {0: MON_THU, 1: MON_THU, 2: MON_THU, 3: MON_THU, 4: FRI, 5: ("08:00", "12:00")}
    response = client_for(cast.admin).post(
        f"/organisasi/instansi/{cast.instansi.pk}/jam-kerja/", hours_form(week)
    )
    assert response.status_code == 302
    assert office_calendar_for(cast.instansi).is_working_day(saturday)
    row = AuditLog.objects.get(event="jam_kerja.diubah", actor=cast.admin)
    assert row.after["weekday"] == 5 and row.after["opens"] == "08:00:00"


def test_a_break_outside_office_hours_is_refused_and_nothing_changes(cast, client_for):
    before = list(OfficeHours.objects.values_list("weekday", "opens", "closes", "break_start", "break_end"))
    payload = hours_form({0: ("08:00", "15:30", "16:00", "17:00")})
    response = client_for(cast.admin).post(f"/organisasi/instansi/{cast.instansi.pk}/jam-kerja/", payload)
    assert response.status_code == 200
    assert "Istirahat harus berada di dalam jam kerja." in response.content.decode()
    assert (
        list(OfficeHours.objects.values_list("weekday", "opens", "closes", "break_start", "break_end"))
        == before
    )


def test_admin_sets_the_instansi_time_zone_to_wita(cast, client_for):
    client_for(cast.admin).post(
        f"/organisasi/instansi/{cast.instansi.pk}/ubah/",
        {
            "code": "9900",
            "name": cast.instansi.name,
            "kind": "provinsi",
            "time_zone": "Asia/Makassar",
            "address": "",
        },
    )
    cast.instansi.refresh_from_db()
    assert office_calendar_for(cast.instansi).tz == "Asia/Makassar"
    row = AuditLog.objects.get(event="instansi.diubah")
    assert row.before == {"time_zone": "Asia/Jakarta"} and row.after == {"time_zone": "Asia/Makassar"}
