"""The master data every KPO list reads, loaded as plain rows in a fixed number of queries.

One query per table (the employees, then each history filtered by the same employees) and
no model instances: the whole province (10k employees and their histories) loads in a
fraction of a second, which the KP list's refresh and its benchmark depend on.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Q, QuerySet

from kpo.inputs.rules import AngkaKredit, Diklat, Family, GolonganRow, Hukdis, Many, Record, Ref, Skp, Ujian
from people.models import (
    Keluarga,
    Pegawai,
    RiwayatAngkaKredit,
    RiwayatDiklat,
    RiwayatGolongan,
    RiwayatHukdis,
    RiwayatSkp,
    SertifikatUjian,
)

_PEGAWAI_FIELDS = (
    "pk",
    "nip",
    "nama",
    "gelar_depan",
    "gelar_belakang",
    "opd_id",
    "opd__name",
    "unit_id",
    "status",
    "jenis_pegawai",
    "tanggal_lahir",
    "status_kawin",
    "alamat",
    "golongan_id",
    "golongan__code",
    "tmt_golongan",
    "pendidikan",
    "jenis_jabatan",
    "jabatan",
    "jabatan_fungsional_id",
    "jabatan_fungsional__code",
    "jabatan_fungsional__name",
    "jenjang",
    "eselon",
    "tmt_jabatan",
    "tmt_pns",
    "tmt_cpns",
)


def _grouped(rows: Iterable[tuple], shape) -> dict[int, Many]:
    by: dict[int, Many] = defaultdict(Many)
    make = shape._make
    for row in rows:
        by[row[0]].append(make(row[1:]))
    return by


_NONE = Many()


def _skp(ids, skp_from: int | None):
    """The SKP rows that say something: a row with neither predikat nor score is a missing
    SKP (the rules then say "belum ada"), not an input error."""
    rows = RiwayatSkp.objects.filter(pegawai__in=ids).filter(Q(nilai__isnull=False) | ~Q(predikat=""))
    return rows if skp_from is None else rows.filter(tahun__gte=skp_from)


def load_records(
    pegawai: QuerySet[Pegawai],
    *,
    skp_from: int | None = None,
    golongan_history: bool = False,
    family: bool = False,
) -> list[Record]:
    """Every employee of ``pegawai`` with the histories the rules read, one query per table.

    Only what a list needs is read: the SKP from ``skp_from`` on (all without it), the
    leadership courses (the only ones a rule reads), the golongan history for the KGB and the
    family for the PPO only when asked."""
    ids = pegawai.values("pk")
    skp_rows = _skp(ids, skp_from)
    skp = _grouped(skp_rows.values_list("pegawai_id", "tahun", "predikat", "nilai"), Skp)
    hukdis = _grouped(
        RiwayatHukdis.objects.filter(pegawai__in=ids).values_list(
            "pegawai_id", "tingkat", "jenis", "tmt", "tmt_selesai"
        ),
        Hukdis,
    )
    diklat = _grouped(
        RiwayatDiklat.objects.filter(pegawai__in=ids, jenis="kepemimpinan").values_list(
            "pegawai_id", "jenis", "nama"
        ),
        Diklat,
    )
    ujian = _grouped(
        SertifikatUjian.objects.filter(pegawai__in=ids).values_list("pegawai_id", "jenis"), Ujian
    )
    ak = _grouped(
        RiwayatAngkaKredit.objects.filter(pegawai__in=ids, pegawai__jenis_jabatan="fungsional")
        .order_by("pegawai_id", "tahun", "pk")
        .values_list("pegawai_id", "tahun", "kumulatif"),
        AngkaKredit,
    )
    golongan = (
        _grouped(
            RiwayatGolongan.objects.filter(pegawai__in=ids)
            .order_by("pegawai_id", "tmt", "pk")
            .values_list("pegawai_id", "tmt", "mk_tahun", "mk_bulan", "golongan__code"),
            GolonganRow,
        )
        if golongan_history
        else {}
    )
    keluarga = (
        _grouped(
            Keluarga.objects.filter(pegawai__in=ids).values_list("pegawai_id", "hubungan", "masih_hidup"),
            Family,
        )
        if family
        else {}
    )
    records = []
    jfs: dict[int, Ref] = {}
    golongans: dict[str, Ref] = {}
    for (
        pk,
        nip,
        nama,
        _gd,
        _gb,
        opd_id,
        opd_name,
        unit_id,
        status,
        jenis_pegawai,
        tanggal_lahir,
        status_kawin,
        alamat,
        golongan_id,
        code,
        tmt_golongan,
        pendidikan,
        jenis_jabatan,
        jabatan,
        jf_id,
        jf_code,
        jf_name,
        jenjang,
        eselon,
        tmt_jabatan,
        tmt_pns,
        tmt_cpns,
    ) in pegawai.order_by("pk").values_list(*_PEGAWAI_FIELDS):
        jf = None
        if jf_id:
            jf = jfs.get(jf_id) or jfs.setdefault(jf_id, Ref(code=jf_code, name=jf_name))
        records.append(
            Record(
                pk=pk,
                nip=nip,
                nama=nama,
                opd_id=opd_id,
                opd_name=opd_name or "",
                unit_id=unit_id,
                status=status,
                jenis_pegawai=jenis_pegawai,
                tanggal_lahir=tanggal_lahir,
                status_kawin=status_kawin,
                alamat=alamat,
                golongan_id=golongan_id,
                golongan=(golongans.get(code) or golongans.setdefault(code, Ref(code=code)))
                if code
                else None,
                tmt_golongan=tmt_golongan,
                pendidikan=pendidikan,
                jenis_jabatan=jenis_jabatan,
                jabatan=jabatan,
                jabatan_fungsional=jf,
                jenjang=jenjang,
                eselon=eselon,
                tmt_jabatan=tmt_jabatan,
                tmt_pns=tmt_pns,
                tmt_cpns=tmt_cpns,
                riwayat_skp=skp.get(pk, _NONE),
                riwayat_hukdis=hukdis.get(pk, _NONE),
                riwayat_diklat=diklat.get(pk, _NONE),
                sertifikat_ujian=ujian.get(pk, _NONE),
                riwayat_angka_kredit=ak.get(pk, _NONE),
                riwayat_golongan=golongan.get(pk, _NONE),
                keluarga=keluarga.get(pk, _NONE),
            )
        )
    return records


def load_rows(pegawai: QuerySet[Pegawai], *, skp_from: int | None = None) -> int:
    """The same queries as :func:`load_records` for the KP list, rows fetched and dropped: the
    cost of reading the input itself (the KP benchmark's baseline)."""
    ids = pegawai.values("pk")
    skp_rows = _skp(ids, skp_from)
    queries = [
        skp_rows.values_list("pegawai_id", "tahun", "predikat", "nilai"),
        RiwayatHukdis.objects.filter(pegawai__in=ids).values_list(
            "pegawai_id", "tingkat", "jenis", "tmt", "tmt_selesai"
        ),
        RiwayatDiklat.objects.filter(pegawai__in=ids, jenis="kepemimpinan").values_list(
            "pegawai_id", "jenis", "nama"
        ),
        SertifikatUjian.objects.filter(pegawai__in=ids).values_list("pegawai_id", "jenis"),
        RiwayatAngkaKredit.objects.filter(pegawai__in=ids, pegawai__jenis_jabatan="fungsional")
        .order_by("pegawai_id", "tahun", "pk")
        .values_list("pegawai_id", "tahun", "kumulatif"),
        pegawai.order_by("pk").values_list(*_PEGAWAI_FIELDS),
    ]
    return sum(len(list(q)) for q in queries)


def active_pns(pegawai: QuerySet[Pegawai]) -> QuerySet[Pegawai]:
    """The employees the KP, KGB and pension lists are about: PNS in active service, or on
    CLTN/suspension (their KP is refused with that reason, which the list must show)."""
    return pegawai.filter(
        jenis_pegawai=Pegawai.Jenis.PNS,
        status__in=[
            Pegawai.Status.AKTIF,
            Pegawai.Status.CLTN,
            Pegawai.Status.DIBERHENTIKAN_SEMENTARA,
            Pegawai.Status.TUGAS_BELAJAR,
        ],
    )
