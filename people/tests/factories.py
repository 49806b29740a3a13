"""Synthetic employees for tests, built through the people actions.

NIPs and NIKs are generated from the person's own birth date, gender and CPNS date, so
they are valid and consistent, and never a real person's.
"""

from __future__ import annotations

import datetime as dt
import itertools

from people.models import Golongan, JenisJabatan, RiwayatGolongan, RiwayatJabatan, RiwayatPendidikan
from people.records.actions import do_add_riwayat, do_create_pegawai
from regulations.identity import make_nik, make_nip

_sequence = itertools.count(1)


def make_pegawai(
    opd,
    *,
    nama: str = "Pegawai Uji",
    birth: dt.date = dt.date(1985, 5, 17),
    gender: str = "L",
    golongan: str = "III/a",
    pendidikan: str = "S1",
    jabatan: str = "Analis Kepegawaian",
    jenis_jabatan: str = JenisJabatan.PELAKSANA,
    cpns: dt.date = dt.date(2010, 3, 1),
    actor=None,
    **extra,
):
    seq = next(_sequence)
    pegawai = do_create_pegawai(
        actor=actor,
        nip=make_nip(
            birth, cpns.year, cpns.month, gender, (seq - 1) % 999 + 1
        ),  # 1–999, never repeating within 999
        nik=make_nik("61", "71", "01", birth, gender, (seq - 1) % 9999 + 1),
        nama=nama,
        tanggal_lahir=birth,
        jenis_kelamin=gender,
        tmt_cpns=cpns,
        opd=opd,
        **extra,
    )
    do_add_riwayat(pegawai, RiwayatPendidikan, actor=actor, tingkat=pendidikan, tahun_lulus=cpns.year - 1)
    do_add_riwayat(
        pegawai,
        RiwayatGolongan,
        actor=actor,
        golongan=Golongan.objects.get(code=golongan),
        tmt=cpns,
        jenis_kp=RiwayatGolongan.JenisKp.AWAL,
    )
    do_add_riwayat(pegawai, RiwayatJabatan, actor=actor, jenis=jenis_jabatan, nama=jabatan, opd=opd, tmt=cpns)
    pegawai.refresh_from_db()
    return pegawai
