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


def complaint_of_pegawai_a(cast, **kwargs):
    """pegawai_a complains, logged in, about OPD A: BKD staff, operator_a and pegawai_a see it."""
    from feedback.complaints.actions import do_file_complaint

    return do_file_complaint(
        channel="website",
        subject="Antrean loket lama",
        body="Saya menunggu dua jam di loket.",
        opd=cast.opd_a,
        name="Pegawai Dinkes",
        email="pegawai.a@example.org",
        complainant=cast.pegawai_a,
        actor=cast.pegawai_a,
        **kwargs,
    )


def service(slug="izin-belajar", name="Izin Belajar"):
    from layanan.tests.factories import make_service

    return make_service(slug, name)


def invitation(cast, user=None):
    from feedback.survey.actions import do_offer_survey

    return do_offer_survey(
        source="layanan",
        object_id=f"uji-{SurveyResponse.objects.count()}-{timezone.now().timestamp()}",
        reference="IB-2603-UJI01",
        unit="Bidang Pengembangan Kompetensi",
        service=service(),
        users=[user or cast.pegawai_a],
        subject="Survei kepuasan",
        body="Isi survei",
        actor=cast.admin,
    )


def answers(**overrides) -> dict:
    return {**{f"u{i}": 3 for i in range(1, 10)}, **PROFILE, "suggestion": "", **overrides}
