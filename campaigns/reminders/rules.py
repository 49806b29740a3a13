"""When to remind, and whom: the pure rules behind send_campaign_reminders.

Offsets are whole days before a campaign closes (settings.PELITA_CAMPAIGN_REMINDER_DAYS,
default 7, 3, 1). The command is meant to run periodically (hourly or daily, cron or a
systemd timer) and is idempotent: at any moment at most ONE offset is due, the smallest
one whose threshold has passed, so a run that was skipped at H-7 and happens at H-2 sends
the H-3 reminder only (never two at once); a reminder already logged for a recipient,
kind and offset (ReminderLog's unique constraint) is never sent again.

Escalation (to the Operator OPD and the OPD head) happens at the LAST offset only, for
the OPDs still under the campaign's target.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ImproperlyConfigured

DEFAULT_OFFSETS = (7, 3, 1)
SETTING = "PELITA_CAMPAIGN_REMINDER_DAYS"

# The OPD head: the active employee of the OPD holding its top structural echelon
# (a Kepala Dinas/Badan of a province is eselon II). Pelita's OPD has no "head" field,
# so the master data decides; an OPD without a linked account escalates to its operators only.
HEAD_ESELON = ("II.a", "II.b")


def parse_offsets(raw: Iterable) -> tuple[int, ...]:
    """The configured offsets, distinct and descending; ImproperlyConfigured naming the setting."""
    offsets = set()
    for item in raw:
        try:
            value = int(str(item).strip())
        except ValueError:
            raise ImproperlyConfigured(
                f"{SETTING}: {item!r} is not a whole number of days (use e.g. 7,3,1)."
            ) from None
        if value < 1:
            raise ImproperlyConfigured(f"{SETTING}: {value} must be at least 1 day.")
        offsets.add(value)
    if not offsets:
        raise ImproperlyConfigured(f"{SETTING} names no day (use e.g. 7,3,1).")
    return tuple(sorted(offsets, reverse=True))


def due_offset(now: dt.datetime, closes_at: dt.datetime, offsets: Iterable[int]) -> int | None:
    """The offset due at ``now``: the smallest whose threshold (close − days) has passed; None
    before the first threshold or once the campaign has closed."""
    if now >= closes_at:
        return None
    passed = [d for d in offsets if now >= closes_at - dt.timedelta(days=d)]
    return min(passed) if passed else None


def is_last_offset(offset: int, offsets: Iterable[int]) -> bool:
    return offset == min(offsets)
