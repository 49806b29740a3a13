"""The default disposition chain as a table: for every transition, who may take it and who may not.

Pure: no database. Every row of ``layanan.catalogue.files.DEFAULT_TRANSITIONS`` is checked against
every role of the project.
"""

from __future__ import annotations

import pytest

from accounts.roles import Role
from layanan.catalogue.files import DEFAULT_STEPS, DEFAULT_TRANSITIONS
from layanan.models import Action
from layanan.workflow.rules import (
    InvalidTransition,
    Table,
    allowed_transitions,
    check_transition,
    default_table,
    needs_agenda_number,
)

TABLE = default_table()
ROLE_OF_STEP = {spec.code: str(spec.role) for spec in DEFAULT_STEPS}
ROWS = [(i, spec) for i, spec in enumerate(DEFAULT_TRANSITIONS, 1)]


def _id(row):
    i, spec = row
    return f"{i}-{spec.from_step}-{spec.action}"


VALID = {"note": "Catatan", "agenda_number": "800/123/BKD"}


@pytest.mark.parametrize("row", ROWS, ids=[_id(r) for r in ROWS])
def test_the_holder_of_the_step_may_take_the_transition(row):
    i, spec = row
    role = ROLE_OF_STEP[spec.from_step]
    taken = check_transition(TABLE, spec.from_step, i, {role}, **VALID)
    assert (taken.from_step, taken.action, taken.to_step) == (spec.from_step, spec.action, spec.to_step)
    assert taken in allowed_transitions(TABLE, spec.from_step, {role})


OUTSIDERS = [(row, role) for row in ROWS for role in Role.values if role != ROLE_OF_STEP[row[1].from_step]]


@pytest.mark.parametrize(("row", "role"), OUTSIDERS, ids=[f"{_id(r)}-{role}" for r, role in OUTSIDERS])
def test_no_other_role_may_take_the_transition(row, role):
    i, spec = row
    with pytest.raises(InvalidTransition) as refused:
        check_transition(TABLE, spec.from_step, i, {role}, **VALID)
    assert refused.value.code == "wrong_role" and refused.value.forbidden
    assert allowed_transitions(TABLE, spec.from_step, {role}) == ()


def test_admin_alone_acts_at_no_step_of_the_chain():
    for step in TABLE.steps:
        assert allowed_transitions(TABLE, step.code, {Role.ADMIN}) == ()


def test_admin_who_also_holds_a_chain_role_acts_at_that_roles_steps():
    allowed = allowed_transitions(TABLE, "paraf", {Role.ADMIN, Role.SEKRETARIS})
    assert [t.label for t in allowed] == ["Paraf dan teruskan"]


@pytest.mark.parametrize("row", ROWS, ids=[_id(r) for r in ROWS])
def test_a_transition_of_another_step_is_refused_even_to_its_holder(row):
    i, spec = row
    holder = ROLE_OF_STEP[spec.from_step]
    for step in TABLE.steps:
        if step.code == spec.from_step:
            continue
        with pytest.raises(InvalidTransition) as refused:
            check_transition(TABLE, step.code, i, {holder, step.role}, **VALID)
        assert refused.value.code == "wrong_step" and refused.value.forbidden


def test_an_unknown_transition_id_is_refused():
    with pytest.raises(InvalidTransition) as refused:
        check_transition(TABLE, "registrasi", 999, {Role.PETUGAS_ADMINISTRASI})
    assert refused.value.code == "unknown_transition"


@pytest.mark.parametrize(
    "row", [r for r in ROWS if r[1].note_required], ids=[_id(r) for r in ROWS if r[1].note_required]
)
def test_a_transition_that_needs_a_note_is_refused_without_one(row):
    i, spec = row
    for note in ("", "   "):
        with pytest.raises(InvalidTransition) as refused:
            check_transition(TABLE, spec.from_step, i, {ROLE_OF_STEP[spec.from_step]}, note=note)
        assert refused.value.code == "note_required" and not refused.value.forbidden
        assert "catatan" in refused.value.message.lower()


