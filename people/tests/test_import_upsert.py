"""Upsert by pns_id, else NIP; idempotent; dry-run; audited in bulk; current state kept in step."""

from __future__ import annotations

import pytest

from core.models import AuditLog
from people.imports.files.tables import do_import_pegawai
from people.models import Pegawai, RiwayatGolongan, RiwayatJabatan, RiwayatPendidikan
from people.records.actions import current_state
from people.tests.factories import make_pegawai
from people.tests.siasn_files import asn_row, write_csv

pytestmark = pytest.mark.django_db


def run(cast, tmp_path, rows, **options):
    return do_import_pegawai(write_csv(tmp_path / "asn.csv", rows), actor=cast.admin, **options)


def test_a_new_employee_gets_fields_history_rows_and_current_state(cast, tmp_path):
    row = asn_row(
        cast.opd_a, 1, gol_awal_nama="II/c", gol_akhir_nama="III/a", tmt_golongan="01-04-2014", mk_tahun=4
    )
    run(cast, tmp_path, [row])
    pegawai = Pegawai.objects.get()
    assert (pegawai.jenis_kelamin, pegawai.agama, pegawai.status_kawin, pegawai.jenis_pegawai) == (
        "L",
        "islam",
        "kawin",
        "pns",
    )
    ranks = list(
        RiwayatGolongan.objects.filter(pegawai=pegawai).values_list("golongan__code", "jenis_kp", "mk_tahun")
    )
    assert ranks == [("II/c", "awal", 0), ("III/a", "reguler", 4)]
    assert RiwayatJabatan.objects.get(pegawai=pegawai).opd == cast.opd_a
    assert RiwayatPendidikan.objects.get(pegawai=pegawai).tingkat == "S1"
    state = current_state(pegawai)
    assert {name: getattr(pegawai, name) for name in state} == state
    assert pegawai.golongan.code == "III/a"


def test_a_second_run_of_the_same_file_changes_nothing_and_writes_no_audit(cast, tmp_path):
    rows = [asn_row(cast.opd_a, n) for n in range(1, 4)]
    run(cast, tmp_path, rows)
    before = list(Pegawai.objects.values())
    audit = AuditLog.objects.count()
    result = run(cast, tmp_path, rows)
    assert result.summary == "imported 0, updated 0, unchanged 3, rejected 0"
    assert list(Pegawai.objects.values()) == before
    assert AuditLog.objects.count() == audit


def test_the_created_employees_share_one_audit_row_naming_each_of_them_with_the_actor(cast, tmp_path):
    run(cast, tmp_path, [asn_row(cast.opd_a, 1), asn_row(cast.opd_a, 2)])
    row = AuditLog.objects.get(event="pegawai.diimpor")
    assert (row.actor, row.actor_label, row.object_type) == (cast.admin, "admin", "people.pegawai")
    first, second = Pegawai.objects.order_by("pns_id")
    assert row.after == {
        "jumlah": 2,
        "pegawai": [[first.pk, first.nip, "Pegawai Uji 1"], [second.pk, second.nip, "Pegawai Uji 2"]],
        "riwayat": {"riwayatgolongan": 2, "riwayatjabatan": 2, "riwayatpendidikan": 2},
    }


def test_an_update_is_matched_by_pns_id_and_audits_before_and_after(cast, tmp_path):
    run(cast, tmp_path, [asn_row(cast.opd_a, 1)])
    result = run(
        cast,
        tmp_path,
        [
            asn_row(
                cast.opd_a,
                1,
                nama="Nama Baru",
                satuan_kerja_kerja_nama=cast.opd_b.name,
                gol_akhir_nama="III/b",
                tmt_golongan="01-04-2014",
            )
        ],
    )
    assert result.summary == "imported 0, updated 1, unchanged 0, rejected 0"
    pegawai = Pegawai.objects.get()
    assert (pegawai.nama, pegawai.opd, pegawai.golongan.code) == ("Nama Baru", cast.opd_b, "III/b")
    row = AuditLog.objects.get(event="pegawai.diubah_impor")
    assert row.actor == cast.admin
    assert row.before["nama"] == "Pegawai Uji 1" and row.after["nama"] == "Nama Baru"
    assert row.before["opd"] == cast.opd_a.pk and row.after["opd"] == cast.opd_b.pk
    assert "tanggal_lahir" not in row.after  # only what changed
    # the new rank row is audited with all its values, dates as ISO text
    (rank,) = row.after["riwayatgolongan"]
    assert (rank["golongan"], rank["tmt"], rank["jenis_kp"]) == (pegawai.golongan_id, "2014-04-01", "reguler")
    assert row.before["tmt_golongan"] == "2010-03-01" and row.after["tmt_golongan"] == "2014-04-01"


