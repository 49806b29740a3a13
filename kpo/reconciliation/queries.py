"""The reconciliation worklist of a period: every due employee's items, scoped to the user."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from kpo.inputs.queries import load_records
from kpo.models import KpCandidate
from kpo.reconciliation.rules import kp_items, open_items
from org.units.queries import opds_for_user
from people.models import Pegawai


@dataclass(frozen=True)
class WorkRow:
    record: object
    items: tuple
    open: list

    @property
    def done(self) -> bool:
        return not self.open


@dataclass(frozen=True)
class OpdProgress:
    opd_id: int
    name: str
    employees: int
    complete: int
    open_items: int

    @property
    def percent(self) -> int:
        return round(100 * self.complete / self.employees) if self.employees else 100


def worklist(pegawai_ids, period: date, *, opd: int | None = None) -> list[WorkRow]:
    pegawai = Pegawai.objects.filter(pk__in=pegawai_ids)
    if opd:
        pegawai = pegawai.filter(opd_id=opd)
    rows = []
    for r in load_records(pegawai, skp_from=period.year - 2, golongan_history=True):
        items = kp_items(r, period)
        rows.append(WorkRow(r, items, open_items(items)))
    rows.sort(key=lambda w: (w.done, w.record.opd_name, w.record.nama, w.record.pk))
    return rows


def due_ids_for_user(user, period: date):
    return KpCandidate.objects.filter(period=period, opd__in=opds_for_user(user).values("pk")).values(
        "pegawai_id"
    )


def worklist_for_user(
    user, period: date, *, opd: int | None = None, only_open: bool = False
) -> list[WorkRow]:
    rows = worklist(due_ids_for_user(user, period), period, opd=opd)
    return [w for w in rows if w.open] if only_open else rows


def progress(rows: list[WorkRow]) -> list[OpdProgress]:
    by: dict[int, list[WorkRow]] = defaultdict(list)
    for w in rows:
        by[w.record.opd_id].append(w)
    return sorted(
        (
            OpdProgress(
                opd_id,
                group[0].record.opd_name,
                len(group),
                sum(1 for w in group if w.done),
                sum(len(w.open) for w in group),
            )
            for opd_id, group in by.items()
        ),
        key=lambda p: (p.percent, p.name),
    )
