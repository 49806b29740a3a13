"""Hand-built employees for the IP-ASN tests, through people's own actions."""

from __future__ import annotations

import datetime as dt

from people.models import JenisJabatan, RiwayatDiklat, RiwayatHukdis, RiwayatJabatan, RiwayatSkp
from people.records.actions import do_add_riwayat
from people.tests.factories import make_pegawai

YEAR = 2026


def employee(opd, *, pendidikan="S1", jenis_jabatan=JenisJabatan.PELAKSANA, eselon="", **extra):
    pegawai = make_pegawai(opd, pendidikan=pendidikan, jenis_jabatan=jenis_jabatan, **extra)
    if eselon:
        # The post comes from the position history (people keeps the summary in step with it).
        do_add_riwayat(
            pegawai,
            RiwayatJabatan,
            actor=None,
            jenis=jenis_jabatan,
            nama="Kepala",
            eselon=eselon,
            opd=opd,
            tmt=dt.date(2020, 1, 2),
        )
        pegawai.refresh_from_db()
    return pegawai


def training(pegawai, jenis, *, tahun=YEAR, jam=0, nama="Pelatihan"):
    return do_add_riwayat(pegawai, RiwayatDiklat, actor=None, jenis=jenis, nama=nama, tahun=tahun, jam=jam)


def skp(pegawai, *, tahun=YEAR - 1, nilai=None, predikat=""):
    return do_add_riwayat(pegawai, RiwayatSkp, actor=None, tahun=tahun, nilai=nilai, predikat=predikat)


def hukdis(pegawai, tingkat, *, year):
    return do_add_riwayat(
        pegawai, RiwayatHukdis, actor=None, tingkat=tingkat, jenis="teguran_tertulis", tmt=dt.date(year, 3, 1)
    )
