"""Writes to the helpdesk's data: seeding it from the content files, and the Admin's edits."""

from __future__ import annotations

import json

from django.db import transaction

from core.audit import changed, create_object, record, snapshot, update_fields
from helpdesk.catalogue import files
from helpdesk.models import CannedAnswer, FaqEntry, FaqTopic, ProblemType, Team

TYPE_FIELDS = ("code", "name", "summary", "audience", "fields", "scans", "team", "sla_working_days", "order")
CANNED_FIELDS = ("code", "title", "body", "problem_type", "is_active")


@transaction.atomic
def do_seed_helpdesk(*, actor) -> dict[str, int]:
    """Create the teams, problem types, canned answers and FAQ of the content files that do not
    exist yet (by code; FAQ entries by question). Idempotent: rows an Admin edited stay as
    they are, and a second run creates nothing."""
    data = files.problem_types()
    created = {"tim": 0, "jenis": 0, "jawaban": 0, "topik": 0, "faq": 0}
    teams = {t.code: t for t in Team.objects.all()}
    for spec in data["teams"]:
        if spec["code"] not in teams:
            teams[spec["code"]] = Team.objects.create(code=spec["code"], name=spec["name"])
            created["tim"] += 1
    types = {t.code: t for t in ProblemType.objects.all()}
    for order, spec in enumerate(data["types"], start=1):
        if spec["code"] in types:
            continue
        types[spec["code"]] = ProblemType.objects.create(
            code=spec["code"],
            name=spec["name"],
            summary=spec.get("summary", ""),
            audience=spec.get("audience", ProblemType.Audience.PUBLIC),
            fields=spec["fields"],
            scans=spec["scans"],
            team=teams[spec["team"]],
            sla_working_days=spec.get("sla_working_days", 2),
            order=order,
        )
        created["jenis"] += 1
    known = set(CannedAnswer.objects.values_list("code", flat=True))
    for spec in data["canned_answers"]:
        if spec["code"] in known:
            continue
        CannedAnswer.objects.create(
            code=spec["code"],
            title=spec["title"],
            body=spec["body"],
            problem_type=types[spec["type"]] if spec["type"] else None,
        )
        created["jawaban"] += 1
    faq = files.faq()
    topics = {t.code: t for t in FaqTopic.objects.all()}
    for spec in faq["topics"]:
        if spec["code"] not in topics:
            topics[spec["code"]] = FaqTopic.objects.create(**spec)
            created["topik"] += 1
    questions = set(FaqEntry.objects.values_list("question", flat=True))
    for order, spec in enumerate(faq["entries"], start=1):
        if spec["question"] in questions:
            continue
        FaqEntry.objects.create(
            topic=topics[spec["topic"]], question=spec["question"], answer=spec["answer"], order=order
        )
        created["faq"] += 1
    if any(created.values()):
        record(actor=actor, event="helpdesk.konten_dimuat", object_type="helpdesk.problemtype", after=created)
    return created


JSON_FIELDS = ("fields", "scans")


def _values(problem_type: ProblemType, names) -> dict:
    # The field and scan lists are audited as their JSON text: the audit snapshot sorts
    # lists, and a list of objects has no order.
    plain = [n for n in names if n not in JSON_FIELDS]
    shown = {
        n: json.dumps(getattr(problem_type, n), ensure_ascii=False, sort_keys=True)
        for n in names
        if n in JSON_FIELDS
    }
    return {**snapshot(problem_type, plain), **shown}


@transaction.atomic
def do_update_problem_type(problem_type: ProblemType, changes: dict, *, actor) -> bool:
    names = list(changes)
    before = _values(problem_type, names)
    for name, value in changes.items():
        setattr(problem_type, name, value)
    after = _values(problem_type, names)
    old, new = changed(before, after)
    if not new:
        return False
    problem_type.full_clean()
    problem_type.save(update_fields=list(new))
    record(actor=actor, event="helpdesk.jenis_diubah", obj=problem_type, before=old, after=new)
    return True


@transaction.atomic
def do_create_canned_answer(*, actor, **values) -> CannedAnswer:
    return create_object(
        CannedAnswer(**values), CANNED_FIELDS, actor=actor, event="helpdesk.jawaban_siap_dibuat"
    )


@transaction.atomic
def do_update_canned_answer(answer: CannedAnswer, changes: dict, *, actor) -> bool:
    return update_fields(answer, changes, actor=actor, event="helpdesk.jawaban_siap_diubah")
