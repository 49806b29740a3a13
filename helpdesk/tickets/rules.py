"""Pure helpers of tickets: numbers, answer placeholders and which move is allowed when."""

from __future__ import annotations

import re
import secrets

from helpdesk.models import Ticket

# Crockford's base32 without I, L, O, U: no letter is read as a digit, no word is spelled.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
NUMBER_LENGTH = 8  # 32^8 ≈ 10^12 numbers: guessing one, at 5 misses per 10 minutes, is hopeless
PREFIX = "HD-"

S = Ticket.Status
OPEN = (S.RECEIVED, S.IN_PROGRESS, S.WAITING)


def new_number() -> str:
    return PREFIX + "".join(secrets.choice(ALPHABET) for _ in range(NUMBER_LENGTH))


def normalise_number(text: str) -> str:
    """What people type ("hd 7k3m-9q2x", a lower-case O for a zero) as the stored number."""
    raw = re.sub(r"[\s-]", "", (text or "").upper())
    if raw.startswith("HD"):
        raw = raw[2:]
    raw = raw.translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))
    return PREFIX + raw[: NUMBER_LENGTH + 2]


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill_placeholders(template: str, values: dict[str, str]) -> str:
    """``{nama}``, ``{nomor}``… replaced by their values; an unknown one is left as typed."""
    return _PLACEHOLDER.sub(lambda m: str(values.get(m[1], m[0])), template)


PLACEHOLDERS = ("nama", "nomor", "jenis", "batas_waktu", "petugas")

# Which operator moves each state allows.
MOVES: dict[str, frozenset[str]] = {
    S.RECEIVED: frozenset({"claim", "assign", "answer", "ask", "note", "merge", "close"}),
    S.IN_PROGRESS: frozenset({"claim", "assign", "answer", "ask", "note", "merge", "close"}),
    S.WAITING: frozenset({"assign", "answer", "note", "merge", "close"}),
    S.ANSWERED: frozenset({"assign", "answer", "note", "close"}),
    S.CLOSED: frozenset({"note"}),
}


def allowed(status: str, move: str) -> bool:
    return move in MOVES.get(status, frozenset())


def applicant_may_reply(ticket: Ticket, now, reopen_days: int) -> bool:
    """The applicant answers a question, or reopens an answered or closed ticket in time."""
    if ticket.merged_into_id:
        return False
    if ticket.status == S.WAITING:
        return True
    since = ticket.closed_at if ticket.status == S.CLOSED else ticket.answered_at
    if ticket.status in (S.ANSWERED, S.CLOSED) and since is not None:
        return (now - since).days < reopen_days
    return False
