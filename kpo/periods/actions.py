"""Writing the KP list: computing a period, and following changes of its inputs.

Staleness: every committed write announces what it touched (core.audit.recorded). A change to
an employee or one of their histories marks that employee's rows stale at once, in the same
request, and enqueues a recomputation of just those employees (kpo.periods.tasks). The list
page shows when it was computed and how many rows wait for recomputation, so a reader never
takes an old verdict for a current one.
"""

from __future__ import annotations

from datetime import date

from django.db import connection, transaction
from django.utils import timezone

from core.audit import Recorded, record
from kpo.inputs.queries import active_pns, load_records
from kpo.models import KpCandidate, KpList
from kpo.periods.rules import evaluate
from people.models import Pegawai
from regulations.promotion import DEFAULT_KP_CONFIG, is_kp_period
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
    if pegawai_ids is not None:
        pegawai_ids = sorted(set(pegawai_ids))
    fresh: dict[int, tuple] = {}
    for r in load_records(pegawai, skp_from=period.year - DEFAULT_KP_CONFIG.appraisal_years):
        c = evaluate(r, period)
        if c is not None:
            reasons = [x.as_dict() for x in c.reasons]
            fresh[r.pk] = (
                r.opd_id,
                r.nip,
                r.nama,
                r.jabatan[:200],
                c.golongan,
                c.golongan_baru,
                c.jenis,
                c.eligible,
                reasons,
            )
    now = timezone.now()
    with transaction.atomic():
        stored = KpCandidate.objects.filter(period=period)
        if pegawai_ids is not None:
            stored = stored.filter(pegawai_id__in=pegawai_ids)
        # Only rows whose verdict changed are rewritten; KpList keeps the time of the whole
        # computation. A province's list changes by a few rows between runs, and writing 10k
        # rows again would cost more than computing them.
        outdated, kept = [], set()
        for pk, pegawai_id, *values in stored.values_list("pk", "pegawai_id", *_COMPARED).iterator(
            chunk_size=5000
        ):
            if tuple(values) == fresh.get(pegawai_id):
                kept.add(pegawai_id)
            else:
                outdated.append(pk)
        for start in range(0, len(outdated), _BATCH):
            KpCandidate.objects.filter(pk__in=outdated[start : start + _BATCH]).delete()
        stored.filter(stale=True).update(stale=False)
        _insert(period, now, [(pid, *values) for pid, values in fresh.items() if pid not in kept])
        if pegawai_ids is None:
            KpList.objects.update_or_create(
                period=period,
                defaults={
                    "computed_at": now,
                    "due": len(fresh),
                    "eligible": sum(1 for v in fresh.values() if v[7]),
                },
            )
        record(
            actor=actor,
            event="kpo.kp_list_computed",
            object_type="kpo.kplist",
            object_id=period.isoformat(),
            object_repr=f"Daftar KP {period.isoformat()}",
            after={
                "period": period.isoformat(),
                "due": len(fresh),
                "eligible": sum(1 for v in fresh.values() if v[7]),
                "rewritten": len(fresh) - len(kept),
                "scope": "all" if pegawai_ids is None else len(pegawai_ids),
            },
        )
    return len(fresh)


# The stored values a recomputation compares, in the order of the tuples built above.
_COMPARED = ("opd_id", "nip", "nama", "jabatan", "golongan", "golongan_baru", "jenis", "eligible", "reasons")
_COLUMNS = ("period", "computed_at", "stale", "pegawai_id", *_COMPARED)
# SQLite allows 32,766 parameters in one statement: 13 columns × 2,000 rows stays below it.
_BATCH = 2000


