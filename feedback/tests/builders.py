"""Test builders: survey responses with exact unsur totals, complaints in a given state."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from feedback.models import SurveyResponse

PROFILE = {"age_band": "35-44", "gender": "P", "education": "s1-d4", "occupation": "pns"}


def rows_for_totals(totals: list[int], n: int) -> list[list[int]]:
    """``n`` rows of nine answers 1–4 whose column sums are ``totals``."""
    rows = [[0] * len(totals) for _ in range(n)]
    for col, total in enumerate(totals):
        q, r = divmod(total, n)
        for i in range(n):
            rows[i][col] = q + (1 if i < r else 0)
    return rows


def spread(total: int, n: int) -> list[int]:
    """A grand total of all answers over nine unsur, as nine column totals."""
    base, rem = divmod(total, 9)
    return [base + (1 if i < rem else 0) for i in range(9)]


def store_responses(service, rows, *, when: dt.datetime | None = None, unit: str = "Unit Uji", **profile):
    when = when or timezone.now()
    return SurveyResponse.objects.bulk_create(
        SurveyResponse(
            service=service,
            unit=unit,
            channel=SurveyResponse.Channel.WALK_IN,
            submitted_at=when,
            **{f"u{i + 1}": a for i, a in enumerate(row)},
            **{**PROFILE, **profile},
        )
        for row in rows
    )