def test_without_pns_id_an_employee_is_matched_by_nip(cast, tmp_path):
    pegawai = make_pegawai(cast.opd_a, actor=cast.admin)
    row = asn_row(cast.opd_a, 1, nip_baru=pegawai.nip, nik=pegawai.nik, nama="Dari SIASN")
    row["pns_id"] = "ID-BARU"
    result = run(cast, tmp_path, [row])
    assert result.updated == 1
    pegawai.refresh_from_db()
    assert (pegawai.nama, pegawai.pns_id) == ("Dari SIASN", "ID-BARU")
    assert Pegawai.objects.count() == 1


def test_a_missing_column_leaves_its_field_alone(cast, tmp_path):
    run(cast, tmp_path, [asn_row(cast.opd_a, 1, nomor_hp="08123")])
    row = asn_row(cast.opd_a, 1)
    result = run(cast, tmp_path, [row])  # no nomor_hp column at all
    assert result.unchanged == 1
    assert Pegawai.objects.get().nomor_hp == "08123"


def test_dry_run_counts_but_changes_nothing(cast, tmp_path):
    run(cast, tmp_path, [asn_row(cast.opd_a, 1)])
    before = list(Pegawai.objects.values())
    audit = AuditLog.objects.count()
    rows = [
        asn_row(cast.opd_a, 1, nama="Diubah"),
        asn_row(cast.opd_a, 2),
        asn_row(cast.opd_a, 3, nip_baru="1"),
    ]
    result = run(cast, tmp_path, rows, dry_run=True)
    assert result.summary == "imported 1, updated 1, unchanged 0, rejected 1"
    assert list(Pegawai.objects.values()) == before
    assert AuditLog.objects.count() == audit


def test_a_later_rank_from_history_stays_current_when_data_asn_names_an_older_one(cast, tmp_path):
    run(cast, tmp_path, [asn_row(cast.opd_a, 1, gol_akhir_nama="III/b", tmt_golongan="01-04-2014")])
    result = run(cast, tmp_path, [asn_row(cast.opd_a, 1, gol_akhir_nama="III/a", tmt_golongan="01-03-2010")])
    assert result.updated == 1
    pegawai = Pegawai.objects.get()
    assert pegawai.golongan.code == "III/b"
    assert {name: getattr(pegawai, name) for name in current_state(pegawai)} == current_state(pegawai)


def test_a_crash_while_writing_leaves_no_row_behind(cast, tmp_path, monkeypatch):
    from people.imports.files import asn as import_asn

    real = import_asn.insert_values

    def boom(model, names, rows):
        if model is RiwayatJabatan:  # after the employees and their ranks are written
            raise RuntimeError("disk penuh")
        real(model, names, rows)

    monkeypatch.setattr(import_asn, "insert_values", boom)
    with pytest.raises(RuntimeError):
        run(cast, tmp_path, [asn_row(cast.opd_a, n) for n in range(1, 4)])
    assert Pegawai.objects.count() == 0
    assert RiwayatGolongan.objects.count() == 0
    assert AuditLog.objects.filter(event__startswith="pegawai.").count() == 0


def test_progress_is_reported_per_chunk(cast, tmp_path):
    seen = []
    run(
        cast,
        tmp_path,
        [asn_row(cast.opd_a, n) for n in range(1, 4)],
        progress=lambda done, total: seen.append((done, total)),
    )
    assert seen == [(3, 3)]