def _insert(period: date, now, rows: list[tuple]) -> None:
    """One multi-row INSERT per batch. bulk_create prepares every field of every object in
    Python, which alone took longer than the whole computation may (docs/kpo.md, benchmark);
    here only the JSON is prepared per row."""
    ops = connection.ops
    head = (ops.adapt_datefield_value(period), ops.adapt_datetimefield_value(now), False)
    prep_json = KpCandidate._meta.get_field("reasons").get_db_prep_save
    table = ops.quote_name(KpCandidate._meta.db_table)
    columns = ", ".join(ops.quote_name(c) for c in _COLUMNS)
    placeholders = "(" + ", ".join(["%s"] * len(_COLUMNS)) + ")"
    with connection.cursor() as cursor:
        for start in range(0, len(rows), _BATCH):
            batch = rows[start : start + _BATCH]
            sql = f"INSERT INTO {table} ({columns}) VALUES " + ", ".join([placeholders] * len(batch))
            params = []
            for row in batch:
                params += (*head, *row[:-1], prep_json(row[-1], connection))
            cursor.execute(sql, params)


# The catalogue service each KP route is proposed through (layanan/content/services/).
SERVICE_FOR = {"reguler": "kp-reguler", "fungsional": "kp-pilihan", "struktural": "kp-pilihan"}


def _open_requests(service_ids, pegawai_ids) -> set[tuple[int, int]]:
    from layanan.models import Request

    finished = (Request.Status.DONE, Request.Status.REJECTED)
    return set(
        Request.objects.filter(service_id__in=service_ids, pegawai_id__in=pegawai_ids)
        .exclude(status__in=finished)
        .values_list("service_id", "pegawai_id")
    )


def do_create_requests(pegawai_services: list[tuple[int, str]], *, actor, event: str, note: dict) -> dict:
    """Draft requests through layanan's own action, one per (employee, service slug), skipping
    employees who already have an open request for that service. Each draft then goes its
    service's way: the Operator OPD completes the documents and submits it into the chain.
    Returns {"created": n, "skipped": n, "refused": n}; one audit row of its own besides the
    rows layanan writes for each request."""
    from django.core.exceptions import PermissionDenied

    from layanan.models import Service
    from layanan.requests.actions import RequestError, do_create_request

    services = {s.slug: s for s in Service.objects.filter(slug__in={slug for _p, slug in pegawai_services})}
    ids = [p for p, _slug in pegawai_services]
    pegawai = Pegawai.objects.select_related("opd").in_bulk(ids)
    existing = _open_requests([s.pk for s in services.values()], ids)
    counts = {"created": 0, "skipped": 0, "refused": 0}
    numbers = []
    with transaction.atomic():
        for pegawai_id, slug in pegawai_services:
            service = services.get(slug)
            if service is None or (service.pk, pegawai_id) in existing:
                counts["skipped"] += 1
                continue
            try:
                with transaction.atomic():
                    numbers.append(do_create_request(service, pegawai[pegawai_id], actor=actor).number)
            except (PermissionDenied, RequestError):
                counts["refused"] += 1
                continue
            counts["created"] += 1
        record(
            actor=actor,
            event=event,
            object_type="kpo.bulkrequest",
            object_repr=event,
            after={**note, **counts, "numbers": numbers[:50]},
        )
    return counts


def do_create_kp_requests(period: date, candidates, *, actor) -> dict:
    """Draft KP requests for the eligible ``candidates`` (KpCandidate rows of ``period``)."""
    pairs = [(c.pegawai_id, SERVICE_FOR[c.jenis]) for c in candidates if c.eligible and not c.stale]
    return do_create_requests(
        pairs, actor=actor, event="kpo.kp_requests_created", note={"period": period.isoformat()}
    )


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
    periods = list(KpList.objects.values_list("period", flat=True))
    if not periods:
        return
    ids = _pegawai_ids(change)
    if not ids:
        return
    KpCandidate.objects.filter(pegawai_id__in=ids).update(stale=True)
    from kpo.periods.tasks import refresh_kp_candidates

    for period in periods:
        refresh_kp_candidates.enqueue(period.isoformat(), sorted(ids))
