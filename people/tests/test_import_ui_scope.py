"""do_import_pegawai(opd_scope=…): an Operator OPD's import touches only employees of their OPD."""

from __future__ import annotations

import pytest

from people.imports.files.tables import do_import_pegawai
from people.models import Pegawai, RiwayatSkp
from people.tests.factories import make_pegawai
from people.tests.siasn_files import asn_row, write_csv

pytestmark = pytest.mark.django_db

NOT_YOUR_EMPLOYEE = (
    "Pegawai ini terdaftar di OPD lain; Operator OPD hanya boleh mengimpor pegawai OPD sendiri."
)


def test_data_asn_rows_placing_or_naming_employees_of_another_opd_are_rejected(cast, tmp_path):
    ours = make_pegawai(cast.opd_a, nama="Pegawai Dinkes")
    theirs = make_pegawai(cast.opd_b, nama="Pegawai Dishub")
    rows = [
        asn_row(cast.opd_a, 501),
        asn_row(cast.opd_b, 502),
        asn_row(cast.opd_a, 503, pns_id="", nip_baru=theirs.nip, nik=theirs.nik, nama="Diambil"),
        asn_row(cast.opd_a, 504, pns_id="", nip_baru=ours.nip, nik=ours.nik, nama="Nama Baru"),
        asn_row(cast.opd_b, 505, pns_id="", nip_baru=ours.nip, nik=ours.nik, nama="Dipindah"),
    ]
    progress = []
    result = do_import_pegawai(
        write_csv(tmp_path / "asn.csv", rows),
        actor=cast.operator_a,
        opd_scope={cast.opd_a.pk},
        progress=lambda done, total: progress.append((done, total)),
    )
    rejected = {r.line: (r.column, r.reason) for r in result.rejections}
    assert rejected == {
        3: (
            "satuan_kerja_kerja_nama",
            "OPD Dinas Perhubungan bukan OPD Anda; Operator OPD hanya boleh mengimpor pegawai OPD sendiri.",
        ),
        4: ("nip_baru", NOT_YOUR_EMPLOYEE),
        6: (
            "satuan_kerja_kerja_nama",
            "OPD Dinas Perhubungan bukan OPD Anda; Operator OPD hanya boleh mengimpor pegawai OPD sendiri.",
        ),
    }
    assert (result.imported, result.updated) == (1, 1)
    assert progress[-1] == (5, 5), "rows outside the scope count as handled"
    theirs.refresh_from_db()
    ours.refresh_from_db()
    assert (theirs.nama, theirs.opd) == ("Pegawai Dishub", cast.opd_b)
    assert (ours.nama, ours.opd) == ("Nama Baru", cast.opd_a)
    assert not Pegawai.objects.filter(opd=cast.opd_b).exclude(pk=theirs.pk).exists()


def test_history_rows_of_an_employee_of_another_opd_are_rejected(cast, tmp_path):
    ours = make_pegawai(cast.opd_a)
    theirs = make_pegawai(cast.opd_b)
    rows = [
        {"nip_baru": ours.nip, "tahun": "2023", "predikat": "Baik"},
        {"nip_baru": theirs.nip, "tahun": "2023", "predikat": "Baik"},
    ]
    result = do_import_pegawai(
        write_csv(tmp_path / "skp.csv", rows), actor=cast.operator_a, kind="rw-skp", opd_scope={cast.opd_a.pk}
    )
    assert [(r.line, r.column, r.reason) for r in result.rejections] == [(3, "nip_baru", NOT_YOUR_EMPLOYEE)]
    assert list(RiwayatSkp.objects.values_list("pegawai", flat=True)) == [ours.pk]


def test_the_scope_also_holds_in_a_dry_run_and_none_means_every_opd(cast, tmp_path):
    path = write_csv(tmp_path / "asn.csv", [asn_row(cast.opd_a, 501), asn_row(cast.opd_b, 502)])
    dry = do_import_pegawai(path, actor=cast.operator_a, dry_run=True, opd_scope={cast.opd_a.pk})
    assert (dry.imported, dry.rejected) == (1, 1)
    assert not Pegawai.objects.exists()
    everything = do_import_pegawai(path, actor=cast.admin, opd_scope=None)
    assert (everything.imported, everything.rejected) == (2, 0)


def test_an_empty_scope_rejects_every_row_naming_a_known_opd(cast, tmp_path):
    path = write_csv(tmp_path / "asn.csv", [asn_row(cast.opd_a, 501)])
    result = do_import_pegawai(path, actor=cast.operator_a, opd_scope=set())
    assert (result.imported, result.rejected) == (0, 1)
