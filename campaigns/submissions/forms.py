"""A campaign's questions as answer definitions, checked by the one answers form (core.answers)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from campaigns.models import Question
from core.answers import AnswersForm, Definition


def definition_of(question: Question) -> Definition:
    return Definition(
        code=question.code,
        label=question.label,
        kind=question.kind,
        required=question.required,
        # A campaign's options are shown as written and stored as written.
        choices=tuple((option, option) for option in question.options or ())
        if question.kind == Question.Kind.CHOICE
        else (),
        min_value=question.min_value,
        max_value=question.max_value,
        help_text=question.help_text,
        show_if_code=question.show_if_code,
        show_if_value=question.show_if_value,
    )


def answers_form(
    questions: Iterable[Question],
    data: Mapping[str, object],
    *,
    facts: Mapping[str, str],
    documents: Mapping[str, Iterable[int]],
) -> AnswersForm:
    """The form of one employee's answers: ``facts`` (master data) answer the pre-filled
    questions whatever is posted; ``documents`` lists, per file question, the ids of this
    employee's own uploads for it."""
    questions = list(questions)
    return AnswersForm(
        [definition_of(q) for q in questions],
        data=data,
        fixed={q.code: facts.get(q.prefill, "") for q in questions if q.prefill},
        documents=documents,
    )
