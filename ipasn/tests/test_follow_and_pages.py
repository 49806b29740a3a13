"""Scores follow their inputs at once (with an audit row); the pages, reports, commands and
the national comparison read the stored scores, in a constant number of queries."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from core.models import AuditLog
from ipasn.models import Score
from ipasn.national.actions import do_import_national_scores
from ipasn.national.files import read_national_csv
from ipasn.scores.actions import do_compute_scores
from ipasn.tests.builders import employee, hukdis, skp, training
from people.models import RiwayatDiklat, RiwayatSkp
from people.records.actions import do_update_pegawai

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year


def _score(p):
    return Score.objects.get(pegawai=p, year=YEAR)


def test_a_training_an_skp_correction_and_a_penalty_change_the_stored_score_at_once(
    cast, django_capture_on_commit_callbacks
):
    p = employee(cast.opd_a)
    do_compute_scores(YEAR, actor=None)
    assert _score(p).total == 15 + 0 + 0 + 5
    with django_capture_on_commit_callbacks(execute=True):
        training(p, RiwayatDiklat.Jenis.TEKNIS, tahun=YEAR, jam=20)
    assert _score(p).kompetensi == 22.5
    with django_capture_on_commit_callbacks(execute=True):
        row = skp(p, tahun=YEAR - 1, predikat="baik")
    assert _score(p).kinerja == 25
    from core.audit import update_fields

    with django_capture_on_commit_callbacks(execute=True):
        update_fields(row, {"predikat": "sangat_baik"}, actor=cast.admin, event="riwayatskp.diubah")
    assert _score(p).kinerja == 30
    with django_capture_on_commit_callbacks(execute=True):
        hukdis(p, "sedang", year=YEAR)
    assert _score(p).disiplin == 2
    changes = AuditLog.objects.filter(event="ipasn.skor_berubah", object_id=str(_score(p).pk))
    assert changes.count() == 4
    assert changes.order_by("-id").first().before["disiplin"] == 5


def test_the_explanation_lists_rows_and_actions_by_gain(cast, client_for, django_assert_max_num_queries):
    p = employee(cast.opd_a)
    training(p, RiwayatDiklat.Jenis.SEMINAR, tahun=YEAR, nama="Seminar Kepegawaian")
    do_compute_scores(YEAR, actor=None)
    client = client_for(cast.operator_a)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("ipasn:pegawai", args=[p.pk]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "20 JP pelatihan teknis tahun ini: +22,5" in text
    assert "Seminar Kepegawaian" in text
    assert text.index("+22,5") < text.index("Pendidikan S-2: +5")
    assert client_for(cast.operator_b).get(reverse("ipasn:pegawai", args=[p.pk])).status_code == 404


def test_ranking_and_opd_pages_query_counts_do_not_grow_with_employees(cast, client_for):
    def measure(url):
        with CaptureQueriesContext(connection) as queries:
            page = client_for(cast.admin).get(url)
        assert page.status_code == 200
        return len(queries), page.content.decode()

    employee(cast.opd_a, nama="Satu")
    do_compute_scores(YEAR, actor=None)
    measure(reverse("ipasn:ranking"))  # the first request of a session pays for its set-up
    few = [measure(reverse("ipasn:ranking")), measure(reverse("ipasn:opd", args=[cast.opd_a.pk]))]
    for i in range(5):
        employee(cast.opd_a, nama=f"Tambahan {i}")
        employee(cast.opd_b, nama=f"Lain {i}")
    do_compute_scores(YEAR, actor=None)
    many = [measure(reverse("ipasn:ranking")), measure(reverse("ipasn:opd", args=[cast.opd_a.pk]))]
    assert [n for n, _ in few] == [n for n, _ in many]
    assert "Dinkes" in many[0][1] and "Dishub" in many[0][1]
    assert "Tambahan 4" in many[1][1] and "training-plan" in many[1][1]


def test_report_totals_match_the_stored_scores(cast, client_for, tmp_path):
    a = employee(cast.opd_a, pendidikan="S2")
    skp(a, tahun=YEAR - 1, predikat="baik")
    employee(cast.opd_b)
    do_compute_scores(YEAR, actor=None)
    stored = {s.pegawai.nip: s.total for s in Score.objects.select_related("pegawai")}
    out = tmp_path / "r.csv"
    call_command("ipasn_report", year=YEAR, format="csv", output=str(out))
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {r["nip"]: float(r["total"]) for r in rows} == stored
    assert list(rows[0]) == [
        "nip",
        "nama",
        "opd",
        "kualifikasi",
        "kompetensi",
        "kinerja",
        "disiplin",
        "total",
        "kategori",
    ]
    page = client_for(cast.admin).get(reverse("ipasn:report_xlsx") + f"?tahun={YEAR}")
    sheet = load_workbook(io.BytesIO(page.content)).active
    values = list(sheet.values)
    assert {r[0]: r[7] for r in values[1:]} == stored
    mine = client_for(cast.operator_a).get(reverse("ipasn:report_xlsx") + f"?tahun={YEAR}")
    assert len(list(load_workbook(io.BytesIO(mine.content)).active.values)) == 2  # header + OPD A only


def test_the_pdf_report_prints_the_stored_totals(cast, client_for):
    a = employee(cast.opd_a, nama="Ani Cetak")
    do_compute_scores(YEAR, actor=None)
    page = client_for(cast.admin).get(reverse("ipasn:report_pdf") + f"?tahun={YEAR}&opd={cast.opd_a.pk}")
    assert page.status_code == 200 and page.content.startswith(b"%PDF")
    assert _score(a).total == 20


def test_a_differing_national_value_is_listed_with_the_input_that_explains_it(cast, client_for):
    a = employee(cast.opd_a, nama="Beda Nilai", pendidikan="D3")
    same = employee(cast.opd_a, nama="Sama Nilai")
    do_compute_scores(YEAR, actor=None)
    text = (
        "nip;kualifikasi;kompetensi;kinerja;disiplin;total\n"
        f"{a.nip};15;0;0;5;20\n{same.nip};15;0;0;5;20\n{'1' * 18};15;0;0;5;20\n"
    )
    counts = do_import_national_scores(read_national_csv(text.encode()), year=YEAR, actor=cast.admin)
    assert counts == {"tahun": YEAR, "diimpor": 2, "tidak_dikenal": 1, "sumber": "CSV"}
    page = client_for(cast.operator_a).get(reverse("ipasn:national") + f"?tahun={YEAR}")
    body = page.content.decode()
    assert page.status_code == 200
    assert f'data-nip="{a.nip}"' in body and f'data-nip="{same.nip}"' not in body
    assert "Pendidikan D3: 10 poin." in body  # the education row explains 10 against 15


def test_the_compute_command_scores_the_whole_instansi(cast):
    employee(cast.opd_a)
    employee(cast.opd_b)
    out = io.StringIO()
    call_command("ipasn_compute", year=YEAR, stdout=out)
    assert "2 pegawai dinilai" in out.getvalue()
    assert Score.objects.filter(year=YEAR).count() == 2


def test_an_skp_the_regime_cannot_read_scores_as_none_and_says_why(cast):
    p = employee(cast.opd_a)
    RiwayatSkp.objects.create(pegawai=p, tahun=2021, nilai=Decimal("125"))  # above PP 30/2019's 120
    do_compute_scores(2022, actor=None)
    score = Score.objects.get(pegawai=p, year=2022)
    assert score.kinerja == 0 and score.inputs["skp"]["error"]
    do_update_pegawai(p, changes={"nama": "Ganti Nama"}, actor=None)


def test_the_cached_training_plan_follows_a_changed_score(cast):
    from ipasn.reports.queries import training_plan

    p = employee(cast.opd_a)
    do_compute_scores(YEAR, actor=None)
    codes = {row["code"]: row for row in training_plan(cast.admin, YEAR, cast.opd_a)}
    assert codes["kompetensi_teknis"]["employees"] == 1
    training(p, RiwayatDiklat.Jenis.TEKNIS, tahun=YEAR, jam=20)
    do_compute_scores(YEAR, actor=None, pegawai_ids=[p.pk])
    assert "kompetensi_teknis" not in {row["code"] for row in training_plan(cast.admin, YEAR, cast.opd_a)}
