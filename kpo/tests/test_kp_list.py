"""The KP list of a period: who is due, eligible or not and why, scope, exports, staleness."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kpo.models import KpCandidate
from kpo.tests.builders import PERIOD, computed, due_pegawai, not_due_pegawai

pytestmark = pytest.mark.django_db


def test_due_employees_with_reasons(cast):
    ok = due_pegawai(cast.opd_a, nama="Siap Naik")
    no_skp = due_pegawai(cast.opd_a, nama="Tanpa SKP", skp_years=(2024,))
    not_due_pegawai(cast.opd_a, nama="Baru Naik")
    assert computed() == 2
    rows = {c.nama: c for c in KpCandidate.objects.filter(period=PERIOD)}
    assert set(rows) == {"Siap Naik", "Tanpa SKP"}
    assert rows["Siap Naik"].eligible and rows["Siap Naik"].golongan_baru == "III/b"
    assert rows["Siap Naik"].pegawai_id == ok.pk
    blocked = rows["Tanpa SKP"]
    assert not blocked.eligible and blocked.pegawai_id == no_skp.pk
    assert [r["code"] for r in blocked.reasons] == ["skp_tidak_ada"]
    assert "2025" in blocked.reasons[0]["message"]


def test_penalty_and_ijazah_block(cast):
    import datetime as dt

    from people.models import RiwayatHukdis
    from people.records.actions import do_add_riwayat

    p = due_pegawai(cast.opd_a, nama="Dihukum")
    do_add_riwayat(
        p,
        RiwayatHukdis,
        actor=None,
        tingkat="berat",
        jenis="Penurunan jabatan",
        tmt=dt.date(2026, 1, 1),
        tmt_selesai=dt.date(2026, 12, 31),
    )
    due_pegawai(cast.opd_a, nama="Lulusan SMA", pendidikan="SLTA", golongan="III/b")
    computed()
    rows = {c.nama: {r["code"] for r in c.reasons} for c in KpCandidate.objects.all()}
    assert rows["Dihukum"] == {"sedang_hukuman_disiplin"}
    # Kep. Ka BKN 12/2002: an SLTA ijazah reaches III/b at most by KP reguler.
    assert rows["Lulusan SMA"] == {"melebihi_batas_ijazah"}


def test_a_change_marks_stale_and_recomputes(cast, django_capture_on_commit_callbacks):
    from people.models import RiwayatSkp
    from people.records.actions import do_add_riwayat

    p = due_pegawai(cast.opd_a, nama="Tanpa SKP", skp_years=(2024,))
    computed()
    before = KpCandidate.objects.get(pegawai=p)
    assert not before.eligible
    with django_capture_on_commit_callbacks(execute=True):
        do_add_riwayat(p, RiwayatSkp, actor=None, tahun=2025, predikat="baik")
    after = KpCandidate.objects.get(pegawai=p)
    assert after.eligible and not after.stale and after.computed_at >= before.computed_at


def test_page_scoped_filtered_with_constant_queries(cast, client_for):
    for i in range(3):
        due_pegawai(cast.opd_a, nama=f"Dinkes {i}")
    due_pegawai(cast.opd_b, nama="Pegawai Dishub")
    computed()
    operator = client_for(cast.operator_a)
    url = f"/kpo/?period={PERIOD.isoformat()}"

    def count():
        with CaptureQueriesContext(connection) as ctx:
            response = operator.get(url)
        assert response.status_code == 200
        return len(ctx), response.content.decode()

    few, html = count()
    assert "Dinkes 0" in html and "Pegawai Dishub" not in html
    assert "Dihitung pada" in html
    for i in range(3, 9):
        due_pegawai(cast.opd_a, nama=f"Dinkes {i}")
    computed()
    many, html = count()
    assert "Dinkes 8" in html and "Pegawai Dishub" not in html
    assert many == few
    admin = client_for(cast.admin).get(url + "&eligible=ya&q=dishub").content.decode()
    assert "Pegawai Dishub" in admin and "Dinkes 0" not in admin


def test_exports_scoped(cast, client_for):
    due_pegawai(cast.opd_a, nama="Dinkes Satu")
    due_pegawai(cast.opd_b, nama="Pegawai Dishub")
    computed()
    response = client_for(cast.operator_a).get(f"/kpo/ekspor/?period={PERIOD.isoformat()}&format=csv")
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == [
        "nip",
        "nama",
        "opd",
        "golongan",
        "golongan_baru",
        "jenis_kp",
        "tmt_kp",
        "eligible",
        "reasons",
    ]
    assert [r[1] for r in rows[1:]] == ["Dinkes Satu"]
    xlsx = client_for(cast.operator_a).get(f"/kpo/ekspor/?period={PERIOD.isoformat()}")
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    pdf = client_for(cast.operator_a).get(f"/kpo/ekspor/?period={PERIOD.isoformat()}&format=pdf")
    assert pdf.status_code == 200 and pdf.content[:5] == b"%PDF-"
    from pypdf import PdfReader

    text = " ".join(PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text().split())
    assert "DAFTAR NOMINATIF" in text and "Dinkes Satu" in text and "Pegawai Dishub" not in text


def test_kpo_list_command(cast, tmp_path):
    due_pegawai(cast.opd_a, nama="Dinkes Satu")
    due_pegawai(cast.opd_b, nama="Pegawai Dishub", skp_years=())
    out = io.StringIO()
    call_command(
        "kpo_list", "--period", PERIOD.isoformat(), "--format", "csv", stdout=out, stderr=io.StringIO()
    )
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    by = {r["nama"]: r for r in rows}
    assert by["Dinkes Satu"]["eligible"] == "ya" and by["Dinkes Satu"]["golongan_baru"] == "III/b"
    assert by["Pegawai Dishub"]["eligible"] == "tidak" and "SKP" in by["Pegawai Dishub"]["reasons"]
    target = tmp_path / "kp.xlsx"
    call_command(
        "kpo_list",
        "--period",
        PERIOD.isoformat(),
        "--format",
        "xlsx",
        "--output",
        str(target),
        stderr=io.StringIO(),
    )
    assert target.read_bytes()[:2] == b"PK"


def test_refresh_is_for_bkd_staff(cast, client_for):
    due_pegawai(cast.opd_a, nama="Dinkes Satu")
    response = client_for(cast.admin).post("/kpo/hitung/", {"period": PERIOD.isoformat()})
    assert response.status_code == 302
    assert KpCandidate.objects.filter(period=PERIOD).count() == 1
    assert client_for(cast.operator_a).post("/kpo/hitung/", {"period": PERIOD.isoformat()}).status_code == 403


def test_reconciliation_worklist_scoped_with_reminders(cast, client_for):
    from core.models import Notification

    due_pegawai(cast.opd_a, nama="Tanpa SKP Dinkes", skp_years=(2024,))
    due_pegawai(cast.opd_b, nama="Tanpa SKP Dishub", skp_years=(2024,))
    computed()
    html = client_for(cast.operator_a).get(f"/kpo/rekonsiliasi/?period={PERIOD.isoformat()}").content.decode()
    assert "Tanpa SKP Dinkes" in html and "Tanpa SKP Dishub" not in html
    assert "SKP tahun 2025 belum ada." in html
    assert "KPPN" in html and "Atasan langsung" in html  # not held by Pelita: said, not invented
    response = client_for(cast.admin).post("/kpo/rekonsiliasi/ingatkan/", {"period": PERIOD.isoformat()})
    assert response.status_code == 302
    notified = set(Notification.objects.values_list("recipient__username", flat=True))
    assert cast.operator_a.username in notified and cast.operator_b.username in notified


def test_bulk_kp_requests_through_layanan(cast, client_for):
    from layanan.catalogue.actions import do_seed_catalogue
    from layanan.models import Request

    do_seed_catalogue(actor=None)
    ok = due_pegawai(cast.opd_a, nama="Siap Naik")
    due_pegawai(cast.opd_a, nama="Tanpa SKP", skp_years=(2024,))
    due_pegawai(cast.opd_b, nama="Dishub Siap")
    computed()
    operator = client_for(cast.operator_a)
    response = operator.post("/kpo/usulkan/", {"period": PERIOD.isoformat()})
    assert response.status_code == 302
    drafts = Request.objects.filter(service__slug="kp-reguler")
    assert [r.pegawai_id for r in drafts] == [ok.pk]  # eligible, own OPD only
    assert drafts.get().status == Request.Status.DRAFT
    operator.post("/kpo/usulkan/", {"period": PERIOD.isoformat()})
    assert drafts.count() == 1  # an open request is not duplicated
