import datetime as dt

import pytest

from core.holidays.actions import do_add_holiday
from org.units.actions import do_update_opd

pytestmark = pytest.mark.django_db


def test_admin_filters_the_audit_log_by_actor_object_and_date(cast, client_for):
    do_update_opd(cast.opd_a, changes={"short_name": "DINKES"}, actor=cast.admin)
    do_add_holiday(date=dt.date(2026, 8, 28), name="Hari Jadi", actor=cast.kepala_badan)
    client = client_for(cast.admin)

    by_actor = client.get("/audit/", {"actor": cast.kepala_badan.pk}).content.decode()
    assert "hari_libur.ditambah" in by_actor and "opd.diubah" not in by_actor

    by_object = client.get("/audit/", {"object_type": "org.opd", "object_id": cast.opd_a.pk}).content.decode()
    assert "opd.diubah" in by_object and "hari_libur.ditambah" not in by_object
    assert "Dinkes → DINKES" in by_object  # before → after

    today = dt.date.today()
    tomorrow = (today + dt.timedelta(days=2)).isoformat()
    future = client.get("/audit/", {"date_from": tomorrow}).content.decode()
    assert "Tidak ada entri yang cocok" in future


def test_a_reversed_date_range_is_explained(cast, client_for):
    html = (
        client_for(cast.admin)
        .get("/audit/", {"date_from": "2026-05-02", "date_to": "2026-05-01"})
        .content.decode()
    )
    assert "Tanggal akhir tidak boleh sebelum tanggal awal." in html


def test_the_audit_list_uses_a_constant_number_of_queries(cast, client_for, django_assert_max_num_queries):
    client = client_for(cast.admin)
    for i in range(30):
        do_add_holiday(
            date=dt.date(2026, 1, 1) + dt.timedelta(days=40 + i), name=f"Libur {i}", actor=cast.admin
        )
    # The page, its count, the actor filter, the session and user, and the shell's header.
    with django_assert_max_num_queries(10):
        response = client.get("/audit/")
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count >= 30
    html = response.content.decode()
    assert "<code>hari_libur.ditambah</code>" in html and "Libur 29" in html  # the newest entry


def test_the_audit_log_reads_in_labels_not_codes(cast, client_for):
    from core.audit import record
    from core.models import AuditLog

    do_update_opd(cast.opd_a, changes={"is_active": False}, actor=cast.admin)
    record(
        actor=None,
        event="layanan.demo_dimuat",
        obj=None,
        object_type="layanan.request",
        after={
            "requests": 10334,
            "status": {"in_process": 20, "done": 3},
            "as_of": "2026-12-03T17:00:00+00:00",
        },
    )
    html = client_for(cast.admin).get("/audit/").content.decode()
    # the event by its label, its code kept small for whoever searches the code
    assert "OPD diubah" in html and "<code>opd.diubah</code>" in html
    # field names by their verbose names and booleans as words, not "is_active True"
    assert "Aktif" in html and "Ya → Tidak" in html and "is_active" not in html
    # a summary: its keys and codes by their labels, numbers grouped, no dict dump
    assert "Diproses: 20" in html and "10.334" in html and "{&#x27;in_process" not in html
    assert " Des 2026 " in html and "2026-12-03T" not in html
    # the kind of object by its name, and the filter offers names, not internal model names
    assert "Permohonan" in html
    assert AuditLog.objects.filter(object_type="org.opd").exists()
    filtered = client_for(cast.admin).get("/audit/", {"object_type": "org.opd"}).content.decode()
    assert "OPD diubah" in filtered and "Permohonan demo dimuat" not in filtered
