"""One form built from a list of question definitions: campaign answers and request answers.

A campaign's questions (rows a BKD admin writes) and a service's answer fields (kept with the
request forms) are the same thing, a list of :class:`Definition`; :class:`AnswersForm` builds
the fields from them, checks every answer with an Indonesian message beside it and gives back
``cleaned_answers()``: what is stored in a JSON column, keyed by the definition's code.

- A blank answer is left out (never stored as ""), and a required one is an error.
- A definition with ``show_if_code``/``show_if_value`` applies only when the answer to that
  earlier definition equals the value; otherwise whatever was posted for it is dropped.
- ``fixed`` answers (facts of the master data shown read-only) are stored as given, never
  taken from the post.
- A ``file`` answer is the id of a document the caller lets this answer refer to
  (``documents``): the upload itself happens before, through core.documents.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from django import forms
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.inputs import parse_id


class Kind(StrEnum):
    """What an answer is; the values are those of campaigns.models.Question.Kind."""

    TEXT = "text"
    NUMBER = "number"
    CHOICE = "choice"
    DATE = "date"
    YES_NO = "yes_no"
    FILE = "file"  # the id of a document already stored


YES, NO = "ya", "tidak"
MAX_TEXT = 2000
# A sane range for any number answer, whatever the definition's own bounds: answers are
# stored in JSON and shown back, so 10^26 or 1e999999 must never reach int()/float()
# (a float overflows to Infinity, which PostgreSQL's jsonb refuses) or the database.
MAX_NUMBER = Decimal("1e15")
MAX_DECIMALS = 6
_DATE_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")


@dataclass(frozen=True)
class Definition:
    """One question: its stable ``code`` (the key of the stored answer), what it asks, and its checks.

    ``choices`` are (stored value, label) pairs; ``min_value``/``max_value`` bound a number;
    ``max_length`` caps a text.
    """

    code: str
    label: object
    kind: str = Kind.TEXT
    required: bool = True
    choices: tuple[tuple[str, object], ...] = ()
    min_value: Decimal | None = None
    max_value: Decimal | None = None
    max_length: int = MAX_TEXT
    help_text: object = ""
    show_if_code: str = ""
    show_if_value: str = ""


def is_shown(definition, answers: Mapping[str, object]) -> bool:
    """Whether the question applies, given the answers to the questions before it.

    Anything with ``show_if_code``/``show_if_value`` will do (a Definition, a campaign
    Question), so a read-only page hides exactly what the form dropped.
    """
    if not definition.show_if_code:
        return True
    return str(answers.get(definition.show_if_code, "")) == definition.show_if_value


def _number(value: Decimal) -> str:
    return number_format(value.normalize() if value == value.to_integral() else value)


def _clean_number(definition: Definition, raw: str):
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
    low, high = definition.min_value, definition.max_value
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


def clean_value(definition: Definition, raw, *, documents: Iterable[int] = ()):
    """The stored form of one answer, or None when blank; ValueError(message) when invalid."""
    if raw is None:
        return None
    if definition.kind == Kind.FILE:
        if raw == "":
            return None
        # parse_id, not int(): a posted 10^26 must be "unknown", not an overflow later on.
        document_id = parse_id(raw)
        if document_id is None or document_id not in set(documents):
            raise ValueError(_("Berkas unggahan tidak dikenal; unggah ulang."))
        return document_id
    raw = str(raw).strip()
    if raw == "":
        return None
    if "\x00" in raw:
        # PostgreSQL's jsonb cannot hold a NUL character (the whole save would fail).
        raise ValueError(_("Isian memuat karakter yang tidak diizinkan (karakter null)."))
    match definition.kind:
        case Kind.TEXT:
            if len(raw) > definition.max_length:
                raise ValueError(
                    _("Teks terlalu panjang (paling banyak %(n)s karakter).") % {"n": definition.max_length}
                )
            return raw
        case Kind.NUMBER:
            return _clean_number(definition, raw)
        case Kind.CHOICE:
            if raw not in [value for value, _label in definition.choices]:
                raise ValueError(_("Pilihan tidak dikenal; pilih salah satu dari daftar."))
            return raw
        case Kind.DATE:
            return _clean_date(raw)
        case Kind.YES_NO:
            if raw not in (YES, NO):
                raise ValueError(_("Pilih Ya atau Tidak."))
            return raw
    raise ValueError(_("Jenis pertanyaan tidak dikenal."))


def required_message(definition: Definition) -> str:
    return (
        _("Unggah berkas untuk isian ini.") if definition.kind == Kind.FILE else _("Isian ini wajib diisi.")
    )


# --- The form -----------------------------------------------------------------------------


class _DateInput(forms.TextInput):
    input_type = "date"


class AnswerField(forms.Field):
    """One definition as a form field: clean_value's checks, its message as the field error.

    "Required" is checked by the form, not here: whether a question applies depends on
    the answers before it.
    """

    def __init__(self, definition: Definition, *, documents: Iterable[int] = (), **kwargs):
        self.definition = definition
        self.documents = frozenset(documents)
        super().__init__(
            label=definition.label,
            help_text=definition.help_text,
            required=definition.required,
            widget=_widget(definition),
            **kwargs,
        )

    def clean(self, value):
        try:
            return clean_value(self.definition, value, documents=self.documents)
        except ValueError as error:
            raise forms.ValidationError(str(error.args[0]), code="invalid") from None


def _widget(definition: Definition) -> forms.Widget:
    match definition.kind:
        case Kind.NUMBER:
            return forms.TextInput(attrs={"inputmode": "decimal"})
        case Kind.DATE:
            return _DateInput()
        case Kind.CHOICE:
            return forms.Select(choices=[("", "—"), *definition.choices])
        case Kind.YES_NO:
            return forms.RadioSelect(choices=[(YES, gettext_lazy("Ya")), (NO, gettext_lazy("Tidak"))])
        case Kind.FILE:
            return forms.HiddenInput()
    return forms.TextInput(attrs={"maxlength": definition.max_length})


class AnswersForm(forms.Form):
    """The answers to ``definitions``; ``cleaned_answers()`` is what the caller stores.

    ``fixed`` maps a code to the answer it takes whatever is posted (a master-data fact);
    ``documents`` maps a file definition's code to the document ids its answer may name.
    ``data`` may be a QueryDict or a plain dict of values (an action's input).
    """

    def __init__(
        self,
        definitions: Sequence[Definition],
        data=None,
        initial=None,
        *,
        fixed: Mapping[str, object] | None = None,
        documents: Mapping[str, Iterable[int]] | None = None,
        **kwargs,
    ):
        super().__init__(data=data, initial=initial, **kwargs)
        self.definitions = tuple(definitions)
        self.fixed = dict(fixed or {})
        documents = documents or {}
        for definition in self.definitions:
            if definition.code in self.fixed:
                self.fields[definition.code] = forms.Field(
                    label=definition.label, required=False, disabled=True, initial=self.fixed[definition.code]
                )
            else:
                self.fields[definition.code] = AnswerField(
                    definition, documents=documents.get(definition.code, ())
                )

    def clean(self):
        cleaned = super().clean()
        answers: dict = {}
        for definition in self.definitions:
            code = definition.code
            if not is_shown(definition, answers):
                self._errors.pop(code, None)  # not asked: its answer is dropped, and so is its error
                continue
            if code in self.fixed:
                answers[code] = self.fixed[code]
                continue
            if code in self._errors:
                continue
            value = cleaned.get(code)
            if value is None:
                if definition.required:
                    self.add_error(code, required_message(definition))
                continue
            answers[code] = value
        return answers

    def cleaned_answers(self) -> dict:
        """The answers to store (JSON-safe: str, int, float), keyed by code; all of them once
        ``is_valid()``, else those that passed their checks."""
        if not self.is_bound:
            raise ValueError("an unbound AnswersForm has no answers")
        self.is_valid()  # runs the checks, once
        return dict(self.cleaned_data)

    def answer_errors(self) -> dict[str, str]:
        """The first message per code, in the definitions' order."""
        errors = self.errors
        return {d.code: str(errors[d.code][0]) for d in self.definitions if d.code in errors}
