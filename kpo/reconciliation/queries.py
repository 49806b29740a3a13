"""The reconciliation worklists, scoped to the user: every employee due at a KP period, and
everyone reaching the BUP in a PPO window, with their items."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from kpo.inputs.queries import load_records
from kpo.models import KpCandidate
from kpo.pension.queries import ppo_for_user
from kpo.reconciliation.rules import (
    ESELON_ORDER,
    Official,
    atasan_item,
    kp_items,
    open_items,
    pension_items,
    siasn_item,
    superior_of,
)
from org.models import UnitKerja
from org.units.queries import opds_for_user
from people.models import JenisJabatan, Pegawai
from siasn.models import SiasnDifference
from siasn.reconciliation.queries import field_label


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


def siasn_labels(pegawai_ids) -> dict[int, list[str]]:
    """The fields of each employee's open differences with SIASN, in one query."""
    labels: dict[int, list[str]] = defaultdict(list)
    open_ones = SiasnDifference.objects.filter(pegawai__in=pegawai_ids, status=SiasnDifference.Status.TERBUKA)
    for d in open_ones.only("pegawai_id", "field").order_by("pegawai_id", "field"):
        label = str(field_label(d))
        if label not in labels[d.pegawai_id]:
            labels[d.pegawai_id].append(label)
    return labels


def superiors(records) -> dict[int, Official | None]:
    """Each record's direct superior from the unit tree (kpo.reconciliation.rules.superior_of):
    two queries for all of them, the structural officials and the units of their OPDs."""
    opd_ids = {r.opd_id for r in records}
    by_unit: dict[int, list[Official]] = defaultdict(list)
    heads: dict[int, list[Official]] = defaultdict(list)
    officials = Pegawai.objects.filter(
        opd_id__in=opd_ids,
        jenis_jabatan=JenisJabatan.STRUKTURAL,
        eselon__in=ESELON_ORDER,
        status=Pegawai.Status.AKTIF,
    ).values_list("pk", "nama", "eselon", "opd_id", "unit_id", "golongan__code")
    for row in officials:
        o = Official(*row[:5], row[5] or "")
        if o.unit_id is not None:
            by_unit[o.unit_id].append(o)
        if o.unit_id is None or o.eselon[:2] in {"I.", "II"}:
            heads[o.opd_id].append(o)
    parents = dict(UnitKerja.objects.filter(opd_id__in=opd_ids).values_list("pk", "parent_id"))
    return {r.pk: superior_of(r, by_unit, heads, parents) for r in records}


def worklist(pegawai_ids, period: date, *, opd: int | None = None) -> list[WorkRow]:
    pegawai = Pegawai.objects.filter(pk__in=pegawai_ids)
    if opd:
        pegawai = pegawai.filter(opd_id=opd)
    records = load_records(pegawai, skp_from=period.year - 2, golongan_history=True)
    above = superiors(records)
    differences = siasn_labels(pegawai.values("pk"))
    rows = []
    for r in records:
        items = kp_items(
            r, period, atasan=atasan_item(r, above[r.pk]), siasn=siasn_item(differences.get(r.pk, []))
        )
        rows.append(WorkRow(r, items, open_items(items)))
    rows.sort(key=lambda w: (w.done, w.record.opd_name, w.record.nama, w.record.pk))
    return rows


def pension_worklist_for_user(user, start: date, end: date, *, opd: int | None = None) -> list[WorkRow]:
    """Everyone in the user's scope reaching the BUP in [start, end], with the PPO items."""
    ppo = ppo_for_user(user, start, end, opd=opd)
    differences = siasn_labels([row.record.pk for row in ppo])
    rows = []
    for row in ppo:
        items = pension_items(row.record, siasn=siasn_item(differences.get(row.record.pk, [])))
        rows.append(WorkRow(row.record, items, open_items(items)))
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
