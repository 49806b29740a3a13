"""`manage.py import_opd`: the national unor list becomes OPDs and their unit kerja tree."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from core.models import AuditLog
from org.models import Instansi, Opd, UnitKerja
from org.tests.helpers import UNOR_HEADER, create_fresh_instansi, write_unor_csv
from org.units.actions import do_create_opd, do_create_unit

pytestmark = pytest.mark.django_db
ROOT = "A5EB03E23BFBF6A0E040640A040252AD"
BKD = "8AE483A8641EE9C501642AD5FC6E7BA2"
DINKES = "8AE483A8641EE9C501642AD5FC6E7BA3"
TREE = [
    [ROOT, "Pemerintah Provinsi Kalimantan Barat", "", ""],
    [BKD, "Badan Kepegawaian Daerah", ROOT, "BKD"],
    [DINKES, "Dinas Kesehatan", ROOT, "Dinkes"],
    ["U-BKD-SEKRETARIAT", "Sekretariat", BKD, ""],
    ["U-BKD-UMUM", "Subbagian Umum dan Kepegawaian", "U-BKD-SEKRETARIAT", ""],
    ["U-BKD-MUTASI", "Bidang Mutasi dan Promosi", BKD, ""],
    ["U-DINKES-SEKRETARIAT", "Sekretariat", DINKES, ""],
]


@pytest.fixture
def instansi():
    return create_fresh_instansi()


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_opd", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def tree() -> dict[str, list[str]]:
    """OPD name → its units as "parent > unit" paths, sorted."""
    found = {}
    for opd in Opd.objects.all():
        paths = []
        for unit in UnitKerja.objects.filter(opd=opd).select_related("parent"):
            paths.append(f"{unit.parent.name} > {unit.name}" if unit.parent else unit.name)
        found[opd.name] = sorted(paths)
    return found


def test_children_of_the_instansi_unor_become_opds_and_the_rest_their_unit_tree(instansi, tmp_path):
    out, _err = run(write_unor_csv(tmp_path / "unor.csv", TREE))
    assert tree() == {
        "Badan Kepegawaian Daerah": [
            "Bidang Mutasi dan Promosi",
            "Sekretariat",
            "Sekretariat > Subbagian Umum dan Kepegawaian",
        ],
        "Dinas Kesehatan": ["Sekretariat"],
    }
    assert Opd.objects.get(unor_id=BKD).short_name == "BKD"
    assert sorted(Opd.objects.values_list("code", flat=True)) == ["01", "02"]
    instansi.refresh_from_db()
    assert instansi.unor_id == ROOT  # remembered: the next file may leave the root row out
    assert "OPD: 2 baru, 0 diubah, 0 tetap; unit kerja: 4 baru, 0 diubah, 0 tetap" in out


def test_units_without_induk_are_opds_when_the_file_has_no_instansi_row(instansi, tmp_path):
    rows = [[BKD, "Badan Kepegawaian Daerah", "", "BKD"], ["U1", "Sekretariat", BKD, ""]]
    run(write_unor_csv(tmp_path / "unor.csv", rows))
    assert tree() == {"Badan Kepegawaian Daerah": ["Sekretariat"]}


def test_an_xlsx_file_is_read_too(instansi, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(UNOR_HEADER)
    for row in TREE:
        sheet.append(row)
    book.save(tmp_path / "unor.xlsx")
    run(tmp_path / "unor.xlsx")
    assert Opd.objects.count() == 2 and UnitKerja.objects.count() == 4


def test_a_second_import_of_the_same_file_changes_nothing(instansi, tmp_path):
    path = write_unor_csv(tmp_path / "unor.csv", TREE)
    run(path)
    audit_rows = AuditLog.objects.count()
    out, _err = run(path)
    assert "OPD: 0 baru, 0 diubah, 2 tetap; unit kerja: 0 baru, 0 diubah, 4 tetap" in out
    assert AuditLog.objects.count() == audit_rows


def test_a_reimport_renames_by_unor_id_and_adds_the_new_units(instansi, tmp_path):
    run(write_unor_csv(tmp_path / "unor.csv", TREE))
    renamed = [[*row] for row in TREE]
    renamed[2][1] = "Dinas Kesehatan Provinsi"
    renamed.append(["U-DINKES-LAB", "UPT Laboratorium Kesehatan", DINKES, ""])
    out, _err = run(write_unor_csv(tmp_path / "unor-2.csv", renamed))
    assert "OPD: 0 baru, 1 diubah, 1 tetap; unit kerja: 1 baru, 0 diubah, 4 tetap" in out
    assert tree()["Dinas Kesehatan Provinsi"] == ["Sekretariat", "UPT Laboratorium Kesehatan"]
    assert Opd.objects.count() == 2
    change = AuditLog.objects.get(event="opd.diubah")
    assert (change.before["name"], change.after["name"]) == ("Dinas Kesehatan", "Dinas Kesehatan Provinsi")


def test_opds_and_units_made_by_hand_are_adopted_not_duplicated(instansi, tmp_path):
    bkd = do_create_opd(
        actor=None, instansi=instansi, code="07", name="Badan Kepegawaian Daerah", short_name="BKD"
    )
    do_create_unit(actor=None, opd=bkd, parent=None, name="Sekretariat")
    run(write_unor_csv(tmp_path / "unor.csv", TREE))
    bkd.refresh_from_db()
    assert (bkd.code, bkd.unor_id) == ("07", BKD)
    assert UnitKerja.objects.get(opd=bkd, parent=None, name="Sekretariat").unor_id == "U-BKD-SEKRETARIAT"
    assert Opd.objects.count() == 2


def test_unor_kode_becomes_the_opd_code(instansi, tmp_path):
    rows = [[BKD, "Badan Kepegawaian Daerah", "", "07"]]
    run(
        write_unor_csv(
            tmp_path / "unor.csv", rows, header=["unor_id", "unor_nama", "unor_induk_id", "unor_kode"]
        )
    )
    assert Opd.objects.get().code == "07"


def test_bad_rows_are_each_reported_with_their_line_and_nothing_is_written(instansi, tmp_path):
    rows = [
        *TREE,
        ["X1", "", BKD, ""],  # line 9
        ["X2", "Bidang Antah", "TIDAK-ADA", ""],  # line 10
        ["X3", "Lingkar Satu", "X4", ""],  # line 11
        ["X4", "Lingkar Dua", "X3", ""],  # line 12
        ["X5", "Anak Baris Rusak", "X1", ""],  # line 13
        ["X6", "Sekretariat", BKD, ""],  # line 14: a second Sekretariat under BKD
        ["X7", "Satu", BKD, ""],  # line 15
        ["X7", "Dua", BKD, ""],  # line 16
        ["X8", "x" * 201, BKD, ""],  # line 17
    ]
    with pytest.raises(CommandError, match="9 baris ditolak; tidak ada yang disimpan") as refused:
        run(write_unor_csv(tmp_path / "unor.csv", rows))
    assert refused.value.returncode == 1
    err = "\n".join(_stderr_of(tmp_path / "unor.csv"))
    for expected in (
        "baris 9 (unor X1): unor_nama wajib diisi.",
        "baris 10 (unor X2): Induk TIDAK-ADA tidak ada di berkas maupun di Pelita; impor induknya lebih dulu.",
        "baris 11 (unor X3): Induk melingkar: X3 → X4 → X3 saling menjadi induk.",
        "baris 12 (unor X4): Induk melingkar",
        "baris 13 (unor X5): Induknya (baris 9) ditolak, jadi baris ini juga.",
        "baris 14 (unor X6): Nama 'Sekretariat' sudah dipakai baris 5 di bawah induk yang sama.",
        "baris 15 (unor X7): unor_id X7 juga ada di baris 16; semua baris itu ditolak.",
        "baris 16 (unor X7): unor_id X7 juga ada di baris 15",
        "baris 17 (unor X8): unor_nama terlalu panjang: 201 karakter, paling banyak 200.",
    ):
        assert expected in err
    assert not Opd.objects.exists() and not UnitKerja.objects.exists()
    assert not AuditLog.objects.filter(event__startswith=("opd")).exists()


def _stderr_of(path: Path) -> list[str]:
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_opd", str(path), stdout=io.StringIO(), stderr=err)
    return err.getvalue().splitlines()


def test_dry_run_counts_without_writing(instansi, tmp_path):
    out, _err = run(write_unor_csv(tmp_path / "unor.csv", TREE), "--dry-run")
    assert "OPD: 2 baru, 0 diubah, 0 tetap; unit kerja: 4 baru, 0 diubah, 0 tetap (dry run" in out
    assert not Opd.objects.exists()
    assert Instansi.objects.get().unor_id == ""


def test_an_unknown_column_refuses_the_whole_file(instansi, tmp_path):
    path = write_unor_csv(tmp_path / "unor.csv", [[BKD, "BKD", "", "x"]], header=[*UNOR_HEADER[:3], "warna"])
    with pytest.raises(CommandError, match="Kolom tidak dikenal untuk daftar unor: warna") as refused:
        run(path)
    assert refused.value.returncode == 2


def test_a_missing_column_refuses_the_whole_file(instansi, tmp_path):
    path = write_unor_csv(tmp_path / "unor.csv", [[BKD, "BKD"]], header=["unor_id", "unor_nama"])
    with pytest.raises(CommandError, match="Kolom wajib tidak ada pada daftar unor: unor_induk_id"):
        run(path)


def test_without_an_instansi_it_says_to_run_setup_instansi_first(tmp_path):
    with pytest.raises(CommandError, match="Jalankan setup_instansi lebih dulu"):
        run(write_unor_csv(tmp_path / "unor.csv", TREE))
