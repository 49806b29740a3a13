"""Writing the KP list: computing a period, and following changes of its inputs.

Staleness: every committed write announces what it touched (core.audit.recorded). A change to
an employee or one of their histories marks that employee's rows stale at once, in the same
request, and enqueues a recomputation of just those employees (kpo.periods.tasks). The list
page shows when it was computed and how many rows wait for recomputation, so a reader never
takes an old verdict for a current one.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from core.audit import Recorded, record
from kpo.inputs.queries import active_pns, load_records
from kpo.models import KpCandidate
from kpo.periods.rules import evaluate
from people.models import Pegawai
from regulations.promotion import is_kp_period
from regulations.reasons import RuleInputError

# Audit object types whose rows belong to one employee (the pegawai_id column), and the
# employee itself; anything else never changes a KP verdict.
_HISTORY_MODELS = {
    "people.riwayatskp",
    "people.riwayathukdis",
    "people.riwayatgolongan",
    "people.riwayatjabatan",
    "people.riwayatpendidikan",
    "people.riwayatdiklat",
    "people.riwayatangkakredit",
    "people.sertifikatujian",
}


def do_compute_kp_list(period: date, *, actor, pegawai_ids=None) -> int:
    """(Re)compute the KP list of ``period`` for every active PNS, or only ``pegawai_ids``;
    returns the number of employees due. One transaction, one audit row."""
    if not is_kp_period(period):
        raise RuleInputError(f"{period.isoformat()} bukan periode KP.")
    pegawai = active_pns(Pegawai.objects.all())
    if pegawai_ids is not None:
        pegawai = pegawai.filter(pk__in=list(pegawai_ids))
    now = timezone.now()
    rows = []
    for r in load_records(pegawai):
        c = evaluate(r, period)
        if c is None:
            continue
        rows.append(
            KpCandidate(
                period=period,
                pegawai_id=r.pk,
                opd_id=r.opd_id,
                nip=r.nip,
                nama=r.nama,
                jabatan=r.jabatan[:200],
                golongan=c.golongan,
                golongan_baru=c.golongan_baru,
                jenis=c.jenis,
                eligible=c.eligible,
                reasons=[x.as_dict() for x in c.reasons],
                computed_at=now,
            )
        )
    with transaction.atomic():
        old = KpCandidate.objects.filter(period=period)
        if pegawai_ids is not None:
            old = old.filter(pegawai_id__in=list(pegawai_ids))
        removed, _ = old.delete()
        KpCandidate.objects.bulk_create(rows, batch_size=2000)
        record(
            actor=actor,
            event="kpo.kp_list_computed",
            object_type="kpo.kplist",
            object_id=period.isoformat(),
            object_repr=f"Daftar KP {period.isoformat()}",
            after={
                "period": period.isoformat(),
                "due": len(rows),
                "eligible": sum(1 for x in rows if x.eligible),
                "replaced": removed,
                "scope": "all" if pegawai_ids is None else len(list(pegawai_ids)),
            },
        )
    return len(rows)


def _pegawai_ids(change: Recorded) -> set[int]:
    ids = {int(i) for i in change.object_ids if str(i).isdigit()}
    if change.object_type == "people.pegawai":
        return ids
    if change.object_type in _HISTORY_MODELS:
        from django.apps import apps

        model = apps.get_model(change.object_type)
        return set(model.objects.filter(pk__in=ids).values_list("pegawai_id", flat=True))
    return set()


def on_recorded(sender, change: Recorded, **kwargs) -> None:
    """Mark the touched employees' rows stale and have them recomputed in the background."""
    if change.object_type != "people.pegawai" and change.object_type not in _HISTORY_MODELS:
        return
    # Every computed period: a change can make an employee newly due as well as not.
    periods = list(KpCandidate.objects.order_by("period").values_list("period", flat=True).distinct())
    if not periods:
        return
    ids = _pegawai_ids(change)
    if not ids:
        return
    KpCandidate.objects.filter(pegawai_id__in=ids).update(stale=True)
    from kpo.periods.tasks import refresh_kp_candidates

    for period in periods:
        refresh_kp_candidates.enqueue(period.isoformat(), sorted(ids))
