"""Background work of the KGB list (django.tasks; the worker is ``make worker``)."""

from __future__ import annotations

from django.tasks import task


@task
def issue_sk_kgb_month(year: int, month: int, actor_id: int, opd_ids: list[int] | None = None) -> dict:
    """Issue every missing SK KGB of the month (kpo.kgb.actions.do_issue_sk_kgb_month)."""
    from accounts.models import User
    from kpo.kgb.actions import do_issue_sk_kgb_month

    actor = User.objects.get(pk=actor_id)
    return do_issue_sk_kgb_month(year, month, actor=actor, opd_ids=opd_ids)
