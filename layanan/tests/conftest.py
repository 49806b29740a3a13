"""Fixtures of the layanan tests: the officials of the disposition chain, a service, an
employee whose master data passes the usual eligibility rules (PDF uploads: the root
conftest's ``pdf``/``make_pdf``).

Everything is built through the application's own actions, like the shared cast.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest


@pytest.fixture(autouse=True)
def _documents_in_tmp(private_media):
    """Uploaded scans go under the test's own directory, never into var/."""


@pytest.fixture
def chain(cast):
    """One user per role of the default chain. BKD staff belong to the BKD OPD (the cast's
    unit_pengolah's), as build_cast does; the Kepala Badan and Unit Pengolah are the cast's."""
    from accounts.roles import Role
    from accounts.users.actions import do_create_user
    from conftest import PASSWORD

    bkd = cast.unit_pengolah.opd

    def user(username, name, role):
        return do_create_user(
            username=username,
            name=name,
            password=PASSWORD,
            roles=[role],
            opd=bkd,
            email=f"{username}@bkd.test",
            actor=None,
        )

    return SimpleNamespace(
        petugas=user("petugas", "Petugas Administrasi BKD", Role.PETUGAS_ADMINISTRASI),
        kasubbag=user("kasubbag", "Kasubbag Umum BKD", Role.KASUBBAG_UMUM),
        sekretaris=user("sekretaris", "Sekretaris BKD", Role.SEKRETARIS),
        kepala_badan=cast.kepala_badan,
        kepala_bidang=user("kabid", "Kepala Bidang Mutasi BKD", Role.KEPALA_BIDANG),
        unit_pengolah=cast.unit_pengolah,
    )


@pytest.fixture
def izin_belajar(db):
    from layanan.models import Eligibility
    from layanan.tests.factories import make_service

    return make_service(
        "izin-belajar",
        "Izin Belajar",
        duration=3,
        eligibility=Eligibility.IZIN_BELAJAR,
        requirements=(
            "Surat permohonan izin belajar",
            "Surat keterangan diterima dari perguruan tinggi",
            "Fotokopi SK pangkat terakhir",
        ),
    )


def give_good_record(pegawai, *, until_year: int | None = None, actor=None) -> None:
    """Rank history III/a (2010) → III/b (2014) → III/c (2018) and SKP "Baik" for every
    year from 2014 up to ``until_year`` (default: this year), no discipline penalty."""
    from people.models import Golongan, RiwayatGolongan, RiwayatSkp
    from people.records.actions import do_add_riwayat

    for code, tmt in (("III/b", dt.date(2014, 4, 1)), ("III/c", dt.date(2018, 4, 1))):
        do_add_riwayat(
            pegawai,
            RiwayatGolongan,
            actor=actor,
            golongan=Golongan.objects.get(code=code),
            tmt=tmt,
            jenis_kp=RiwayatGolongan.JenisKp.REGULER,
            nomor_sk=f"823.3/{tmt.year}/BKD",
            tanggal_sk=tmt - dt.timedelta(days=30),
        )
    for year in range(2014, (until_year or dt.date.today().year) + 1):
        do_add_riwayat(pegawai, RiwayatSkp, actor=actor, tahun=year, predikat="baik")
    pegawai.refresh_from_db()


@pytest.fixture
def pegawai_a_record(cast):
    """pegawai_a's own employee record (S-1, III/c since 2018, SKP Baik every year, no
    hukuman disiplin): eligible for izin belajar."""
    from people.tests.factories import make_pegawai

    pegawai = make_pegawai(
        cast.opd_a, nama="Siti Rahmawati", gender="P", user=cast.pegawai_a, tmt_pns=dt.date(2011, 3, 1)
    )
    give_good_record(pegawai)
    return pegawai
