"""Reminders and escalations of a campaign; the rules are in campaigns.reminders.rules.

One action per campaign and run: it finds the offset due now, reminds the targeted
employees (with an active account) who have not submitted, and those whose submission was
sent back for a fix, and at the last offset escalates every OPD under target to its
Operator OPD(s) and its head. Each recipient is logged in ReminderLog (unique per campaign,
recipient, kind and offset) in the same transaction as the notification, and recipients
already logged are left out, so a second run sends nothing. The campaign row is locked for
the run: two overlapping cron runs cannot both send.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.roles import Role
from campaigns.models import Campaign, ReminderLog, Submission
from campaigns.participation.queries import participation_rows
from campaigns.participation.rules import under_target
from campaigns.reminders.rules import HEAD_ESELON, due_offset, is_last_offset, parse_offsets
from campaigns.submissions.queries import targeted_pegawai
from core.audit import record
from core.notifications.actions import do_notify
from people.models import Pegawai

Kind = ReminderLog.Kind


@dataclass
class ReminderRun:
    campaign: Campaign
    offset: int | None = None
    reminded: int = 0  # employees who have not submitted
    fix_reminded: int = 0  # employees whose submission needs a fix
    escalated: dict[str, int] = field(default_factory=dict)  # kind -> recipients

    @property
    def sent(self) -> int:
        return self.reminded + self.fix_reminded + sum(self.escalated.values())


def _closes(campaign: Campaign) -> str:
    return formats.date_format(timezone.localtime(campaign.closes_at), "j F Y H:i")


def _not_logged(campaign: Campaign, kind: str, offset: int, recipient_field: str):
    return ~Exists(
        ReminderLog.objects.filter(
            campaign=campaign, kind=kind, offset_days=offset, recipient=OuterRef(recipient_field)
        )
    )


def _employees_to_remind(campaign: Campaign, offset: int, *, needs_fix: bool):
    submissions = Submission.objects.filter(campaign=campaign, pegawai=OuterRef("pk"))
    people = targeted_pegawai(campaign).filter(user__isnull=False, user__is_active=True)
    if needs_fix:
        people = people.filter(Exists(submissions.filter(status=Submission.Status.NEEDS_FIX)))
    else:
        people = people.filter(~Exists(submissions))
    return list(
        people.filter(_not_logged(campaign, Kind.REMINDER, offset, "user_id"))
        .select_related("user")
        .only("pk", "opd_id", "user__id", "user__email", "user__name")
    )


def _log(campaign, kind, offset, now, pairs) -> None:
    """``pairs``: (recipient user, pegawai or None, opd id or None)."""
    ReminderLog.objects.bulk_create(
        ReminderLog(
            campaign=campaign,
            kind=kind,
            offset_days=offset,
            recipient=user,
            pegawai=pegawai,
            opd_id=opd_id,
            sent_at=now,
        )
        for user, pegawai, opd_id in pairs
    )


def _remind(campaign, offset, now, actor, *, needs_fix: bool) -> int:
    people = _employees_to_remind(campaign, offset, needs_fix=needs_fix)
    if not people:
        return 0
    facts = {"campaign": campaign.title, "closes": _closes(campaign), "days": offset}
    if needs_fix:
        title = _("Pengingat: isian %(campaign)s Anda perlu perbaikan") % facts
        body = (
            _(
                "Isian Anda dikembalikan untuk diperbaiki. Kampanye ditutup %(closes)s "
                "(%(days)s hari lagi); perbaiki dan kirim ulang sebelum itu."
            )
            % facts
        )
    else:
        title = _("Pengingat: %(campaign)s belum Anda isi") % facts
        body = (
            _(
                "Anda termasuk sasaran kampanye ini dan belum mengirim isian. Kampanye ditutup "
                "%(closes)s (%(days)s hari lagi)."
            )
            % facts
        )
    do_notify(
        [p.user for p in people],
        title=title,
        body=body,
        url=reverse("campaigns:campaign_submit", kwargs={"slug": campaign.slug}),
        actor=actor,
        event="kampanye.pengingat_perbaikan" if needs_fix else "kampanye.pengingat",
    )
    _log(campaign, Kind.REMINDER, offset, now, [(p.user, p, p.opd_id) for p in people])
    return len(people)


def _escalation_recipients(campaign, offset, opd_ids) -> dict[tuple[str, int], list[User]]:
    """{(kind, opd id): users} for the OPDs ``opd_ids``: two queries whatever their number."""
    found: dict[tuple[str, int], list[User]] = {}
    operators = (
        User.objects.filter(is_active=True, opd_id__in=opd_ids, role_assignments__role=Role.OPERATOR_OPD)
        .filter(_not_logged(campaign, Kind.ESCALATION_OPERATOR, offset, "pk"))
        .distinct()
    )
    for user in operators:
        found.setdefault((Kind.ESCALATION_OPERATOR, user.opd_id), []).append(user)
    heads = (
        Pegawai.objects.filter(
            opd_id__in=opd_ids,
            eselon__in=HEAD_ESELON,
            status=Pegawai.Status.AKTIF,
            user__isnull=False,
            user__is_active=True,
        )
        .filter(_not_logged(campaign, Kind.ESCALATION_HEAD, offset, "user_id"))
        .select_related("user")
    )
    for pegawai in heads:
        found.setdefault((Kind.ESCALATION_HEAD, pegawai.opd_id), []).append(pegawai.user)
    return found


def _escalate(campaign, offset, now, actor) -> dict[str, int]:
    rows = {r.opd_id: r for r in under_target(participation_rows(campaign))}
    if not rows:
        return {}
    counts: dict[str, int] = {}
    for (kind, opd_id), users in _escalation_recipients(campaign, offset, list(rows)).items():
        row = rows[opd_id]
        facts = {
            "campaign": campaign.title,
            "opd": row.opd,
            "percent": formats.number_format(row.percent, 1),
            "target": campaign.target_percent,
            "missing": row.missing,
            "closes": _closes(campaign),
        }
        do_notify(
            users,
            title=_("Partisipasi %(opd)s di bawah target: %(campaign)s") % facts,
            body=_(
                "Baru %(percent)s%% pegawai %(opd)s mengirim isian (target %(target)s%%); "
                "%(missing)s pegawai belum mengirim. Kampanye ditutup %(closes)s."
            )
            % facts,
            url=reverse("campaigns:campaign_missing", kwargs={"slug": campaign.slug, "opd": opd_id}),
            actor=actor,
            event="kampanye.eskalasi",
        )
        _log(campaign, kind, offset, now, [(u, None, opd_id) for u in users])
        counts[kind] = counts.get(kind, 0) + len(users)
    return counts


def do_send_campaign_reminders(
    campaign: Campaign, *, actor, now: dt.datetime | None = None, offsets=None
) -> ReminderRun:
    """Send what is due for ``campaign`` at ``now`` (see the module docstring); idempotent."""
    now = now or timezone.now()
    offsets = parse_offsets(offsets if offsets is not None else settings.PELITA_CAMPAIGN_REMINDER_DAYS)
    run = ReminderRun(campaign)
    if not campaign.is_open(now):
        return run
    run.offset = due_offset(now, campaign.closes_at, offsets)
    if run.offset is None:
        return run
    with transaction.atomic():
        # Serialises overlapping runs: the second waits, then finds everyone logged.
        Campaign.objects.select_for_update().filter(pk=campaign.pk).values_list("pk", flat=True).get()
        run.reminded = _remind(campaign, run.offset, now, actor, needs_fix=False)
        run.fix_reminded = _remind(campaign, run.offset, now, actor, needs_fix=True)
        if is_last_offset(run.offset, offsets):
            run.escalated = _escalate(campaign, run.offset, now, actor)
        if run.sent:
            record(
                actor=actor,
                event="kampanye.pengingat_dikirim",
                obj=campaign,
                after={
                    "offset_days": run.offset,
                    "reminded": run.reminded,
                    "fix_reminded": run.fix_reminded,
                    "escalated": run.escalated,
                },
            )
    return run
