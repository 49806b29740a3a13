"""Complaint rules that are not regulation: the channels and their response deadlines (data
in feedback/content/channels.yaml, with their sources) and which state may follow which."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

from regulations.sla import OfficeCalendar, due_working_days

CONTENT = Path(__file__).resolve().parent.parent / "content"


@dataclass(frozen=True)
class Channel:
    code: str
    label: str
    days: int  # working days to answer
    source: str


@functools.cache
def channels() -> dict[str, Channel]:
    with (CONTENT / "channels.yaml").open(encoding="utf-8") as stream:
        rows = yaml.safe_load(stream)
    return {row["code"]: Channel(row["code"], row["label"], int(row["days"]), row["source"]) for row in rows}


def channel_choices() -> list[tuple[str, str]]:
    return [(c.code, c.label) for c in channels().values()]


LAPOR = "lapor"
WEBSITE = "website"
SURVEY = "survei"


def due_at(channel: str, received: dt.datetime, calendar: OfficeCalendar) -> dt.datetime:
    """The answer is due at the close of the channel's last working day."""
    return due_working_days(received, channels()[channel].days, calendar)


# diterima → diverifikasi → ditindaklanjuti → selesai; "tidak dapat ditindaklanjuti" (with
# its reason) from any open state.
DITERIMA, DIVERIFIKASI, DITINDAKLANJUTI, SELESAI, TIDAK_DAPAT = (
    "diterima",
    "diverifikasi",
    "ditindaklanjuti",
    "selesai",
    "tidak_dapat",
)
CLOSED = frozenset({SELESAI, TIDAK_DAPAT})
NEXT = {
    DITERIMA: (DIVERIFIKASI, TIDAK_DAPAT),
    DIVERIFIKASI: (DITINDAKLANJUTI, TIDAK_DAPAT),
    DITINDAKLANJUTI: (SELESAI, TIDAK_DAPAT),
    SELESAI: (),
    TIDAK_DAPAT: (),
}


def may_move(current: str, target: str) -> bool:
    return target in NEXT.get(current, ())
