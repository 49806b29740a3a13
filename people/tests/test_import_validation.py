"""Each bad row is skipped with its line, column and Indonesian reason; the good rows go in."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from core.models import AuditLog
from people.imports.files.tables import do_import_pegawai, write_report_csv
from people.models import Pegawai
from people.tests.factories import make_pegawai
from people.tests.siasn_files import asn_row, write_csv
from regulations.identity import make_nik

pytestmark = pytest.mark.django_db


def run(cast, tmp_path, rows):
    return do_import_pegawai(
        write_csv(tmp_path / "asn.csv", rows), actor=cast.admin, today=dt.date(2026, 11, 23)
    )


def only_rejection(result):
    assert result.rejected == 1, result.rejections
    return result.rejections[0]


def test_a_bad_nip_is_rejected_with_the_exact_reason_and_the_rest_imported(cast, tmp_path):
    rows = [
        asn_row(cast.opd_a, 1),
        asn_row(cast.opd_a, 2, nip_baru="198505172010033001"),
        asn_row(cast.opd_a, 3),
    ]
    result = run(cast, tmp_path, rows)
    assert result.summary == "imported 2, updated 0, unchanged 0, rejected 1"
    rejection = only_rejection(result)
    assert (rejection.line, rejection.column, rejection.nip) == (3, "nip_baru", "198505172010033001")
    assert rejection.reason == (
        "Kode jenis kelamin pada NIP (digit 15) harus 1 (laki-laki) atau 2 (perempuan), bukan 3."
    )
    assert not Pegawai.objects.filter(nip="198505172010033001").exists()


def test_a_nip_of_the_wrong_length_says_how_long_it_is(cast, tmp_path):
    rejection = only_rejection(run(cast, tmp_path, [asn_row(cast.opd_a, 1, nip_baru="19850517201003100")]))
    assert rejection.reason == "NIP harus 18 digit, bukan 17 digit."


def test_a_nik_not_matching_the_nip_is_rejected(cast, tmp_path):
    other_birth = make_nik("61", "71", "01", dt.date(1986, 5, 17), "L", 1)
    rejection = only_rejection(run(cast, tmp_path, [asn_row(cast.opd_a, 1, nik=other_birth)]))
    assert rejection.column == "nik"
    assert rejection.reason == ("Tanggal lahir pada NIP (1985-05-17) berbeda dengan pada NIK (1986-05-17).")
    assert Pegawai.objects.count() == 0


def test_a_structurally_bad_nik_is_rejected(cast, tmp_path):
    rejection = only_rejection(run(cast, tmp_path, [asn_row(cast.opd_a, 1, nik="6171011713850001")]))
    assert rejection.reason == "Bulan lahir pada NIK (digit 9–10) harus 01–12, bukan 13."


def test_an_unknown_golongan_is_rejected(cast, tmp_path):
    rejection = only_rejection(run(cast, tmp_path, [asn_row(cast.opd_a, 1, gol_akhir_nama="III/f")]))
    assert rejection.column == "gol_akhir_nama"
    assert rejection.reason == "Golongan 'III/f' tidak dikenal; tulis seperti \"III/a\" (I/a sampai IV/e)."


def test_an_invalid_date_is_rejected(cast, tmp_path):
    rejection = only_rejection(run(cast, tmp_path, [asn_row(cast.opd_a, 1, tmt_golongan="31-02-2010")]))
    assert rejection.column == "tmt_golongan"
    assert rejection.reason == "Tanggal '31-02-2010' tidak valid; tulis dd-mm-yyyy atau yyyy-mm-dd."


def test_an_unknown_opd_is_rejected(cast, tmp_path):
    rejection = only_rejection(
        run(cast, tmp_path, [asn_row(cast.opd_a, 1, satuan_kerja_kerja_nama="Dinas Antah")])
    )
    assert rejection.column == "satuan_kerja_kerja_nama"
    assert rejection.reason == "OPD 'Dinas Antah' tidak dikenal; tulis nama OPD seperti di Pelita."


def test_opd_is_matched_by_short_name_and_unit_by_unor(cast, tmp_path):
    run(cast, tmp_path, [asn_row(cast.opd_a, 1, satuan_kerja_kerja_nama="DINKES", unor_nama="sekretariat")])
    pegawai = Pegawai.objects.get()
    assert (pegawai.opd, pegawai.unit.name) == (cast.opd_a, "Sekretariat")


def test_unknown_gender_religion_and_education_name_the_choices(cast, tmp_path):
    row = asn_row(cast.opd_a, 1, jenis_kelamin="X", agama_nama="Jedi", tingkat_pendidikan_nama="S-9")
    result = run(cast, tmp_path, [row])
    reasons = {r.column: r.reason for r in result.rejections}
    assert result.rejected == 1
    assert reasons["jenis_kelamin"] == "Nilai 'X' tidak dikenal; pilihan: L/M (laki-laki), P/F (perempuan)."
    assert reasons["agama_nama"].startswith("Nilai 'Jedi' tidak dikenal; pilihan: Islam, Kristen")
    assert "S-1/Sarjana" in reasons["tingkat_pendidikan_nama"]


def test_a_duplicate_nik_within_the_file_rejects_every_row_holding_it(cast, tmp_path):
    first = asn_row(cast.opd_a, 1)
    twin = asn_row(cast.opd_a, 2, nik=first["nik"])
    result = run(cast, tmp_path, [first, asn_row(cast.opd_a, 3), twin])
    assert result.summary == "imported 1, updated 0, unchanged 0, rejected 2"
    reasons = {(r.line, r.column): r.reason for r in result.rejections}
    assert reasons[(2, "nik")] == (
        f"Nilai {first['nik']} juga ada di baris 4 pada berkas ini; semua baris itu ditolak."
    )
    assert (4, "nik") in reasons
    assert not Pegawai.objects.filter(nik=first["nik"]).exists()


def test_a_nik_already_held_by_another_employee_is_rejected(cast, tmp_path):
    holder = make_pegawai(cast.opd_a, actor=cast.admin)
    row = asn_row(cast.opd_a, 500, nik=holder.nik)
    rejection = only_rejection(run(cast, tmp_path, [row]))
    assert rejection.reason == f"NIK ini sudah dipakai pegawai lain (NIP {holder.nip})."
    assert Pegawai.objects.count() == 1


def test_a_new_employee_needs_an_opd(cast, tmp_path):
    row = asn_row(cast.opd_a, 1)
    del row["satuan_kerja_kerja_nama"]
    rejection = only_rejection(run(cast, tmp_path, [row]))
    assert rejection.reason == "OPD wajib diisi untuk pegawai baru."


def test_a_rejected_row_leaves_the_existing_employee_untouched(cast, tmp_path):
    run(cast, tmp_path, [asn_row(cast.opd_a, 1)])
    before = list(Pegawai.objects.values())
    audit = AuditLog.objects.count()
    result = run(cast, tmp_path, [asn_row(cast.opd_a, 1, nama="Nama Baru", tmt_golongan="2010-13-01")])
    assert result.summary == "imported 0, updated 0, unchanged 0, rejected 1"
    assert list(Pegawai.objects.values()) == before
    assert AuditLog.objects.count() == audit


def test_every_bad_cell_of_a_row_is_listed_but_the_row_counts_once(cast, tmp_path):
    row = asn_row(cast.opd_a, 1, tanggal_lahir="kemarin", jenis_kelamin="?", mk_bulan="12")
    result = run(cast, tmp_path, [row])
    assert result.rejected == 1
    assert {r.column for r in result.rejections} == {"tanggal_lahir", "jenis_kelamin", "mk_bulan"}


def test_the_report_lists_line_column_nip_and_reason(cast, tmp_path):
    result = run(cast, tmp_path, [asn_row(cast.opd_a, 1), asn_row(cast.opd_a, 2, gol_akhir_nama="V/a")])
    out = io.StringIO()
    write_report_csv(result, out)
    header, line = csv.reader(io.StringIO(out.getvalue()))
    assert header == ["baris", "kolom", "nip", "alasan"]
    assert line == [
        "3",
        "gol_akhir_nama",
        asn_row(cast.opd_a, 2)["nip_baru"],
        "Golongan 'V/a' tidak dikenal; tulis seperti \"III/a\" (I/a sampai IV/e).",
    ]


def test_the_report_file_opens_in_excel_with_accents(cast, tmp_path):
    result = run(cast, tmp_path, [asn_row(cast.opd_a, 1, nip_baru="x")])
    write_report_csv(result, tmp_path / "laporan.csv")
    assert (tmp_path / "laporan.csv").read_bytes().startswith(b"\xef\xbb\xbfbaris,kolom,nip,alasan")
