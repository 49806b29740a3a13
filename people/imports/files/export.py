"""Writing employees in the Data ASN format, so that importing the file changes nothing.

Every value the import reads is written the way the import reads it back (names from
``people.imports.files.siasn``, dates ``dd-mm-yyyy`` in CSV and real dates in XLSX); columns Pelita
does not hold (npwp, bpjs, kpkn, lokasi kerja…) are left empty.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Iterable, Iterator
from typing import IO

from django.db.models import Prefetch, QuerySet

from core.spreadsheets import csv_writer, write_xlsx
from people.imports.files import siasn
from people.models import Pegawai, RiwayatGolongan, RiwayatPendidikan

_CHUNK = 1000  # employees per query batch: bounds memory and the IN (...) lists of the prefetch


def data_asn_queryset(pegawai: QuerySet[Pegawai] | None = None) -> QuerySet[Pegawai]:
    """``pegawai`` (a scoped query; all employees by default) with what a row needs, in NIP order."""
    queryset = Pegawai.objects.all() if pegawai is None else pegawai
    return (
        queryset.select_related("opd__instansi", "unit", "golongan")
        .prefetch_related(
            Prefetch(
                "riwayat_golongan",
                queryset=RiwayatGolongan.objects.select_related("golongan").order_by("tmt", "pk"),
            ),
            Prefetch("riwayat_pendidikan", queryset=RiwayatPendidikan.objects.order_by("tahun_lulus", "pk")),
        )
        .order_by("nip")
    )


def _pair(out: dict, code: str) -> tuple[str, ...]:
    return out.get(code, ("", "", ""))


def data_asn_row(p: Pegawai) -> dict[str, object]:
    """One employee as a Data ASN row: text, dates (``datetime.date``) or numbers."""
    ranks = list(p.riwayat_golongan.all())
    awal = next((r for r in ranks if r.jenis_kp == RiwayatGolongan.JenisKp.AWAL), None)
    if p.tmt_cpns is None:
        awal = None  # the import needs tmt_cpns to place gol_awal
    current_rank = next((r for r in reversed(ranks) if r.golongan_id == p.golongan_id), None)
    educations = [r for r in p.riwayat_pendidikan.all() if r.tingkat == p.pendidikan]
    education = educations[-1] if educations else None
    jenis_pegawai = _pair(siasn.JENIS_PEGAWAI_OUT, p.jenis_pegawai)
    instansi = p.opd.instansi
    row: dict[str, object] = dict.fromkeys(siasn.DATA_ASN_COLUMNS, "")
    row.update(
        {
            "pns_id": p.pns_id or "",
            "nip_baru": p.nip,
            "nama": p.nama,
            "gelar_depan": p.gelar_depan,
            "gelar_belakang": p.gelar_belakang,
            "tempat_lahir_nama": p.tempat_lahir,
            "tanggal_lahir": p.tanggal_lahir,
            "jenis_kelamin": {"L": "M", "P": "F"}.get(p.jenis_kelamin, ""),
            "agama_id": _pair(siasn.AGAMA_OUT, p.agama)[0],
            "agama_nama": _pair(siasn.AGAMA_OUT, p.agama)[1],
            "jenis_kawin_id": _pair(siasn.KAWIN_OUT, p.status_kawin)[0],
            "jenis_kawin_nama": _pair(siasn.KAWIN_OUT, p.status_kawin)[1],
            "nik": p.nik or "",
            "nomor_hp": p.nomor_hp,
            "email": p.email,
            "alamat": p.alamat,
            "jenis_pegawai_id": jenis_pegawai[0],
            "jenis_pegawai_nama": jenis_pegawai[1],
            "status_cpns_pns": jenis_pegawai[2],
            "kedudukan_hukum_id": _pair(siasn.KEDUDUKAN_OUT, p.status)[0],
            "kedudukan_hukum_nama": _pair(siasn.KEDUDUKAN_OUT, p.status)[1],
            "nomor_sk_cpns": awal.nomor_sk if awal else "",
            "tanggal_sk_cpns": awal.tanggal_sk if awal else None,
            "tmt_cpns": p.tmt_cpns,
            "tmt_pns": p.tmt_pns,
            "gol_awal_id": awal.golongan.numeric if awal else "",
            "gol_awal_nama": awal.golongan.code if awal else "",
            "gol_akhir_id": p.golongan.numeric if p.golongan else "",
            "gol_akhir_nama": p.golongan.code if p.golongan else "",
            "tmt_golongan": p.tmt_golongan,
            "mk_tahun": current_rank.mk_tahun if current_rank else "",
            "mk_bulan": current_rank.mk_bulan if current_rank else "",
            "jenis_jabatan_id": _pair(siasn.JENIS_JABATAN_OUT, p.jenis_jabatan)[0],
            "jenis_jabatan_nama": _pair(siasn.JENIS_JABATAN_OUT, p.jenis_jabatan)[1],
            "jabatan_nama": p.jabatan,
            "tmt_jabatan": p.tmt_jabatan,
            "tingkat_pendidikan_id": _pair(siasn.PENDIDIKAN_OUT, p.pendidikan)[0],
            "tingkat_pendidikan_nama": _pair(siasn.PENDIDIKAN_OUT, p.pendidikan)[1],
            "pendidikan_nama": education.jurusan if education else "",
            "tahun_lulus": education.tahun_lulus if education else "",
            "nama_sekolah": education.institusi if education else "",
            "unor_id": p.unit_id or p.opd.code,
            "unor_nama": p.unit.name if p.unit else p.opd.name,
            "instansi_induk_id": instansi.code,
            "instansi_induk_nama": instansi.name,
            "instansi_kerja_id": instansi.code,
            "instansi_kerja_nama": instansi.name,
            "satuan_kerja_induk_id": instansi.code,
            "satuan_kerja_induk_nama": instansi.name,
            "satuan_kerja_kerja_id": p.opd.code,
            "satuan_kerja_kerja_nama": p.opd.name,
        }
    )
    return {k: ("" if v is None else v) for k, v in row.items()}


def data_asn_rows(pegawai: QuerySet[Pegawai] | None = None) -> Iterator[dict[str, object]]:
    for p in data_asn_queryset(pegawai).iterator(chunk_size=_CHUNK):
        yield data_asn_row(p)


def _csv_text(value: object) -> str:
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    return str(value)


def write_data_asn(
    file: str | os.PathLike | IO[bytes], pegawai: QuerySet[Pegawai] | None = None, *, fmt: str = "csv"
) -> int:
    """Write the Data ASN file (``fmt`` "csv" or "xlsx") to a path or binary file; returns the row count."""
    if isinstance(file, str | os.PathLike):
        with open(file, "wb") as handle:
            return write_data_asn(handle, pegawai, fmt=fmt)
    rows = data_asn_rows(pegawai)
    if fmt == "xlsx":
        return _write_xlsx(file, rows)
    if fmt != "csv":
        raise ValueError(f"unknown format {fmt!r}")
    text = io.TextIOWrapper(file, encoding="utf-8-sig", newline="")
    writer = csv_writer(text)  # text that looks like a formula is quoted (docs/exports.md)
    writer.writerow(siasn.DATA_ASN_COLUMNS)
    count = 0
    for row in rows:
        writer.writerow([_csv_text(row[c]) for c in siasn.DATA_ASN_COLUMNS])
        count += 1
    text.flush()
    text.detach()  # leave the caller's file open
    return count


def _write_xlsx(file: IO[bytes], rows: Iterable[dict[str, object]]) -> int:
    # Real dates shown as dd-mm-yyyy; names that look like formulas stay text (core.spreadsheets).
    return write_xlsx(
        file,
        "Data ASN",
        siasn.DATA_ASN_COLUMNS,
        ([row[column] for column in siasn.DATA_ASN_COLUMNS] for row in rows),
        date_format="DD-MM-YYYY",
    )
