"""The helpdesk's content files (``helpdesk/content/*.json``): problem types with their fields,
scans, teams and canned answers, and the FAQ. JSON, so that the seeding needs nothing beyond
the standard library; an Admin edits the rows afterwards, never these files."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

CONTENT = Path(__file__).resolve().parent.parent / "content"

FIELD_KINDS = ("text", "nik", "kk", "date")


@cache
def load(name: str) -> dict:
    data = json.loads((CONTENT / f"{name}.json").read_text(encoding="utf-8"))
    data.pop("_source", None)
    return data


def problem_types() -> dict:
    data = load("problem_types")
    for spec in data["types"]:
        for field in spec["fields"]:
            if field["kind"] not in FIELD_KINDS:
                raise ValueError(f"{spec['code']}: unknown field kind {field['kind']!r}")
    return data


def faq() -> dict:
    return load("faq")
