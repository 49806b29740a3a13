"""Background work of the KP list (django.tasks; the worker is ``make worker``)."""

from __future__ import annotations

from datetime import date

from django.tasks import task


@task
def refresh_kp_candidates(period: str, pegawai_ids: list[int] | None = None) -> int:
    """Recompute the KP list of ``period`` (ISO date), for ``pegawai_ids`` or everyone."""
    from kpo.periods.actions import do_compute_kp_list

    return do_compute_kp_list(date.fromisoformat(period), actor=None, pegawai_ids=pegawai_ids)
