"""Checking answers against the questions, whether a submission may still change, and the domain errors.

Used by campaigns.submissions.actions.do_submit, so the form, an operator's on-behalf form and any
future API get the same per-field Indonesian messages. Conditions are applied here: a
question whose condition does not hold is not asked, and anything posted for it is
dropped rather than stored.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from campaigns.models import Campaign, Question, Submission
from core.inputs import parse_id

YES, NO = "ya", "tidak"
MAX_TEXT = 2000
# A sane range for any number answer, whatever the question's own bounds: answers are
# stored in JSON and shown back, so 10^26 or 1e999999 must never reach int()/float()
# (a float overflows to Infinity, which PostgreSQL's jsonb refuses) or the database.
MAX_NUMBER = Decimal("1e15")
MAX_DECIMALS = 6
_DATE_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")


class AnswersInvalid(ValueError):
    """Some answers do not fit their questions; ``errors`` maps question code → message."""

    def __init__(self, errors: dict[str, str], answers: dict):
        super().__init__(_("Beberapa isian belum benar."))
        self.errors = errors
        self.answers = answers


def is_shown(question: Question, answers: Mapping[str, object]) -> bool:
    """Whether the question applies, given the answers to the questions before it."""
    if not question.show_if_code:
        return True
    return str(answers.get(question.show_if_code, "")) == question.show_if_value


def _number(value: Decimal) -> str:
    return number_format(value.normalize() if value == value.to_integral() else value)


def _clean_number(question: Question, raw: str):
    text = raw.replace(" ", "")
    # Indonesian writes 12,5; a dot is accepted too. Thousands separators are not guessed.
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(_("Masukkan angka, mis. 12 atau 12,5.")) from None
    if not value.is_finite():
        raise ValueError(_("Masukkan angka, mis. 12 atau 12,5."))
    if abs(value) >= MAX_NUMBER:
        raise ValueError(
            _("Angka terlalu besar; gunakan angka di antara -%(max)s dan %(max)s.")
            % {"max": number_format(MAX_NUMBER - 1, force_grouping=True)}
        )
    if value != value.quantize(Decimal(1).scaleb(-MAX_DECIMALS), rounding="ROUND_DOWN"):
        raise ValueError(_("Paling banyak %(n)s angka di belakang koma.") % {"n": MAX_DECIMALS})
    low, high = question.min_value, question.max_value
    if (low is not None and value < low) or (high is not None and value > high):
        if low is not None and high is not None:
            message = _("Nilai harus antara %(min)s dan %(max)s.") % {
                "min": _number(low),
                "max": _number(high),
            }
        elif low is not None:
            message = _("Nilai paling kecil %(min)s.") % {"min": _number(low)}
        else:
            message = _("Nilai paling besar %(max)s.") % {"max": _number(high)}
        raise ValueError(message)
    return int(value) if value == value.to_integral() else float(value)


def _clean_date(raw: str) -> str:
    try:
        return dt.date.fromisoformat(raw).isoformat()
    except ValueError:
        pass
    match = _DATE_DMY.match(raw)
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            pass
    raise ValueError(_("Tanggal tidak valid; gunakan format tanggal-bulan-tahun, mis. 17-08-2025."))


def clean_value(question: Question, raw, *, documents: Iterable[int] = ()):
    """The stored form of one answer, or None when blank; ValueError(message) when invalid."""
    if raw is None:
        return None
    if question.kind == Question.Kind.FILE:
        if raw in ("", None):
            return None
        # parse_id, not int(): a posted 10^26 must be "unknown", not an overflow later on.
        document_id = parse_id(raw)
        if document_id is None or document_id not in set(documents):
            raise ValueError(_("Berkas unggahan tidak dikenal; unggah ulang."))
        return document_id
    raw = str(raw).strip()
    if raw == "":
        return None
    match question.kind:
        case Question.Kind.TEXT:
            if len(raw) > MAX_TEXT:
                raise ValueError(_("Teks terlalu panjang (paling banyak %(n)s karakter).") % {"n": MAX_TEXT})
            return raw
        case Question.Kind.NUMBER:
            return _clean_number(question, raw)
        case Question.Kind.CHOICE:
            if raw not in question.options:
                raise ValueError(_("Pilihan tidak dikenal; pilih salah satu dari daftar."))
            return raw
        case Question.Kind.DATE:
            return _clean_date(raw)
        case Question.Kind.YES_NO:
            if raw not in (YES, NO):
                raise ValueError(_("Pilih Ya atau Tidak."))
            return raw
    raise ValueError(_("Jenis pertanyaan tidak dikenal."))


def clean_answers(
    questions: Iterable[Question],
    raw: Mapping[str, object],
    *,
    facts: Mapping[str, str] | None = None,
    documents: Mapping[str, Iterable[int]] | None = None,
) -> dict:
    """The answers to store, keyed by question code; raise AnswersInvalid with every error.

    ``facts`` are the employee's master-data facts: a pre-filled question takes its value
    from there, never from the post. ``documents`` lists, per file question, the document
    ids this employee may refer to (their own uploads for that question).
    """
    facts = facts or {}
    documents = documents or {}
    answers: dict = {}
    errors: dict[str, str] = {}
    for question in questions:
        if not is_shown(question, answers):
            continue  # a hidden question's answer is dropped, whatever was posted
        if question.prefill:
            answers[question.code] = facts.get(question.prefill, "")
            continue
        try:
            value = clean_value(question, raw.get(question.code), documents=documents.get(question.code, ()))
        except ValueError as error:
            errors[question.code] = str(error.args[0])
            continue
        if value is None:
            if question.required:
                errors[question.code] = (
                    _("Unggah berkas untuk isian ini.")
                    if question.kind == Question.Kind.FILE
                    else _("Isian ini wajib diisi.")
                )
            continue
        answers[question.code] = value
    if errors:
        raise AnswersInvalid(errors, answers)
    return answers


def can_edit(campaign: Campaign, submission: Submission | None, now: dt.datetime | None = None) -> bool:
    """Open campaign, or a needs-fix submission still within its own deadline."""
    now = now or timezone.now()
    if submission is not None and submission.status == Submission.Status.ACCEPTED:
        return False
    if campaign.is_open(now):
        return True
    return (
        submission is not None
        and campaign.published
        and submission.status == Submission.Status.NEEDS_FIX
        and submission.fix_deadline is not None
        and now < submission.fix_deadline
    )


def check_editable(campaign: Campaign, submission: Submission | None, now: dt.datetime | None = None) -> None:
    """Raise the reason the form is read-only for this employee, if it is."""
    now = now or timezone.now()
    if can_edit(campaign, submission, now):
        return
    if submission is not None and submission.status == Submission.Status.ACCEPTED:
        raise SubmissionLocked(_("Isian ini sudah diterima dan tidak dapat diubah lagi."))
    if not campaign.published or now < campaign.opens_at:
        raise CampaignClosed(_("Kampanye ini belum dibuka."))
    raise CampaignClosed(_("Kampanye ini sudah ditutup; isian tidak dapat dikirim atau diubah lagi."))


# Domain errors of campaigns; each carries an Indonesian message for the user. Those of
# uploads (UploadRefused, UploadClosed) are in campaigns.uploads.rules.


class CampaignError(Exception):
    """A refused campaign action; ``str(error)`` is the message to show."""


class CampaignClosed(CampaignError):
    """The campaign is not open (not published, not yet open, or closed) for this employee."""


class NotTargeted(CampaignError):
    """The employee is not in the campaign's target population."""


class SubmissionLocked(CampaignError):
    """The submission was accepted and can no longer be changed."""


class StaleVersion(CampaignError):
    """The form was based on an older version than the one now stored (two tabs, two devices)."""

    def __init__(self, message: str, current: int):
        super().__init__(message)
        self.current = current


class QuestionGone(CampaignError):
    """The question was deleted (in another tab) while this action was on its way."""
