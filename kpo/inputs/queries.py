"""The master data every KPO list reads, loaded as plain rows in a fixed number of queries.

One query per table (the employees, then each history filtered by the same employees) and
no model instances: the whole province (10k employees and their histories) loads in a
fraction of a second, which the KP list's refresh and its benchmark depend on.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import QuerySet

from kpo.inputs.rules import Many, Record, Ref
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


def _grouped(rows: Iterable[tuple]) -> dict[int, list[tuple]]:
    by: dict[int, list[tuple]] = defaultdict(list)
    for row in rows:
        by[row[0]].append(row[1:])
    return by


def load_records(pegawai: QuerySet[Pegawai]) -> list[Record]:
    """Every employee of ``pegawai`` with the histories the rules read (8 queries)."""
    ids = pegawai.values("pk")
    skp = _grouped(
        RiwayatSkp.objects.filter(pegawai__in=ids).values_list("pegawai_id", "tahun", "predikat", "nilai")
    )
    hukdis = _grouped(
        RiwayatHukdis.objects.filter(pegawai__in=ids).values_list(
            "pegawai_id", "tingkat", "jenis", "tmt", "tmt_selesai"
        )
    )
    diklat = _grouped(
        RiwayatDiklat.objects.filter(pegawai__in=ids).values_list("pegawai_id", "jenis", "nama")
    )
    ujian = _grouped(SertifikatUjian.objects.filter(pegawai__in=ids).values_list("pegawai_id", "jenis"))
    ak = _grouped(
        RiwayatAngkaKredit.objects.filter(pegawai__in=ids)
        .order_by("pegawai_id", "tahun", "pk")
        .values_list("pegawai_id", "tahun", "kumulatif")
    )
    golongan = _grouped(
        RiwayatGolongan.objects.filter(pegawai__in=ids)
        .order_by("pegawai_id", "tmt", "pk")
        .values_list("pegawai_id", "tmt", "mk_tahun", "mk_bulan", "golongan__code")
    )
    keluarga = _grouped(
        Keluarga.objects.filter(pegawai__in=ids).values_list("pegawai_id", "hubungan", "masih_hidup")
    )
    records = []
    for row in pegawai.order_by("pk").values_list(*_PEGAWAI_FIELDS):
        values = dict(zip(_PEGAWAI_FIELDS, row, strict=True))
        pk = values["pk"]
        jf = (
            Ref(code=values["jabatan_fungsional__code"], name=values["jabatan_fungsional__name"])
            if values["jabatan_fungsional_id"]
            else None
        )
        records.append(
            Record(
                pk=pk,
                nip=values["nip"],
                nama=values["nama"],
                opd_id=values["opd_id"],
                opd_name=values["opd__name"] or "",
                status=values["status"],
                jenis_pegawai=values["jenis_pegawai"],
                tanggal_lahir=values["tanggal_lahir"],
                status_kawin=values["status_kawin"],
                alamat=values["alamat"],
                golongan_id=values["golongan_id"],
                golongan=Ref(code=values["golongan__code"]) if values["golongan_id"] else None,
                tmt_golongan=values["tmt_golongan"],
                pendidikan=values["pendidikan"],
                jenis_jabatan=values["jenis_jabatan"],
                jabatan=values["jabatan"],
                jabatan_fungsional=jf,
                jenjang=values["jenjang"],
                eselon=values["eselon"],
                tmt_jabatan=values["tmt_jabatan"],
                tmt_pns=values["tmt_pns"],
                tmt_cpns=values["tmt_cpns"],
                riwayat_skp=Many(Ref(tahun=t, predikat=p, nilai=n) for t, p, n in skp.get(pk, ())),
                riwayat_hukdis=Many(
                    Ref(tingkat=t, jenis=j, tmt=s, tmt_selesai=e) for t, j, s, e in hukdis.get(pk, ())
                ),
                riwayat_diklat=Many(Ref(jenis=j, nama=n) for j, n in diklat.get(pk, ())),
                sertifikat_ujian=Many(Ref(jenis=j) for (j,) in ujian.get(pk, ())),
                riwayat_angka_kredit=Many(Ref(tahun=t, kumulatif=k) for t, k in ak.get(pk, ())),
                riwayat_golongan=Many(
                    Ref(tmt=t, mk_tahun=y, mk_bulan=m, golongan_code=g) for t, y, m, g in golongan.get(pk, ())
                ),
                keluarga=Many(Ref(hubungan=h, masih_hidup=alive) for h, alive in keluarga.get(pk, ())),
            )
        )
    return records


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
