"""Reading an import file: encodings, delimiters, dates, "null", XLSX, and files refused whole."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from core.models import AuditLog
from core.tables import UnreadableFile, read_table
from people.imports.files.tables import do_import_pegawai
from people.models import Pegawai
from people.tests.siasn_files import asn_row, write_csv, write_xlsx

pytestmark = pytest.mark.django_db


def nothing_changed(before_pegawai: int, before_audit: int) -> bool:
    return Pegawai.objects.count() == before_pegawai and AuditLog.objects.count() == before_audit


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_csv_is_read_in_utf8_with_or_without_bom_and_in_windows_1252(encoding, cast, tmp_path):
    path = write_csv(tmp_path / "asn.csv", [asn_row(cast.opd_a, 1, nama="José Ñoño Café")], encoding=encoding)
    result = do_import_pegawai(path, actor=cast.admin)
    assert result.summary == "imported 1, updated 0, unchanged 0, rejected 0"
    assert Pegawai.objects.get().nama == "José Ñoño Café"


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_csv_delimiter_comma_or_semicolon_is_sniffed(delimiter, cast, tmp_path):
    rows = [asn_row(cast.opd_a, 1, alamat="Jl. Merdeka, No. 5; RT 2"), asn_row(cast.opd_a, 2)]
    path = write_csv(tmp_path / "asn.csv", rows, delimiter=delimiter)
    assert read_table(path).delimiter == delimiter
    do_import_pegawai(path, actor=cast.admin)
    assert Pegawai.objects.get(nip=rows[0]["nip_baru"]).alamat == "Jl. Merdeka, No. 5; RT 2"


@pytest.mark.parametrize("written", ["17-05-1985", "1985-05-17"])
def test_dates_are_read_as_dd_mm_yyyy_or_yyyy_mm_dd(written, cast, tmp_path):
    path = write_csv(tmp_path / "asn.csv", [asn_row(cast.opd_a, 1, tanggal_lahir=written)])
    do_import_pegawai(path, actor=cast.admin)
    assert Pegawai.objects.get().tanggal_lahir == dt.date(1985, 5, 17)


@pytest.mark.parametrize("null", ["null", "NULL", "Null", ""])
def test_the_string_null_in_any_case_reads_as_empty(null, cast, tmp_path):
    path = write_csv(tmp_path / "asn.csv", [asn_row(cast.opd_a, 1, nik=null, gelar_depan=null, tmt_pns=null)])
    result = do_import_pegawai(path, actor=cast.admin)
    assert result.rejected == 0
    pegawai = Pegawai.objects.get()
    assert (pegawai.nik, pegawai.gelar_depan, pegawai.tmt_pns) == (None, "", None)


def test_xlsx_is_read_with_text_and_real_date_cells(cast, tmp_path):
    row: dict[str, object] = asn_row(cast.opd_a, 1)
    row["tanggal_lahir"] = dt.datetime(1985, 5, 17)
    row["tahun_lulus"] = 2009
    path = write_xlsx(tmp_path / "asn.xlsx", [row])
    result = do_import_pegawai(path, actor=cast.admin)
    assert result.summary == "imported 1, updated 0, unchanged 0, rejected 0"
    assert Pegawai.objects.get().tanggal_lahir == dt.date(1985, 5, 17)


def test_format_is_told_by_content_not_by_file_name(cast, tmp_path):
    xlsx = write_xlsx(tmp_path / "asn.xlsx", [asn_row(cast.opd_a, 1)])
    disguised = tmp_path / "asn.csv"
    disguised.write_bytes(xlsx.read_bytes())
    assert read_table(disguised).file_format == "xlsx"


def test_xlsx_nip_stored_as_a_number_is_rejected_with_the_reason(cast, tmp_path):
    row: dict[str, object] = asn_row(cast.opd_a, 1)
    row["nip_baru"] = int(row["nip_baru"])  # Excel keeps it as a double: digits lost
    result = do_import_pegawai(write_xlsx(tmp_path / "asn.xlsx", [row]), actor=cast.admin)
    assert result.rejections[0].column == "nip_baru"
    assert "sebagai angka di Excel" in result.rejections[0].reason


def test_uploaded_file_objects_are_read_too(cast):
    row = asn_row(cast.opd_a, 1)
    upload = io.BytesIO((",".join(row) + "\n" + ",".join(row.values()) + "\n").encode())
    result = do_import_pegawai(upload, actor=cast.admin)
    assert result.imported == 1


# --- files refused whole: exit 2, nothing changed --------------------------------------------


def refused(cast, path, message: str, **options) -> None:
    before = (Pegawai.objects.count(), AuditLog.objects.count())
    with pytest.raises(UnreadableFile, match=message):
        do_import_pegawai(path, actor=cast.admin, **options)
    with pytest.raises(CommandError, match=message) as raised:
        call_command("import_pegawai", str(path))
    assert raised.value.returncode == 2
    assert nothing_changed(*before)


def test_an_empty_file_is_refused(cast, tmp_path):
    path = tmp_path / "kosong.csv"
    path.write_bytes(b"")
    refused(cast, path, "Berkas kosong")


def test_a_file_with_only_a_bom_and_blank_lines_is_empty(cast, tmp_path):
    path = tmp_path / "kosong.csv"
    path.write_bytes(b"\xef\xbb\xbf\r\n\r\n")
    refused(cast, path, "Berkas kosong")


def test_a_header_without_rows_is_refused(cast, tmp_path):
    path = write_csv(
        tmp_path / "judul.csv", [], columns=["nip_baru", "nama", "tanggal_lahir", "jenis_kelamin"]
    )
    refused(cast, path, "tidak berisi baris data")


def test_unknown_columns_are_refused_and_named(cast, tmp_path):
    row = asn_row(cast.opd_a, 1)
    row["golongan_darah"] = "O"
    path = write_csv(tmp_path / "asn.csv", [row])
    refused(cast, path, "Kolom tidak dikenal untuk berkas Data ASN: golongan_darah")


def test_missing_required_columns_are_refused_and_named(cast, tmp_path):
    row = asn_row(cast.opd_a, 1)
    del row["tanggal_lahir"]
    path = write_csv(tmp_path / "asn.csv", [row])
    refused(cast, path, "Kolom wajib tidak ada pada berkas Data ASN: tanggal_lahir", kind="data-asn")


def test_a_pdf_is_not_csv_or_xlsx(cast, tmp_path):
    path = tmp_path / "data.csv"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\x00\x00endobj\n")
    refused(cast, path, "bukan CSV atau XLSX")


def test_a_zip_that_is_not_a_workbook_is_refused(cast, tmp_path):
    path = tmp_path / "data.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "bukan buku kerja")
    refused(cast, path, "bukan CSV atau XLSX")


def test_an_old_binary_xls_is_refused_with_the_way_out(cast, tmp_path):
    path = tmp_path / "data.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    refused(cast, path, r"format Excel lama \(.xls\)")


def test_a_file_over_50_mb_is_refused_unread(cast, tmp_path):
    path = tmp_path / "besar.csv"
    with open(path, "wb") as handle:  # sparse: 50 MB + 1 byte without writing them
        handle.truncate(50 * 1024 * 1024 + 1)
    refused(cast, path, r"Berkas terlalu besar \(50,1 MB\); batasnya 50 MB \(setelan PELITA_IMPORT_MAX_MB\)")


def test_the_size_limit_follows_the_setting(cast, settings):
    settings.PELITA_IMPORT_MAX_MB = 1
    upload = io.BytesIO(b"nip_baru,nama\n" + b"1," + b"x" * (1024 * 1024) + b"\n")
    with pytest.raises(UnreadableFile, match="batasnya 1 MB"):
        do_import_pegawai(upload, actor=cast.admin)
    assert Pegawai.objects.count() == 0


def test_duplicate_header_names_are_refused(cast, tmp_path):
    path = tmp_path / "asn.csv"
    path.write_text("nip_baru,nama,nama,tanggal_lahir,jenis_kelamin\n1,a,b,c,d\n")
    refused(cast, path, "Judul kolom muncul dua kali: nama")


def test_an_unknown_kind_is_refused(cast, tmp_path):
    path = write_csv(tmp_path / "asn.csv", [asn_row(cast.opd_a, 1)])
    with pytest.raises(UnreadableFile, match="Jenis berkas rw-cuti tidak dikenal"):
        do_import_pegawai(path, actor=cast.admin, kind="rw-cuti")
