"""siasn_pull against the fake national service: differences, never silent overwrites."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import make_pdf
from core.models import AuditLog
from people.models import Correction, Pegawai
from people.tests.factories import make_pegawai
from siasn.models import SiasnDifference, SiasnPull
from siasn.reconciliation.actions import (
    do_accept_siasn_value,
    do_keep_pelita_value,
    do_open_siasn_correction,
    do_start_siasn_pull,
    run_siasn_pull,
)
from siasn.reconciliation.queries import list_differences_for_user

pytestmark = pytest.mark.django_db(databases=["default", "progress"])


def pull(actor, **scope):
    return run_siasn_pull(do_start_siasn_pull(actor=actor, enqueue=False, **scope).pk)


def test_a_pulled_difference_waits_in_the_worklist_and_once_accepted_is_in_the_master_data(
    cast, fake_siasn, client_for
):
    pegawai = make_pegawai(cast.opd_a, nama="Siti Rahma")
    fake_siasn.add(pegawai, nama="Siti Rahmawati", tmtPns="01-03-2011")
    done = pull(cast.admin, opd=cast.opd_a)
    assert done.status == SiasnPull.Status.SELESAI and done.differences == 2
    pegawai.refresh_from_db()
    assert pegawai.nama == "Siti Rahma"  # nothing changed yet

    rows = list_differences_for_user(cast.operator_a)
    assert {(d.field, d.pelita_value, d.siasn_value) for d in rows} == {
        ("nama", "Siti Rahma", "Siti Rahmawati"),
        ("tmt_pns", "", "2011-03-01"),
    }
    assert not list_differences_for_user(cast.operator_b).exists()
    page = client_for(cast.operator_a).get(reverse("siasn:worklist"))
    assert page.status_code == 200 and "Siti Rahmawati" in page.text and "1 Maret 2011" in page.text

    name = rows.get(field="nama")
    response = client_for(cast.operator_a).post(reverse("siasn:accept", args=[name.pk]))
    assert response.status_code == 302
    pegawai.refresh_from_db()
    assert pegawai.nama == "Siti Rahmawati"
    audit = AuditLog.objects.get(event="siasn.selisih.diterima")
    assert audit.actor == cast.operator_a
    assert audit.after["sumber"] == "SIASN" and audit.after["nilai_siasn"] == "Siti Rahmawati"
    change = AuditLog.objects.get(event="pegawai.diubah", object_id=str(pegawai.pk))
    assert change.before == {"nama": "Siti Rahma"} and change.after == {"nama": "Siti Rahmawati"}


def test_a_malformed_record_is_reported_not_imported(cast, fake_siasn):
    good = make_pegawai(cast.opd_a, nama="Baik")
    bad = make_pegawai(cast.opd_a, nama="Rusak")
    fake_siasn.add(good, alamat="Jl. Merdeka 1")
    fake_siasn.add(bad, tglLahir="31-02-1985", nama="Rusak Sekali")
    done = pull(cast.admin)
    assert done.rejected == 1
    assert done.rejections == [{"nip": bad.nip, "reason": "Tanggal tglLahir tidak sah: 31-02-1985"}]
    assert not SiasnDifference.objects.filter(pegawai=bad).exists()
    assert SiasnDifference.objects.get(pegawai=good).field == "alamat"
    assert Pegawai.objects.get(pk=bad.pk).nama == "Rusak"


def test_an_employee_missing_in_siasn_is_reported(cast, fake_siasn):
    pegawai = make_pegawai(cast.opd_a)
    done = pull(cast.admin, nip=pegawai.nip)
    assert done.rejections == [{"nip": pegawai.nip, "reason": "Tidak ada di SIASN."}]


def test_a_pull_stopped_by_the_service_resumes_where_it_stopped(cast, fake_siasn):
    first, second = make_pegawai(cast.opd_a, nama="Satu"), make_pegawai(cast.opd_a, nama="Dua")
    for p in (first, second):
        fake_siasn.add(p, nama=p.nama + " SIASN")
    order = sorted([first, second], key=lambda p: p.nip)
    fake_siasn.fail(f"pns/data-utama/{order[1].nip}", 500, 500, 500, 500)
    stopped = pull(cast.admin)
    assert stopped.status == SiasnPull.Status.GAGAL and "500" in stopped.error
    assert stopped.done == 1 and stopped.differences == 1
    resumed = run_siasn_pull(stopped.pk)
    assert resumed.status == SiasnPull.Status.SELESAI and resumed.done == 2 and resumed.attempt == 2
    assert fake_siasn.hits[f"pns/data-utama/{order[0].nip}"] == 1  # not fetched again
    assert SiasnDifference.objects.filter(status="terbuka").count() == 2


def test_a_missing_golongan_history_row_is_offered_and_added_when_accepted(cast, fake_siasn):
    pegawai = make_pegawai(cast.opd_a)
    fake_siasn.add(pegawai, golRuangAkhir="III/b", tmtGolAkhir="01-04-2014")
    fake_siasn.histories[("golongan", pegawai.nip)].append(
        {
            "golongan": "III/b",
            "tmtGolongan": "01-04-2014",
            "skNomor": "823/45/BKD",
            "skTanggal": "20-03-2014",
            "jenisKPNama": "Reguler",
            "masaKerjaGolonganTahun": 4,
            "masaKerjaGolonganBulan": 1,
        }
    )
    pull(cast.admin)
    history = SiasnDifference.objects.get(field="riwayat_golongan:III/b")
    do_accept_siasn_value(history, actor=cast.admin)
    pegawai.refresh_from_db()
    row = pegawai.riwayat_golongan.get(golongan__code="III/b")
    assert (row.tmt, row.nomor_sk, row.mk_tahun) == (dt.date(2014, 4, 1), "823/45/BKD", 4)
    assert pegawai.golongan.code == "III/b"  # the current rank follows the history


def test_kept_values_are_not_raised_again_and_corrections_go_to_the_verifier(cast, fake_siasn, private_media):
    pegawai = make_pegawai(cast.opd_a, nama="Andi")
    fake_siasn.add(pegawai, nama="Andi S", alamat="Jl. Baru 2")
    pull(cast.admin)
    do_keep_pelita_value(SiasnDifference.objects.get(field="nama"), actor=cast.operator_a)
    correction = do_open_siasn_correction(
        SiasnDifference.objects.get(field="alamat"),
        reason="Alamat di SIASN sesuai KTP",
        scan=make_pdf("ktp.pdf"),
        actor=cast.operator_a,
    )
    assert Correction.objects.get(pk=correction.pk).new_value == "Jl. Baru 2"
    pull(cast.admin)
    assert not SiasnDifference.objects.filter(status="terbuka").exists()
    events = set(AuditLog.objects.values_list("event", flat=True))
    assert {"siasn.selisih.dipertahankan", "siasn.selisih.dikoreksi", "perbaikan.diajukan"} <= events


def test_decisions_are_refused_outside_the_scope(cast, fake_siasn, client_for):
    pegawai = make_pegawai(cast.opd_a)
    fake_siasn.add(pegawai, nama="Lain")
    pull(cast.admin)
    diff = SiasnDifference.objects.get()
    assert client_for(cast.operator_b).post(reverse("siasn:accept", args=[diff.pk])).status_code == 404
    assert client_for(cast.pegawai_a).post(reverse("siasn:keep", args=[diff.pk])).status_code == 403
    assert SiasnDifference.objects.get().status == "terbuka"


def test_the_worklist_costs_the_same_queries_for_5_or_40_rows(cast, fake_siasn, client_for):
    def worklist_queries():
        client = client_for(cast.admin)
        with CaptureQueriesContext(connection) as queries:
            page = client.get(reverse("siasn:worklist"))
        assert page.status_code == 200 and "Nama SIASN" in page.text
        return len(queries)

    people = [make_pegawai(cast.opd_a, nama=f"Pegawai {i}") for i in range(40)]
    for p in people[:5]:
        fake_siasn.add(p, nama="Nama SIASN")
    pull(cast.admin)
    few = worklist_queries()
    for p in people[5:]:
        fake_siasn.add(p, nama="Nama SIASN")
    pull(cast.admin)
    assert SiasnDifference.objects.filter(status="terbuka").count() == 40
    assert worklist_queries() == few


def test_the_command_reports_progress_and_the_result(cast, fake_siasn, capsys):
    pegawai = make_pegawai(cast.opd_a)
    fake_siasn.add(pegawai, nama="Dari Perintah")
    call_command("siasn_pull", "--nip", pegawai.nip)
    out = capsys.readouterr().out
    assert "1/1 pegawai" in out and "1 selisih" in out
    assert SiasnDifference.objects.get().siasn_value == "Dari Perintah"


def test_the_national_ipasn_values_land_in_the_comparison_with_the_gap_explained(
    cast, fake_siasn, client_for
):
    from ipasn.models import NationalScore
    from ipasn.national.queries import differing
    from ipasn.scores.actions import do_compute_scores

    pegawai = make_pegawai(cast.opd_a, nama="Rina Gap", pendidikan="S1")
    same = make_pegawai(cast.opd_a, nama="Sama Saja", pendidikan="S1")
    fake_siasn.add(pegawai)
    fake_siasn.add(same)
    do_compute_scores(2026, actor=None)
    ours = {s.pegawai_id: s for s in pegawai.ipasn_scores.model.objects.filter(year=2026)}
    theirs = ours[same.pk]
    fake_siasn.ipasn[same.nip] = {
        "nip": same.nip,
        "tahun": 2026,
        **{k: getattr(theirs, k) for k in ("kualifikasi", "kompetensi", "kinerja", "disiplin", "total")},
    }
    fake_siasn.ipasn[pegawai.nip] = {
        "nip": pegawai.nip,
        "tahun": 2026,
        "kualifikasi": 15,
        "kompetensi": 22.5,  # the national system counted a training Pelita does not have
        "kinerja": ours[pegawai.pk].kinerja,
        "disiplin": ours[pegawai.pk].disiplin,
        "total": ours[pegawai.pk].total + 22.5,
    }
    done = pull(cast.admin, opd=cast.opd_a)
    assert done.status == SiasnPull.Status.SELESAI and done.rejected == 0
    assert NationalScore.objects.get(pegawai=pegawai, year=2026).kompetensi == 22.5
    assert [s.pegawai_id for s in differing(cast.operator_a, 2026)] == [pegawai.pk]
    assert not differing(cast.operator_b, 2026).exists()
    audit = AuditLog.objects.get(event="ipasn.nasional_diimpor")
    assert audit.actor == cast.admin
    assert audit.after == {"tahun": 2026, "diimpor": 2, "tidak_dikenal": 0, "sumber": "SIASN"}
    page = client_for(cast.operator_a).get(reverse("ipasn:national") + "?tahun=2026")
    assert page.status_code == 200
    assert "Rina Gap" in page.text and "Sama Saja" not in page.text and "Kompetensi" in page.text


def test_an_unreadable_ipasn_value_is_reported_and_the_master_data_still_compared(cast, fake_siasn):
    from ipasn.models import NationalScore

    pegawai = make_pegawai(cast.opd_a, nama="Nilai Rusak")
    none_yet = make_pegawai(cast.opd_a, nama="Belum Dinilai")
    fake_siasn.add(pegawai, alamat="Jl. Lain 3")
    fake_siasn.add(none_yet)
    fake_siasn.ipasn[pegawai.nip] = {"nip": pegawai.nip, "tahun": 2026, "kualifikasi": "tinggi"}
    fake_siasn.ipasn[none_yet.nip] = None  # 404: no national value yet, nothing to report
    done = pull(cast.admin)
    assert done.rejections == [{"nip": pegawai.nip, "reason": "Nilai IP-ASN kualifikasi tidak sah: tinggi"}]
    assert SiasnDifference.objects.get(pegawai=pegawai).field == "alamat"
    assert not NationalScore.objects.exists()
