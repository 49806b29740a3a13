"""The endpoints read through the screens' scoped queries: an OPD-restricted token reads
only its OPD, everywhere; the write scope opens requests on behalf of an employee."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.models import AuditLog
from people.records.actions import do_update_pegawai
from people.tests.factories import make_pegawai

pytestmark = pytest.mark.django_db

ALL_READ = ["read:pegawai", "read:organisasi", "read:layanan", "read:kampanye", "read:ipasn", "read:kpo"]


@pytest.fixture
def people(cast):
    return {
        "a": [make_pegawai(cast.opd_a, nama=f"Dinkes {i}") for i in range(3)],
        "b": [make_pegawai(cast.opd_b, nama=f"Dishub {i}") for i in range(2)],
    }


def test_employees_by_cursor_cover_everyone_once(cast, people, issue, call):
    token = issue(ALL_READ)
    seen, cursor = [], ""
    while True:
        body = call(token, f"pegawai?limit=2&cursor={cursor}").json()
        seen += [row["nip"] for row in body["items"]]
        if not body["next_cursor"]:
            break
        cursor = body["next_cursor"]
    assert sorted(seen) == sorted(p.nip for p in people["a"] + people["b"])


def test_an_opd_restricted_token_reads_only_its_opd_everywhere(cast, people, issue, call):
    token = issue(ALL_READ, opd=cast.opd_a)
    rows = call(token, "pegawai").json()["items"]
    assert {r["opd"]["id"] for r in rows} == {cast.opd_a.pk} and len(rows) == 3
    other = people["b"][0]
    assert call(token, f"pegawai/{other.nip}").status_code == 404
    assert call(token, f"pegawai/{other.nip}/riwayat/golongan").status_code == 404
    assert call(token, f"pegawai?opd={cast.opd_b.pk}").json()["items"] == []
    assert [o["id"] for o in call(token, "organisasi/opd").json()] == [cast.opd_a.pk]
    assert call(token, f"organisasi/opd/{cast.opd_b.pk}").status_code == 404
    mine = people["a"][0]
    assert call(token, f"pegawai/{mine.nip}").json()["nama"] == mine.nama
    history = call(token, f"pegawai/{mine.nip}/riwayat/golongan").json()
    assert history[0]["golongan"] and history[0]["tmt"]


def test_updated_since_returns_only_what_changed(cast, people, issue, call):
    token = issue(ALL_READ)
    since = AuditLog.objects.order_by("-at").first().at
    changed = people["a"][1]
    import time

    time.sleep(0.01)
    mark = __import__("django.utils.timezone", fromlist=["now"]).now()
    do_update_pegawai(changed, changes={"jabatan": "Analis SDM Aparatur"}, actor=cast.admin)
    rows = call(token, "pegawai", data={"updated_since": mark.isoformat()}).json()["items"]
    assert [r["nip"] for r in rows] == [changed.nip]
    assert len(call(token, "pegawai", data={"updated_since": since.isoformat()}).json()["items"]) >= 1


def test_the_employee_list_costs_the_same_queries_for_any_page(cast, people, issue, call):
    token = issue(ALL_READ)
    call(token, "pegawai")  # the first use of a token is audited once; not part of a page's cost

    def queries(limit):
        with CaptureQueriesContext(connection) as captured:
            response = call(token, f"pegawai?limit={limit}")
        assert response.status_code == 200 and len(response.json()["items"]) == limit
        return len(captured)

    assert queries(1) == queries(5)


def test_invalid_input_gets_the_error_shape(cast, issue, call):
    token = issue(ALL_READ)
    body = call(token, "pegawai?limit=banyak").json()
    assert body["kode"] == "isian_tidak_sah" and body["rincian"]
    assert call(token, "pegawai?cursor=%%%").json()["kode"] == "tidak_ditemukan"


def test_requests_need_the_write_scope_and_stay_in_the_opd(cast, people, issue, call):
    from layanan.models import Request
    from layanan.tests.factories import make_service

    make_service("pensiun-bup", "Pensiun BUP", duration=5, requirements=("SK pangkat terakhir",))
    reader, writer = issue(ALL_READ, opd=cast.opd_a), issue(["write:layanan", "read:layanan"], opd=cast.opd_a)
    mine, other = people["a"][0], people["b"][0]
    body = {"layanan": "pensiun-bup", "nip": mine.nip}
    assert (
        call(reader, "permohonan/atas-nama", "post", data=body, content_type="application/json").status_code
        == 403
    )
    created = call(writer, "permohonan/atas-nama", "post", data=body, content_type="application/json")
    assert created.status_code == 201, created.content
    number = created.json()["nomor"]
    assert Request.objects.get(number=number).created_by.api_token.name.startswith("Klien")
    refused = call(
        writer,
        "permohonan/atas-nama",
        "post",
        data={**body, "nip": other.nip},
        content_type="application/json",
    )
    assert refused.status_code == 404 and refused.json()["kode"] == "tidak_ditemukan"
    detail = call(reader, f"permohonan/{number}").json()
    assert detail["status"] == "draft" and detail["linimasa"] == []
    assert [r["nomor"] for r in call(reader, "permohonan").json()["items"]] == [number]
    assert call(issue(ALL_READ, opd=cast.opd_b), f"permohonan/{number}").status_code == 404
    catalogue = call(reader, "layanan").json()
    assert catalogue[0]["kode"] == "pensiun-bup"
    standard = call(reader, "layanan/pensiun-bup").json()
    assert len(standard["standar_pelayanan"]) == 14


def test_the_docs_are_served_from_local_assets(client):
    page = client.get("/api/v1/docs")
    assert page.status_code == 200
    assert "/static/ninja/swagger-ui-bundle.js" in page.text and "cdn" not in page.text.lower()
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.1")
    assert "401" in schema["paths"]["/api/v1/pegawai"]["get"]["responses"]


def test_ipasn_scores_and_the_kp_list_stay_in_the_opd(cast, people, issue, call):
    from ipasn.scores.actions import do_compute_scores

    do_compute_scores(2025, actor=cast.admin)
    everyone = call(issue(ALL_READ), "ipasn?tahun=2025").json()["items"]
    assert {r["opd_id"] for r in everyone} == {cast.opd_a.pk, cast.opd_b.pk}
    ours = call(issue(ALL_READ, opd=cast.opd_a), "ipasn?tahun=2025").json()["items"]
    assert ours and {r["opd_id"] for r in ours} == {cast.opd_a.pk}
    kp = call(issue(ALL_READ, opd=cast.opd_a), "kpo/kp?periode=2026-04-01")
    assert kp.status_code == 200 and all(r["opd_id"] == cast.opd_a.pk for r in kp.json())
    assert call(issue(ALL_READ), "kpo/kp").json()["kode"] == "isian_tidak_sah"


def test_the_ppo_and_kgb_lists_stay_in_the_opd(cast, issue, call):
    import datetime as dt

    from people.models import RiwayatSkp
    from people.records.actions import do_add_riwayat

    for opd, name in ((cast.opd_a, "Dinkes"), (cast.opd_b, "Dishub")):
        # A pelaksana born 1 June 1968 reaches BUP 58 on 1 June 2026 (PP 11/2017 Pasal 239).
        make_pegawai(opd, nama=f"Pensiun {name}", birth=dt.date(1968, 6, 1), cpns=dt.date(1995, 3, 1))
        # III/a since 1 April 2024, MKG 0: the KGB to MKG 2 on 1 April 2026 (PP 5/2024 table).
        due = make_pegawai(opd, nama=f"Gaji {name}", cpns=dt.date(2024, 4, 1), golongan="III/a")
        do_add_riwayat(due, RiwayatSkp, actor=None, tahun=2025, predikat="baik")
    window = "kpo/ppo?dari=2026-01-01&sampai=2026-12-31"
    everyone = call(issue(ALL_READ), window).json()
    assert {r["nama"] for r in everyone} == {"Pensiun Dinkes", "Pensiun Dishub"}
    ours = call(issue(ALL_READ, opd=cast.opd_a), window).json()
    assert [(r["nama"], r["bup"], r["tmt_pensiun"]) for r in ours] == [("Pensiun Dinkes", 58, "2026-07-01")]
    too_long = call(issue(ALL_READ), "kpo/ppo?dari=2026-01-01&sampai=2032-01-01")
    assert too_long.status_code == 422 and too_long.json()["kode"] == "isian_tidak_sah"
    kgb = call(issue(ALL_READ, opd=cast.opd_a), "kpo/kgb?bulan=2026-04").json()
    assert [(r["nama"], r["opd_id"], r["tmt_kgb"]) for r in kgb] == [
        ("Gaji Dinkes", cast.opd_a.pk, "2026-04-01")
    ]
    assert kgb[0]["gaji_baru"] > kgb[0]["gaji_lama"]
    assert call(issue(ALL_READ), "kpo/kgb?bulan=2026-13").status_code == 422
    assert call(issue(["read:pegawai"]), "kpo/kgb?bulan=2026-04").json()["kode"] == "cakupan_kurang"
