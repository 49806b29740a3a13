"""Building Data ASN and rw-* files for the import tests, in tmp_path, with synthetic NIPs only."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from regulations.identity import make_nik, make_nip

# The columns most tests need; a file may carry any subset of a kind's columns.
BASIC_COLUMNS = [
    "pns_id",
    "nip_baru",
    "nama",
    "tanggal_lahir",
    "jenis_kelamin",
    "agama_nama",
    "jenis_kawin_nama",
    "nik",
    "jenis_pegawai_nama",
    "status_cpns_pns",
    "kedudukan_hukum_nama",
    "tmt_cpns",
    "gol_akhir_nama",
    "tmt_golongan",
    "jenis_jabatan_nama",
    "jabatan_nama",
    "tmt_jabatan",
    "tingkat_pendidikan_nama",
    "tahun_lulus",
    "satuan_kerja_kerja_nama",
]


class Named:
    """Stands for an OPD by name only, for asn_row: a file may name OPDs Pelita does not have yet."""

    def __init__(self, name: str) -> None:
        self.name = name


def asn_row(
    opd,
    seq: int = 1,
    *,
    birth: dt.date = dt.date(1985, 5, 17),
    gender: str = "L",
    cpns: dt.date = dt.date(2010, 3, 1),
    **overrides,
) -> dict[str, str]:
    row = {
        "pns_id": f"PNS-{seq:05d}",
        "nip_baru": make_nip(birth, cpns.year, cpns.month, gender, seq % 999 or 999),
        "nama": f"Pegawai Uji {seq}",
        "tanggal_lahir": birth.strftime("%d-%m-%Y"),
        "jenis_kelamin": {"L": "M", "P": "F"}[gender],
        "agama_nama": "Islam",
        "jenis_kawin_nama": "Menikah",
        "nik": make_nik("61", "71", "01", birth, gender, seq % 9999 or 9999),
        "jenis_pegawai_nama": "PNS Daerah",
        "status_cpns_pns": "P",
        "kedudukan_hukum_nama": "Aktif",
        "tmt_cpns": cpns.strftime("%d-%m-%Y"),
        "gol_akhir_nama": "III/a",
        "tmt_golongan": cpns.strftime("%d-%m-%Y"),
        "jenis_jabatan_nama": "Pelaksana",
        "jabatan_nama": "Analis Kepegawaian",
        "tmt_jabatan": cpns.strftime("%d-%m-%Y"),
        "tingkat_pendidikan_nama": "S-1/Sarjana",
        "tahun_lulus": str(cpns.year - 1),
        "satuan_kerja_kerja_nama": opd.name,
    }
    row.update({k: str(v) for k, v in overrides.items()})
    return row


def write_csv(
    path: Path,
    rows: list[dict[str, str]],
    *,
    columns=None,
    delimiter: str = ",",
    encoding: str = "utf-8",
) -> Path:
    columns = list(columns or (rows[0].keys() if rows else BASIC_COLUMNS))
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([row.get(c, "") for c in columns])
    return path


def write_xlsx(path: Path, rows: list[dict[str, object]], *, columns=None) -> Path:
    from openpyxl import Workbook

    columns = list(columns or rows[0].keys())
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(columns)
    for row in rows:
        sheet.append([row.get(c, "") for c in columns])
    workbook.save(path)
    return path
