"""The periodic SLA sweep (``python manage.py check_sla``, run by cron every 15 minutes).

One run does two things, both set-based so that 50,000 open requests take seconds:

* marks ``Request.overdue`` on requests in process whose due time has passed (and lifts a
  flag that a moved due time has made wrong); finished requests keep theirs: "finished
  late" is history;
* escalates each open stay at a step whose target has passed and that was not escalated
  yet: the active users holding the step's ``escalate_to`` role get one notification per
  run (in-app and e-mail) listing their overdue stays, and the stays get ``escalated_at``
  so the next run is silent about them.

A request with the applicant (returned) has its clock stopped: its open stay has no step,
so it never escalates, and its status is not "in process", so it is never marked overdue.

Idempotent: a second run at the same moment finds nothing to do, sends nothing and writes
no audit row. A run that changed something writes ONE audit row with the counts (the
notifications write their own).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import RoleAssignment
from accounts.roles import Role
from core.audit import record
from core.notifications.actions import do_notify
from layanan.models import Request, RequestStep

ESCALATION_EVENT = "layanan.escalated"
# How many stays one escalation message lists by number; the rest is a count.
LISTED_IN_MESSAGE = 20
# How many request numbers the run's audit row names; the counts are always complete.
LISTED_IN_AUDIT = 200


@dataclass
class SweepResult:
    marked: int = 0  # requests newly marked overdue
    cleared: int = 0  # wrong overdue flags lifted (due time moved on)
    escalated: int = 0  # stays escalated
    recipients: int = 0  # users notified
    roles: dict[str, int] = field(default_factory=dict)  # role → stays escalated to it
    unrouted: int = 0  # overdue stays whose role has no active holder, or no escalation role

    @property
    def changed(self) -> bool:
        return bool(self.marked or self.cleared or self.escalated)

    def summary(self) -> str:
        """One line in Indonesian for the command's output and the cron mail."""
        text = _(
            "Pemeriksaan SLA: %(marked)d permohonan ditandai terlambat, %(cleared)d tanda terlambat "
            "dicabut, %(escalated)d tahap dieskalasi ke %(recipients)d pengguna."
        ) % {
            "marked": self.marked,
            "cleared": self.cleared,
            "escalated": self.escalated,
            "recipients": self.recipients,
        }
        if self.unrouted:
            text += " " + ngettext(
                "%(count)d tahap terlambat tidak punya penerima eskalasi.",
                "%(count)d tahap terlambat tidak punya penerima eskalasi.",
                self.unrouted,
            ) % {"count": self.unrouted}
        return text


def _inbox_url() -> str:
    # The escalated official opens the SLA report (their own inbox does not hold the
    # stays of the step below them); the name is resolved late so this module loads alone.
    try:
        return reverse("layanan:sla_report")
    except NoReverseMatch:
        return ""


def _overdue_stays(now: datetime):
    """Open stays at a step, past their target, not escalated, of requests in process."""
    return RequestStep.objects.filter(
        ended_at__isnull=True,
        step__isnull=False,
        due_at__lt=now,
        escalated_at__isnull=True,
        request__status=Request.Status.IN_PROCESS,
    )


def _message(role: str, stays: list[dict]) -> tuple[str, str]:
    title = ngettext(
        "Eskalasi SLA: %(count)d tahap melewati target",
        "Eskalasi SLA: %(count)d tahap melewati target",
        len(stays),
    ) % {"count": len(stays)}
    lines = [
        _("Tahap berikut melewati target waktunya dan dieskalasikan kepada %(role)s:")
        % {"role": Role(role).label},
        "",
    ]
    for stay in stays[:LISTED_IN_MESSAGE]:
        when = date_format(timezone.localtime(stay["due_at"]), "DATETIME_FORMAT")
        due = _("target %(when)s") % {"when": when}
        lines.append(
            f"- {stay['request__number']} · {stay['request__service__name']} · {stay['step__name']} · {due}"
        )
    if len(stays) > LISTED_IN_MESSAGE:
        lines.append(_("… dan %(count)d lainnya.") % {"count": len(stays) - LISTED_IN_MESSAGE})
    return title, "\n".join(lines)


def do_check_sla(*, actor, now: datetime | None = None) -> SweepResult:
    """Mark overdue requests and escalate overdue stays once (see the module docstring)."""
    now = now or timezone.now()
    result = SweepResult()
    with transaction.atomic():
        late = Request.objects.filter(status=Request.Status.IN_PROCESS, due_at__lt=now, overdue=False)
        marked_numbers = list(late.values_list("number", flat=True)[:LISTED_IN_AUDIT])
        result.marked = late.update(overdue=True)
        # Only a moved due time (an admin's correction, a pause) can make a flag wrong.
        wrong = Request.objects.filter(status=Request.Status.IN_PROCESS, overdue=True).filter(
            Q(due_at__gte=now) | Q(due_at__isnull=True)
        )
        result.cleared = wrong.update(overdue=False)

        stays = list(
            _overdue_stays(now)
            .order_by("due_at", "id")
            .values(
                "id",
                "due_at",
                "step__escalate_to",
                "step__name",
                "request__number",
                "request__service__name",
            )
        )
        by_role: dict[str, list[dict]] = defaultdict(list)
        for stay in stays:
            by_role[stay["step__escalate_to"]].append(stay)
        holders: dict[str, list] = defaultdict(list)
        for assignment in RoleAssignment.objects.filter(
            role__in=[r for r in by_role if r], user__is_active=True
        ).select_related("user"):
            holders[assignment.role].append(assignment.user)

        escalated_ids: list[int] = []
        notified: set[int] = set()
        url = _inbox_url()
        for role, role_stays in sorted(by_role.items()):
            users = holders.get(role, [])
            if not users:
                # Nobody to tell: leave the stays unescalated so that they are escalated as
                # soon as someone holds the role (the summary says how many wait).
                result.unrouted += len(role_stays)
                continue
            title, body = _message(role, role_stays)
            do_notify(users, title=title, body=body, url=url, actor=actor, event=ESCALATION_EVENT)
            notified |= {u.pk for u in users}
            escalated_ids += [s["id"] for s in role_stays]
            result.roles[role] = len(role_stays)
        # Chunks keep the IN list under SQLite's variable limit on a 50,000-stay backlog.
        for start in range(0, len(escalated_ids), 5000):
            RequestStep.objects.filter(pk__in=escalated_ids[start : start + 5000]).update(escalated_at=now)
        result.escalated = len(escalated_ids)
        result.recipients = len(notified)

        if result.changed:
            record(
                actor=actor,
                event="layanan.sla_diperiksa",
                object_type="layanan.request",
                object_repr=_("Pemeriksaan SLA %(when)s")
                % {"when": date_format(timezone.localtime(now), "DATETIME_FORMAT")},
                after={
                    "ditandai_terlambat": result.marked,
                    "tanda_dicabut": result.cleared,
                    "tahap_dieskalasi": result.escalated,
                    "penerima": result.recipients,
                    "per_peran": result.roles,
                    "tanpa_penerima": result.unrouted,
                    "nomor_ditandai": marked_numbers,
                },
            )
    return result
