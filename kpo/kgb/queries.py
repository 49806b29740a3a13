"""The KGB list of a month, scoped to the user's OPDs."""

from __future__ import annotations

from django.db.models import Q

from kpo.inputs.queries import active_pns, load_records
from kpo.kgb.rules import KgbRow, due_in_month
from people.models import Pegawai
from people.records.queries import pegawai_for_user


def kgb_rows(pegawai, year: int, month: int, *, opd: int | None = None, search: str = "") -> list[KgbRow]:
    pegawai = active_pns(pegawai)
    if opd:
        pegawai = pegawai.filter(opd_id=opd)
    if search:
        pegawai = pegawai.filter(Q(nama__icontains=search) | Q(nip__startswith=search.replace(" ", "")))
    return due_in_month(load_records(pegawai, skp_from=year - 1, golongan_history=True), year, month)


def kgb_for_user(user, year: int, month: int, **filters) -> list[KgbRow]:
    return kgb_rows(pegawai_for_user(user), year, month, **filters)


def kgb_all(year: int, month: int) -> list[KgbRow]:
    return kgb_rows(Pegawai.objects.all(), year, month)
