"""Importing the national values (the only write of this capability)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from accounts.roles import Capability
from core.audit import record
from core.permissions import user_can
from ipasn.models import NationalScore
from ipasn.scores.queries import measured_pegawai, pegawai_in_scope

_VALUES = ("kualifikasi", "kompetensi", "kinerja", "disiplin", "total")


@transaction.atomic
def do_import_national_scores(rows: list[dict], *, year: int, actor, source: str = "CSV") -> dict:
    """Store the national values of ``year`` for the employees in the actor's scope (others
    are counted as unknown, never written); one audit row with the counts and the source
    (the uploaded CSV, or SIASN when a pull fetched them).

    ``actor`` None is the system (a pull started from the command line or by the worker
    for nobody in particular): every measured employee is in its scope."""
    if actor is not None and not user_can(actor, Capability.IMPORT_PEGAWAI):
        raise PermissionDenied
    employees = measured_pegawai() if actor is None else pegawai_in_scope(actor)
    ids = dict(employees.filter(nip__in=[r["nip"] for r in rows]).values_list("nip", "pk"))
    now = timezone.now()
    known = [r for r in rows if r["nip"] in ids]
    NationalScore.objects.bulk_create(
        [
            NationalScore(
                pegawai_id=ids[r["nip"]],
                year=year,
                imported_at=now,
                imported_by=actor,
                **{k: r[k] for k in _VALUES},
            )
            for r in known
        ],
        update_conflicts=True,
        unique_fields=["pegawai", "year"],
        update_fields=[*_VALUES, "imported_at", "imported_by"],
    )
    counts = {
        "tahun": year,
        "diimpor": len(known),
        "tidak_dikenal": len(rows) - len(known),
        "sumber": source,
    }
    record(
        actor=actor,
        event="ipasn.nasional_diimpor",
        object_type="ipasn.nationalscore",
        object_id=year,
        after=counts,
    )
    return counts
