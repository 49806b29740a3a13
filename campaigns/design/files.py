"""The standard question sets a BKD runs every year (LIKE ASN, SI JAFUNG), read from
``campaigns/content/question_sets/<name>.yaml``.

A set gives a campaign's kind, title, period, description and audience and its questions in
order; ``{year}`` in its texts stands for the year the campaign collects. :func:`question_set`
checks a file and raises :class:`QuestionSetError` naming the file, the question and the
field when it does not fit, so a broken set stops the tests, not a seeding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError

from campaigns.models import Campaign, Question

FOLDER = Path(__file__).resolve().parent.parent / "content" / "question_sets"
SET_FIELDS = ("label", "slug", "kind", "title", "period", "description", "audience", "questions")
QUESTION_FIELDS = (
    "code",
    "label",
    "kind",
    "help_text",
    "required",
    "options",
    "min_value",
    "max_value",
    "allowed_types",
    "max_kb",
    "prefill",
    "show_if",
)
# An audience a set may name: instance-independent filters only (OPDs differ per instance).
AUDIENCE_KEYS = ("jenis_jabatan", "jenis_pegawai", "status")
TEXTS = ("label", "help_text")


class QuestionSetError(ValueError):
    """A question-set file does not fit; the message says where."""


@dataclass(frozen=True)
class QuestionSet:
    name: str
    label: str
    slug: str
    kind: str
    title: str
    period: str
    description: str
    audience: dict
    # Each the keyword arguments of a Question (without campaign), order included.
    questions: tuple[dict, ...]

    def option_list(self, code: str) -> list[str]:
        """The options of the choice question ``code``."""
        return next(q["options"] for q in self.questions if q["code"] == code)


def names() -> list[str]:
    """The question sets there are, by file name."""
    return sorted(path.stem for path in FOLDER.glob("*.yaml"))


def choices() -> list[tuple[str, str]]:
    """(name, label) of every set, for a form."""
    return [(name, str(_raw(name).get("label") or name)) for name in names()]


@cache
def _raw(name: str) -> dict:
    path = FOLDER / f"{name}.yaml"
    if not re.fullmatch(r"[a-z0-9-]+", name) or not path.is_file():
        raise QuestionSetError(f"no question set {name!r} in campaigns/content/question_sets/")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise QuestionSetError(f"{path.name}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise QuestionSetError(f"{path.name}: expected a mapping of fields")
    return data


def _fill(value, year: int):
    return value.replace("{year}", str(year)) if isinstance(value, str) else value


def question_set(name: str, *, year: int) -> QuestionSet:
    """The set ``name`` for ``year``, checked."""
    data = _raw(name)
    where = f"{name}.yaml"
    if unknown := sorted(set(data) - set(SET_FIELDS)):
        raise QuestionSetError(f"{where}: unknown field(s) {', '.join(unknown)}")
    for key in ("label", "slug", "kind", "title", "period", "questions"):
        if not data.get(key):
            raise QuestionSetError(f"{where}: the field '{key}' is missing")
    if data["kind"] not in Campaign.Kind.values:
        raise QuestionSetError(
            f"{where}: kind {data['kind']!r} is not one of {', '.join(Campaign.Kind.values)}"
        )
    audience = data.get("audience") or {}
    if not isinstance(audience, dict) or set(audience) - set(AUDIENCE_KEYS):
        raise QuestionSetError(f"{where}: audience may only filter by {', '.join(AUDIENCE_KEYS)}")
    if not isinstance(data["questions"], list):
        raise QuestionSetError(f"{where}: 'questions' must be a list")
    questions = []
    for order, raw in enumerate(data["questions"], 1):
        questions.append(_question(raw, order, questions, f"{where}, question {order}", year))
    return QuestionSet(
        name=name,
        label=data["label"],
        slug=_fill(data["slug"], year),
        kind=data["kind"],
        title=_fill(data["title"], year),
        period=_fill(data["period"], year),
        description=_fill(data.get("description") or "", year),
        audience=audience,
        questions=tuple(questions),
    )


def _question(raw, order: int, earlier: list[dict], where: str, year: int) -> dict:
    if not isinstance(raw, dict):
        raise QuestionSetError(f"{where}: expected a mapping of fields")
    if unknown := sorted(set(raw) - set(QUESTION_FIELDS)):
        raise QuestionSetError(f"{where}: unknown field(s) {', '.join(unknown)}")
    fields = {key: _fill(value, year) if key in TEXTS else value for key, value in raw.items()}
    if condition := fields.pop("show_if", None):
        if not isinstance(condition, dict) or set(condition) != {"code", "value"}:
            raise QuestionSetError(f"{where}: show_if takes a code and a value")
        if condition["code"] not in {q["code"] for q in earlier}:
            raise QuestionSetError(f"{where}: show_if names {condition['code']!r}, not an earlier question")
        fields["show_if_code"], fields["show_if_value"] = condition["code"], str(condition["value"])
    if fields.get("code") in {q["code"] for q in earlier}:
        raise QuestionSetError(f"{where}: the code {fields['code']!r} is used twice")
    if fields.get("kind") == Question.Kind.CHOICE and not fields.get("options"):
        raise QuestionSetError(f"{where}: a choice question needs options")
    if set(fields.get("allowed_types") or ()) - set(Question.FILE_TYPES):
        raise QuestionSetError(f"{where}: allowed_types may hold {', '.join(Question.FILE_TYPES)}")
    low, high = fields.get("min_value"), fields.get("max_value")
    if low is not None and high is not None and low > high:
        raise QuestionSetError(f"{where}: min_value {low} is above max_value {high}")
    # The model's own field checks (kinds, prefill sources, lengths), with its messages; its
    # constraints need a database and are checked above or when the campaign is saved.
    try:
        Question(order=order, **fields).full_clean(exclude=["campaign"], validate_constraints=False)
    except ValidationError as exc:
        problems = "; ".join(f"{field}: {' '.join(errors)}" for field, errors in exc.message_dict.items())
        raise QuestionSetError(f"{where}: {problems}") from exc
    except TypeError as exc:
        raise QuestionSetError(f"{where}: {exc}") from exc
    return {"order": order, **fields}
