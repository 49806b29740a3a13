"""Reminding the Operator OPD of open reconciliation items: only OPDs that have some."""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.roles import Role
from core.notifications.actions import do_notify
from kpo.models import KpCandidate
from kpo.reconciliation.queries import pension_worklist_for_user, progress, worklist
from kpo.reconciliation.rules import window, window_before


def do_send_reconciliation_reminders(period: date, *, actor) -> int:
    """Notify the Operator OPD of every OPD with open items for ``period``; returns how many
    OPDs were reminded. do_notify writes the audit row of each OPD's notice."""
    due = KpCandidate.objects.filter(period=period).values("pegawai_id")
    rows = [w for w in worklist(due, period) if w.open]
    closes = window(period)[1]
    return _remind(
        rows,
        title=_("Rekonsiliasi data KP periode %(p)s") % {"p": date_format(period, "j F Y")},
        until=date_format(closes, "j F Y"),
        url=f"{reverse('kpo:reconciliation')}?period={period.isoformat()}",
        actor=actor,
        event="kpo.reconciliation_reminded",
    )


def do_send_pension_reconciliation_reminders(start: date, end: date, *, actor) -> int:
    """Notify the Operator OPD of every OPD with open PPO items for the employees reaching the
    BUP in [start, end] (the OPDs in ``actor``'s scope: BKD staff, every OPD); returns how many
    OPDs were reminded. The data must be right 3 months before the window opens (seed 002)."""
    rows = [w for w in pension_worklist_for_user(actor, start, end) if w.open]
    return _remind(
        rows,
        title=_("Rekonsiliasi data pensiun %(a)s sampai %(b)s")
        % {"a": date_format(start, "j F Y"), "b": date_format(end, "j F Y")},
        until=date_format(window_before(start), "j F Y"),
        url=f"{reverse('kpo:pension_reconciliation')}?dari={start.isoformat()}&sampai={end.isoformat()}",
        actor=actor,
        event="kpo.pension_reconciliation_reminded",
    )


def _remind(rows, *, title: str, until: str, url: str, actor, event: str) -> int:
    reminded = 0
    for p in progress(rows):
        operators = User.objects.filter(
            is_active=True, opd_id=p.opd_id, role_assignments__role=Role.OPERATOR_OPD
        )
        sent = do_notify(
            operators,
            title=title,
            body=_(
                "%(n)s pegawai di %(opd)s masih punya %(items)s data yang harus dilengkapi sebelum "
                "%(closes)s."
            )
            % {"n": p.employees - p.complete, "opd": p.name, "items": p.open_items, "closes": until},
            url=url,
            actor=actor,
            event=event,
        )
        reminded += bool(sent)
    return reminded
