"""Employees without any data-quality finding, for the data-quality tests.

A factory employee (people/tests/factories.py) lacks last year's SKP and the scans of the
decrees of their current rank and position; these helpers add them through the actions,
so each test can then break exactly one thing.
"""

from __future__ import annotations

import datetime as dt

from conftest import make_pdf
from core.documents import do_attach_document
from people.models import Golongan, RiwayatGolongan, RiwayatSkp
from people.records.actions import do_add_riwayat
from people.tests.factories import make_pegawai


def attach_scan(row, kind: str) -> None:
    do_attach_document(row, make_pdf("sk.pdf"), kind=kind, actor=None)


def clean_pegawai(opd, *, today: dt.date, skp: bool = True, scans: bool = True, **kwargs):
    """A factory employee with last year's SKP and the scans of their current SKs."""
    pegawai = make_pegawai(opd, **kwargs)
    if skp:
        do_add_riwayat(pegawai, RiwayatSkp, actor=None, tahun=today.year - 1, predikat="baik")
    if scans:
        attach_scan(pegawai.riwayat_golongan.get(), "sk_pangkat")
        attach_scan(pegawai.riwayat_jabatan.get(), "sk_jabatan")
    return pegawai


def add_golongan(pegawai, code: str, tmt: dt.date, jenis_kp: str, *, scan: bool = True):
    """A rank step through the action, with its SK scan unless told otherwise."""
    row = do_add_riwayat(
        pegawai,
        RiwayatGolongan,
        actor=None,
        golongan=Golongan.objects.get(code=code),
        tmt=tmt,
        jenis_kp=jenis_kp,
    )
    if scan:
        attach_scan(row, "sk_pangkat")
    return row
