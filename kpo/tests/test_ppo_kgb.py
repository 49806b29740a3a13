"""PPO window (exactly those whose BUP falls in it), the KGB list, and their scope."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def _ppo(*args) -> list[dict]:
    out = io.StringIO()
    call_command("ppo_list", *args, stdout=out, stderr=io.StringIO())
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def test_ppo_window_contains_exactly_those_reaching_bup(cast):
    from people.tests.factories import make_pegawai

    # Pelaksana: BUP 58 (PP 11/2017 Pasal 239(2)a); the window is calendar 2026.
    inside = [
        make_pegawai(cast.opd_a, nama=n, birth=b, cpns=dt.date(1995, 3, 1))
        for n, b in (
            ("Awal Tahun", dt.date(1968, 1, 1)),
            ("Akhir Tahun", dt.date(1968, 12, 31)),
        )
    ]
    for n, b in (("Terlalu Tua", dt.date(1967, 12, 31)), ("Terlalu Muda", dt.date(1969, 1, 1))):
        make_pegawai(cast.opd_a, nama=n, birth=b, cpns=dt.date(1995, 3, 1))
    rows = _ppo("--from", "2026-01-01", "--to", "2026-12-31")
    assert {r["nip"] for r in rows} == {p.nip for p in inside}
    first = next(r for r in rows if r["nama"] == "Awal Tahun")
    assert first["bup"] == "58" and first["tmt_pensiun"] == "2026-02-01"
    assert list(rows[0]) == [
        "nip",
        "nama",
        "opd",
        "jabatan",
        "tanggal_lahir",
        "bup",
        "tmt_pensiun",
        "missing",
    ]
    assert "PMK belum tercatat di Pelita" in first["missing"]


def test_ppo_page_scoped(cast, client_for):
    from people.tests.factories import make_pegawai

    make_pegawai(cast.opd_a, nama="Pensiun Dinkes", birth=dt.date(1968, 6, 15), cpns=dt.date(1995, 3, 1))
    make_pegawai(cast.opd_b, nama="Pensiun Dishub", birth=dt.date(1968, 6, 20), cpns=dt.date(1995, 3, 1))
    html = client_for(cast.operator_a).get("/kpo/pensiun/?dari=2026-01-01&sampai=2026-12-31").content.decode()
    assert "Pensiun Dinkes" in html and "Pensiun Dishub" not in html
    export = client_for(cast.operator_a).get(
        "/kpo/pensiun/ekspor/?dari=2026-01-01&sampai=2026-12-31&format=csv"
    )
    assert "Pensiun Dinkes" in export.content.decode() and "Pensiun Dishub" not in export.content.decode()


def _kgb_due(opd, nama):
    from people.models import RiwayatSkp
    from people.records.actions import do_add_riwayat
    from people.tests.factories import make_pegawai

    # III/a since 1 April 2024 with MKG 0: the KGB to MKG 2 is due on 1 April 2026.
    p = make_pegawai(opd, nama=nama, cpns=dt.date(2024, 4, 1), golongan="III/a")
    do_add_riwayat(p, RiwayatSkp, actor=None, tahun=2025, predikat="baik")
    return p


def test_kgb_list_command_and_page(cast, client_for):
    _kgb_due(cast.opd_a, "Gaji Dinkes")
    _kgb_due(cast.opd_b, "Gaji Dishub")
    out = io.StringIO()
    call_command("kgb_list", "--month", "2026-04", stdout=out, stderr=io.StringIO())
    rows = {r["nama"]: r for r in csv.DictReader(io.StringIO(out.getvalue()))}
    # Lampiran PP 5/2024: III/a MKG 0 Rp2.785.700 → MKG 2 Rp2.873.500.
    assert rows["Gaji Dinkes"]["gaji_lama"] == "2785700" and rows["Gaji Dinkes"]["gaji_baru"] == "2873500"
    assert rows["Gaji Dinkes"]["tmt_kgb"] == "2026-04-01" and rows["Gaji Dinkes"]["eligible"] == "ya"
    out = io.StringIO()
    call_command("kgb_list", "--month", "2026-05", stdout=out, stderr=io.StringIO())
    assert "Gaji Dinkes" not in out.getvalue()
    html = client_for(cast.operator_a).get("/kpo/kgb/?bulan=2026-04").content.decode()
    assert "Gaji Dinkes" in html and "Gaji Dishub" not in html
    export = client_for(cast.operator_a).get("/kpo/kgb/ekspor/?bulan=2026-04&format=csv").content.decode()
    assert "Gaji Dinkes" in export and "Gaji Dishub" not in export


def test_career_page(cast, client_for):
    from kpo.tests.builders import due_pegawai

    due_pegawai(cast.opd_a, nama="Pegawai Dinkes", skp_years=(2024,), user=cast.pegawai_a)
    html = client_for(cast.pegawai_a).get("/kpo/karier/").content.decode()
    assert "Kenaikan pangkat berikutnya" in html and "Kenaikan gaji berkala berikutnya" in html
    assert "Pensiun" in html
    other = due_pegawai(cast.opd_b, nama="Pegawai Dishub")
    assert client_for(cast.operator_a).get(f"/kpo/karier/{other.pk}/").status_code == 404
    assert client_for(cast.admin).get(f"/kpo/karier/{other.pk}/").status_code == 200


@pytest.mark.parametrize(
    "url, marker",
    [
        ("/kpo/pensiun/?dari=2026-01-01&sampai=2026-12-31", "Pensiun Dinkes"),
        ("/kpo/kgb/?bulan=2026-04", "Gaji Dinkes"),
        ("/kpo/rekonsiliasi/?period=2026-04-01", "Rekon Dinkes"),
        ("/kpo/karier/", "Kenaikan pangkat berikutnya"),
    ],
)
def test_lists_read_in_constant_queries(cast, client_for, url, marker):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kpo.tests.builders import computed, due_pegawai
    from people.tests.factories import make_pegawai

    def add(i):
        make_pegawai(
            cast.opd_a, nama=f"Pensiun Dinkes {i}", birth=dt.date(1968, 6, 15), cpns=dt.date(1995, 3, 1)
        )
        _kgb_due(cast.opd_a, f"Gaji Dinkes {i}")
        # Due for KP in April 2026 without the 2025 SKP: a reconciliation item.
        due_pegawai(cast.opd_a, nama=f"Rekon Dinkes {i}", skp_years=(2024,))

    def count():
        computed(dt.date(2026, 4, 1))
        client = client_for(cast.pegawai_a if "karier" in url else cast.operator_a)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200
        assert marker in response.content.decode()
        return len(ctx)

    make_pegawai(cast.opd_a, nama="Pegawai Dinkes", user=cast.pegawai_a)
    add(0)
    few = count()
    for i in range(1, 6):
        add(i)
    assert count() == few
