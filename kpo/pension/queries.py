"""The PPO list, scoped to the user's OPDs."""

from __future__ import annotations

from datetime import date

from kpo.inputs.queries import active_pns, load_records
from kpo.pension.rules import PpoRow, in_window
from people.models import Pegawai
from people.records.queries import pegawai_for_user

# The widest BUP is 65 and the narrowest 58: only those born in that span can fall in the window.
_OLDEST_BUP, _YOUNGEST_BUP = 65, 58


def _born_between(pegawai, start: date, end: date):
    earliest = date(start.year - _OLDEST_BUP - 1, 1, 1)
    latest = date(end.year - _YOUNGEST_BUP + 1, 12, 31)
    return pegawai.filter(tanggal_lahir__gte=earliest, tanggal_lahir__lte=latest)


def ppo_rows(pegawai, start: date, end: date, *, opd: int | None = None, search: str = "") -> list[PpoRow]:
    pegawai = _born_between(active_pns(pegawai), start, end)
    if opd:
        pegawai = pegawai.filter(opd_id=opd)
    if search:
        from django.db.models import Q

        pegawai = pegawai.filter(Q(nama__icontains=search) | Q(nip__startswith=search.replace(" ", "")))
    return in_window(load_records(pegawai, family=True), start, end)


def ppo_for_user(user, start: date, end: date, **filters) -> list[PpoRow]:
    return ppo_rows(pegawai_for_user(user), start, end, **filters)


def ppo_all(start: date, end: date) -> list[PpoRow]:
    """Every OPD's (the ppo_list command, run by the BKD's cron)."""
    return ppo_rows(Pegawai.objects.all(), start, end)
