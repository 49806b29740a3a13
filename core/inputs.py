"""Reading ids and numbers that a user typed or posted, without trusting their size.

Python's ints have no limit but database integers do: an id of 26 digits passed to a
query makes SQLite raise OverflowError (and PostgreSQL a DataError) inside the view, a
500. Django guards exact/lt/gt lookups on integer fields but not ``__in``, JSON values or
raw arithmetic, so every posted id goes through :func:`parse_id` first.
"""

from __future__ import annotations

import copy
import datetime as dt
import re

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# The largest value of a 64-bit signed integer column (BigAutoField, SQLite INTEGER).
MAX_ID = 2**63 - 1


def parse_id(value) -> int | None:
    """The positive database id ``value`` spells, or None when it is not one.

    Only plain ASCII digits are accepted (``int()`` would also take "٣", " 7", "+7" and
    "1_0"), and only ids a 64-bit column can hold.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    else:
        text = str(value) if value is not None else ""
        if not (text.isascii() and text.isdigit()) or len(text) > len(str(MAX_ID)):
            return None
        number = int(text)
    return number if 1 <= number <= MAX_ID else None


def parse_int(value, *, low: int = -MAX_ID, high: int = MAX_ID) -> int | None:
    """The integer ``value`` spells within [low, high] (optional leading minus), else None."""
    text = str(value).strip() if value is not None else ""
    digits = text[1:] if text.startswith("-") else text
    if not (digits.isascii() and digits.isdigit()) or len(digits) > len(str(MAX_ID)):
        return None
    number = int(text)
    return number if low <= number <= high else None


# --- Form fields that refuse what the database or the calendar cannot hold ---------------

# Dates a personnel record can mean. Python's date runs from year 1 to 9999, but 0001-01-01
# 00:00 in WIB is still year 0 in UTC (OverflowError when stored) and 9999-12-31 plus a
# day's arithmetic overflows too; nothing at BKD is dated outside these years.
MIN_YEAR, MAX_YEAR = 1900, 2200


def _check_year(value) -> None:
    if value is not None and not MIN_YEAR <= value.year <= MAX_YEAR:
        raise forms.ValidationError(
            _("Tahun harus antara %(min)s dan %(max)s.") % {"min": MIN_YEAR, "max": MAX_YEAR},
            code="year_out_of_range",
        )


class DateField(forms.DateField):
    """A date between MIN_YEAR and MAX_YEAR."""

    def validate(self, value):
        super().validate(value)
        _check_year(value)


class DateTimeField(forms.DateTimeField):
    """A date and time between MIN_YEAR and MAX_YEAR."""

    def validate(self, value):
        super().validate(value)
        _check_year(value)


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's, with posted ids checked against MAX_ID before the ``pk__in`` query.

    Django guards an exact lookup against integers the column cannot hold, but not the
    ``__in`` query this field runs: on SQLite a posted 10^20 raised OverflowError (a 500).
    """

    def _check_values(self, value):
        integer_pk = isinstance(self.queryset.model._meta.pk, models.IntegerField)
        if not self.to_field_name and integer_pk and not isinstance(value, (str, bytes)):
            for pk in value:
                if parse_id(pk) is None:
                    raise forms.ValidationError(
                        self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                    )
        return super()._check_values(value)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(value, *, max_length: int) -> str:
    """Posted free text read without a form: control characters dropped, length capped.

    PostgreSQL refuses a NUL byte in any text parameter (DataError, a 500), even in a
    search filter that stores nothing; Django's form fields refuse it, raw reads must too.
    """
    text = "" if value is None else str(value)
    return _CONTROL.sub("", text)[:max_length]


def search_term(request, *, name: str = "q", max_length: int = 100) -> str:
    """The search box of a list screen, read through clean_text and stripped."""
    return clean_text(request.GET.get(name), max_length=max_length).strip()


def edit_form(form_class, obj, data=None, **kwargs):
    """A ModelForm for editing ``obj`` that validates against a copy of it.

    ModelForm validation writes the submitted values onto its instance; the edit actions
    need the untouched object to record a true "before" in the audit log.
    """
    return form_class(data, instance=copy.copy(obj), **kwargs)


_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


class MonthForm(forms.Form):
    """The month of a monthly report (``?bulan=YYYY-MM``); none or a malformed one means the
    current month, with the message beside the field."""

    bulan = forms.CharField(
        label=gettext_lazy("Bulan"),
        required=False,
        widget=forms.TextInput(attrs={"type": "month", "pattern": r"\d{4}-\d{2}", "placeholder": "2026-11"}),
        help_text=gettext_lazy("Format TTTT-BB, mis. 2026-11."),
    )

    def clean_bulan(self) -> dt.date | None:
        value = self.cleaned_data["bulan"].strip()
        if not value:
            return None
        match = _MONTH.match(value)
        if not match or not (1 <= int(match[2]) <= 12) or not (2000 <= int(match[1]) <= 2100):
            raise forms.ValidationError(gettext_lazy("Bulan tidak dikenali: tulis TTTT-BB, mis. 2026-11."))
        return dt.date(int(match[1]), int(match[2]), 1)

    def month(self) -> dt.date:
        """The chosen month, or the current one when none (or a malformed one) was given."""
        chosen = self.cleaned_data.get("bulan") if self.is_valid() else None
        return chosen or timezone.localdate().replace(day=1)
