"""Employees for the KPO tests, built through people's actions (so every write is audited
and announced like in production)."""

from __future__ import annotations

import datetime as dt

PERIOD = dt.date(2026, 4, 1)


def due_pegawai(
    opd,
    *,
    nama: str,
    skp_years=(2024, 2025),
    predikat: str = "baik",
    golongan: str = "III/a",
    actor=None,
    **extra,
):
    """A pelaksana (III/a unless told) since 1 April 2022: four years in rank on the April 2026 period."""
    from people.models import RiwayatSkp
    from people.records.actions import do_add_riwayat
    from people.tests.factories import make_pegawai

    pegawai = make_pegawai(opd, nama=nama, cpns=dt.date(2022, 4, 1), golongan=golongan, actor=actor, **extra)
    for year in skp_years:
        do_add_riwayat(pegawai, RiwayatSkp, actor=actor, tahun=year, predikat=predikat)
    return pegawai


def not_due_pegawai(opd, *, nama: str):
    from people.tests.factories import make_pegawai

    return make_pegawai(opd, nama=nama, cpns=dt.date(2024, 4, 1), golongan="III/a")


def computed(period=PERIOD):
    from kpo.periods.actions import do_compute_kp_list

    return do_compute_kp_list(period, actor=None)
