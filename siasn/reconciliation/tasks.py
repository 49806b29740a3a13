"""Background tasks of the SIASN reconciliation (django.tasks; the worker is ``make worker``)."""

from __future__ import annotations

from django.tasks import task


@task
def run_siasn_pull(pull_id: int) -> None:
    """Fetch a pull run's employees from SIASN, resuming where an earlier attempt stopped."""
    from siasn.reconciliation.actions import run_siasn_pull as run

    run(pull_id)
