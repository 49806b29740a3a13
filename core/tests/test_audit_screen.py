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
    with django_assert_max_num_queries(8):
        response = client.get("/audit/")
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count >= 30
    html = response.content.decode()
    assert "<code>hari_libur.ditambah</code>" in html and "Libur 29" in html  # the newest entry
