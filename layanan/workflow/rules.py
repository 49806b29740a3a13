"""The disposition chain as a transition table, and the pure rules of who may move a request.

No ORM query and no clock here: callers build a :class:`Table` from the service's Step and
Transition rows (``table_of``, which only reads attributes of rows already loaded) or from
the default chain of ``layanan.catalogue.files`` (``default_table``), and ask

- :func:`allowed_transitions`: the moves a user holding ``roles`` may make at a step;
- :func:`check_transition`: the one move a submitted form asks for, refused with an
  :class:`InvalidTransition` carrying a code and an Indonesian reason.

The holder of a step is its role: a user acts at a step only when they hold that role.
Admin is not a chain role; an Admin acts only at steps whose role they also hold.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from layanan.catalogue.files import DEFAULT_STEPS, DEFAULT_TRANSITIONS, ENTRY_STEP
from layanan.models import Action


class InvalidTransition(Exception):
    """A move the table (or the request's state) does not allow. ``code`` says which rule.

    ``forbidden`` codes are forged or out-of-role requests (the view answers 403); ``stale``
    codes mean the form was made for an older state of the request (409); the others are
    input the official can fix (a message next to the form).
    """

    FORBIDDEN = frozenset(
        {"unknown_transition", "other_service", "wrong_step", "wrong_role", "not_bulk", "not_applicant"}
    )
    STALE = frozenset({"stale", "not_in_process", "not_returned"})

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message

    @property
    def forbidden(self) -> bool:
        return self.code in self.FORBIDDEN

    @property
    def stale(self) -> bool:
        return self.code in self.STALE


@dataclass(frozen=True)
class StepRow:
    code: str
    role: str
    name: str = ""
    is_entry: bool = False


@dataclass(frozen=True)
class TransitionRow:
    id: int
    from_step: str  # step code
    action: str
    to_step: str | None  # step code, FORWARD only
    label: str
    note_required: bool = False
    bulk: bool = False


@dataclass(frozen=True)
class Table:
    steps: tuple[StepRow, ...]
    transitions: tuple[TransitionRow, ...]

    def step(self, code: str) -> StepRow | None:
        return next((s for s in self.steps if s.code == code), None)

    def transition(self, transition_id: int) -> TransitionRow | None:
        return next((t for t in self.transitions if t.id == transition_id), None)

    @property
    def entry(self) -> str | None:
        return next((s.code for s in self.steps if s.is_entry), None)


def default_table() -> Table:
    """The default chain of ``layanan.catalogue.files`` as a table; transition ids are their 1-based index."""
    steps = tuple(StepRow(s.code, str(s.role), s.name, s.code == ENTRY_STEP) for s in DEFAULT_STEPS)
    transitions = tuple(
        TransitionRow(
            i,
            t.from_step,
            str(t.action),
            t.to_step,
            t.label,
            t.note_required,
            t.bulk,
        )
        for i, t in enumerate(DEFAULT_TRANSITIONS, 1)
    )
    return Table(steps, transitions)


def table_of(steps: Iterable, transitions: Iterable) -> Table:
    """A table from a service's Step and Transition model rows (already loaded: no query)."""
    steps = list(steps)
    codes = {step.pk: step.code for step in steps}
    return Table(
        tuple(StepRow(s.code, s.role, s.name, s.is_entry) for s in steps),
        tuple(
            TransitionRow(
                t.pk,
                codes[t.from_step_id],
                t.action,
                codes.get(t.to_step_id) if t.to_step_id else None,
                t.label,
                t.note_required,
                t.bulk,
            )
            for t in transitions
        ),
    )


def holds(table: Table, step_code: str | None, roles: Iterable[str]) -> bool:
    """Whether a user holding ``roles`` holds the step (its inbox is theirs)."""
    step = table.step(step_code) if step_code else None
    return step is not None and step.role in set(roles)


def allowed_transitions(
    table: Table, step_code: str | None, roles: Iterable[str]
) -> tuple[TransitionRow, ...]:
    """The moves out of ``step_code`` a user holding ``roles`` may make (none at another's step)."""
    if not holds(table, step_code, roles):
        return ()
    return tuple(t for t in table.transitions if t.from_step == step_code)


def needs_agenda_number(table: Table, transition: TransitionRow) -> bool:
    """Registering (forwarding out of the entry step) gives the letter its agenda number."""
    return transition.from_step == table.entry and transition.action == Action.FORWARD


def check_transition(
    table: Table,
    step_code: str | None,
    transition_id: int,
    roles: Iterable[str],
    *,
    note: str = "",
    agenda_number: str | None = None,
    bulk: bool = False,
) -> TransitionRow:
    """The transition ``transition_id`` if a user holding ``roles`` may take it at ``step_code``.

    Checks in the order a forged form is most likely caught: unknown id, another step,
    another role, a bulk move that is not bulk, then the input (note, agenda number).
    ``agenda_number=None`` skips the agenda check (callers that do not register).
    """
    transition = table.transition(transition_id)
    if transition is None:
        raise InvalidTransition("unknown_transition", _("Tindakan ini tidak ada pada alur layanan tersebut."))
    if transition.from_step != step_code:
        raise InvalidTransition("wrong_step", _("Tindakan ini bukan untuk tahap permohonan saat ini."))
    if not holds(table, step_code, roles):
        step = table.step(step_code)
        raise InvalidTransition(
            "wrong_role",
            _("Tahap “%(step)s” bukan milik peran Anda.") % {"step": step.name or step.code},
        )
    if bulk and not transition.bulk:
        raise InvalidTransition("not_bulk", _("Tindakan ini tidak dapat dilakukan secara massal."))
    if transition.note_required and not (note or "").strip():
        raise InvalidTransition(
            "note_required", _("Tuliskan catatan untuk tindakan “%(label)s”.") % {"label": transition.label}
        )
    if agenda_number is not None and needs_agenda_number(table, transition) and not agenda_number.strip():
        raise InvalidTransition("agenda_required", _("Isi nomor agenda surat untuk meregistrasi permohonan."))
    return transition
