"""What the installation tests (setup_instansi, import_opd, import_pegawai --create-opd) share."""

from __future__ import annotations

import csv
from pathlib import Path

from org.models import Instansi
from org.units.actions import do_create_instansi

# setup_instansi's arguments for the province of the documented installation.
SETUP_INSTANSI_ARGS = [
    "--name",
    "Pemerintah Provinsi Kalimantan Barat",
    "--kind",
    "provinsi",
    "--timezone",
    "Asia/Pontianak",
    "--admin-username",
    "bkd.admin",
    "--admin-email",
    "admin@bkd.kalbarprov.go.id",
]
UNOR_HEADER = ["unor_id", "unor_nama", "unor_induk_id", "unor_singkatan"]


def create_fresh_instansi() -> Instansi:
    """The instansi of a fresh installation, as setup_instansi leaves it: no OPD at all."""
    return do_create_instansi(
        actor=None,
        code="61",
        name="Pemerintah Provinsi Kalimantan Barat",
        kind="provinsi",
        time_zone="Asia/Jakarta",
    )


def write_unor_csv(path: Path, rows, header=UNOR_HEADER) -> Path:
    """A national unor list (the file import_opd reads) with ``rows`` under ``header``."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path