@pytest.mark.parametrize(
    "row", [r for r in ROWS if not r[1].note_required], ids=[_id(r) for r in ROWS if not r[1].note_required]
)
def test_other_transitions_go_without_a_note(row):
    i, spec = row
    check_transition(TABLE, spec.from_step, i, {ROLE_OF_STEP[spec.from_step]}, note="", agenda_number="1")


def test_the_returning_and_rejecting_transitions_need_a_note():
    assert {(s.from_step, s.action) for s in DEFAULT_TRANSITIONS if s.note_required} == {
        ("registrasi", Action.RETURN),  # the front desk returns an incomplete file
        ("verifikasi", Action.RETURN),
        ("verifikasi", Action.REJECT),
    }


def test_registration_needs_an_agenda_number_and_nothing_else_does():
    registering = [i for i, spec in ROWS if needs_agenda_number(TABLE, TABLE.transition(i))]
    assert [ROWS[i - 1][1].from_step for i in registering] == ["registrasi"]
    with pytest.raises(InvalidTransition) as refused:
        check_transition(TABLE, "registrasi", registering[0], {Role.PETUGAS_ADMINISTRASI}, agenda_number=" ")
    assert refused.value.code == "agenda_required"
    assert check_transition(
        TABLE, "registrasi", registering[0], {Role.PETUGAS_ADMINISTRASI}, agenda_number="800/1/BKD"
    )


@pytest.mark.parametrize("row", ROWS, ids=[_id(r) for r in ROWS])
def test_only_bulk_transitions_may_be_taken_in_bulk(row):
    i, spec = row
    role = ROLE_OF_STEP[spec.from_step]
    if spec.bulk:
        assert check_transition(TABLE, spec.from_step, i, {role}, note="x", bulk=True)
    else:
        with pytest.raises(InvalidTransition) as refused:
            check_transition(TABLE, spec.from_step, i, {role}, note="x", bulk=True)
        assert refused.value.code == "not_bulk"


def test_officials_initial_and_dispose_in_bulk():
    assert {s.from_step for s in DEFAULT_TRANSITIONS if s.bulk} == {
        "pemilahan",
        "paraf",
        "disposisi",
        "bidang",
    }


def test_the_verifier_chooses_between_return_reject_and_processing():
    allowed = allowed_transitions(TABLE, "verifikasi", {Role.UNIT_PENGOLAH})
    assert sorted(t.action for t in allowed) == sorted([Action.RETURN, Action.REJECT, Action.FORWARD])
    assert [t.action for t in allowed_transitions(TABLE, "penerbitan", {Role.UNIT_PENGOLAH})] == [
        Action.COMPLETE
    ]


def test_the_chain_walks_from_the_entry_to_completion_through_forward_moves():
    code, seen = TABLE.entry, []
    while True:
        seen.append(code)
        forward = [t for t in TABLE.transitions if t.from_step == code and t.action == Action.FORWARD]
        if not forward:
            break
        code = forward[0].to_step
    assert seen == [spec.code for spec in DEFAULT_STEPS]
    assert any(t.action == Action.COMPLETE for t in TABLE.transitions if t.from_step == seen[-1])


def test_a_request_with_the_applicant_has_no_step_and_no_moves():
    assert allowed_transitions(TABLE, None, set(Role.values)) == ()
    with pytest.raises(InvalidTransition) as refused:
        check_transition(TABLE, None, 1, set(Role.values))
    assert refused.value.code == "wrong_step"


def test_an_edited_chain_is_read_from_its_rows():
    table = Table(
        steps=(TABLE.steps[0],),
        transitions=(
            TABLE.transitions[0].__class__(
                42, "registrasi", Action.REJECT, None, "Tolak", note_required=True
            ),
        ),
    )
    assert [t.id for t in allowed_transitions(table, "registrasi", {Role.PETUGAS_ADMINISTRASI})] == [42]
    # Rejecting at the registration desk does not register: no agenda number needed.
    assert check_transition(
        table, "registrasi", 42, {Role.PETUGAS_ADMINISTRASI}, note="Bukan layanan BKD", agenda_number=""
    )
