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
from kpo.reconciliation.queries import progress, worklist
from kpo.reconciliation.rules import window


def do_send_reconciliation_reminders(period: date, *, actor) -> int:
    """Notify the Operator OPD of every OPD with open items for ``period``; returns how many
    OPDs were reminded. do_notify writes the audit row of each OPD's notice."""
    due = KpCandidate.objects.filter(period=period).values("pegawai_id")
    rows = [w for w in worklist(due, period) if w.open]
    closes = window(period)[1]
    reminded = 0
    for p in progress(rows):
        operators = User.objects.filter(
            is_active=True, opd_id=p.opd_id, role_assignments__role=Role.OPERATOR_OPD
        )
        url = f"{reverse('kpo:reconciliation')}?period={period.isoformat()}"
        sent = do_notify(
            operators,
            title=_("Rekonsiliasi data KP periode %(p)s") % {"p": date_format(period, "j F Y")},
            body=_(
                "%(n)s pegawai di %(opd)s masih punya %(items)s data yang harus dilengkapi sebelum "
                "%(closes)s."
            )
            % {
                "n": p.employees - p.complete,
                "opd": p.name,
                "items": p.open_items,
                "closes": date_format(closes, "j F Y"),
            },
            url=url,
            actor=actor,
            event="kpo.reconciliation_reminded",
        )
        reminded += bool(sent)
    return reminded
