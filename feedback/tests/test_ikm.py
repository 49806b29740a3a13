"""IKM table tests through the real path: responses stored → the report's query → the rule.

The worked example is GASPUL's (docs/regulations.md, "SKM and IKM"): 29 respondents, unsur
totals 105, 101, 100, 116, 102, 105, 106, 105, 115 → 90.56 with the 0,11 weight, 91.48 with
exactly 1/9, both mutu A (PermenPANRB 14/2017, Lampiran: interval konversi). The boundary
cases are the smallest surveys whose converted value lands exactly on each edge of the
mutu table (88.31/88.30, 76.61/76.60, 65.00/64.99), for both weightings.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.apps import apps
from django.utils import timezone

from feedback.ikm.queries import ikm_report
from feedback.tests.builders import rows_for_totals, spread, store_responses
from regulations.skm import Weighting

pytestmark = pytest.mark.django_db

GASPUL = [105, 101, 100, 116, 102, 105, 106, 105, 115]
TODAY = dt.date(2026, 3, 10)


@pytest.fixture
def service(db):
    from layanan.tests.factories import make_service

    return make_service("izin-belajar", "Izin Belajar")


def _at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10, 0)))


@pytest.mark.parametrize(
    ("weighting", "converted", "ikm_value"),
    [(Weighting.ROUNDED, Decimal("90.56"), 3.6224), (Weighting.EXACT, Decimal("91.48"), 3.6590)],
)
def test_worked_example(service, weighting, converted, ikm_value):
    store_responses(service, rows_for_totals(GASPUL, 29), when=_at(TODAY))
    report = ikm_report(TODAY, TODAY, weighting=weighting)
    (row,) = report.services
    assert row.respondents == 29
    assert row.nrr == [3.6207, 3.4828, 3.4483, 4.0, 3.5172, 3.6207, 3.6552, 3.6207, 3.9655]
    assert row.result.converted == converted
    assert row.ikm_value == pytest.approx(ikm_value, abs=1e-4)
    assert row.result.mutu.grade == "A"
    assert report.total.result.converted == converted


# (weighting, respondents, sum of all answers) → converted value exactly on a band edge.
BOUNDARIES = [
    (Weighting.ROUNDED, 9, 289, "88.31", "A"),
    (Weighting.ROUNDED, 37, 1188, "88.30", "B"),
    (Weighting.ROUNDED, 7, 195, "76.61", "B"),
    (Weighting.ROUNDED, 34, 947, "76.60", "C"),
    (Weighting.ROUNDED, 11, 260, "65.00", "C"),
    (Weighting.ROUNDED, 19, 449, "64.99", "D"),
    (Weighting.EXACT, 24, 763, "88.31", "A"),
    (Weighting.EXACT, 19, 604, "88.30", "B"),
    (Weighting.EXACT, 19, 524, "76.61", "B"),
    (Weighting.EXACT, 26, 717, "76.60", "C"),
    (Weighting.EXACT, 5, 117, "65.00", "C"),
    (Weighting.EXACT, 38, 889, "64.99", "D"),
]


@pytest.mark.parametrize(("weighting", "n", "total", "converted", "mutu"), BOUNDARIES)
def test_every_mutu_boundary(service, weighting, n, total, converted, mutu):
    store_responses(service, rows_for_totals(spread(total, n), n), when=_at(TODAY))
    report = ikm_report(TODAY, TODAY, weighting=weighting)
    assert report.total.respondents == n
    assert report.total.result.converted == Decimal(converted)
    assert report.total.result.mutu.grade == mutu


def test_range_service_unit_and_sample(service):
    from layanan.tests.factories import make_service

    other = make_service("kp-reguler", "Kenaikan Pangkat Reguler")
    store_responses(service, rows_for_totals(GASPUL, 29), when=_at(TODAY), unit="Bidang A")
    store_responses(other, [[4] * 9] * 3, when=_at(TODAY), unit="Bidang A")
    store_responses(other, [[1] * 9] * 5, when=_at(TODAY + dt.timedelta(days=200)), unit="Bidang A")
    report = ikm_report(dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    assert [(g.label, g.respondents) for g in report.services] == [
        ("Izin Belajar", 29),
        ("Kenaikan Pangkat Reguler", 3),
    ]
    assert [(g.label, g.respondents) for g in report.units] == [("Bidang A", 32)]
    only = ikm_report(dt.date(2026, 1, 1), dt.date(2026, 6, 30), service_slug="kp-reguler")
    assert only.total.respondents == 3 and only.total.result.converted == Decimal("99.00")
    # No completed request in the range: no population, so no sample to compare with.
    assert report.total.sample is None
    profile = dict(report.profiles)["Jenis kelamin"]
    assert ("Perempuan", 32, 100.0) in profile


# The grouped answers, the service names, the completed requests, the suggestions (+ the closed tickets).
QUERIES = 4 + apps.is_installed("helpdesk")


def test_report_queries_are_constant(service, django_assert_num_queries):
    import itertools

    from feedback.survey.rules import PROFILE_FIELDS, profile

    store_responses(service, rows_for_totals(GASPUL, 29), when=_at(TODAY))
    with django_assert_num_queries(QUERIES):
        small = ikm_report(TODAY, TODAY)
    store_responses(service, [[3] * 9] * 300, when=_at(TODAY), suggestion="Antrean terlalu lama")
    # Every profile combination, so the aggregate has as many groups as it can.
    combinations = itertools.product(*([c for c, _label in profile()[f].choices] for f in PROFILE_FIELDS))
    for values in combinations:
        store_responses(service, [[2] * 9], when=_at(TODAY), **dict(zip(PROFILE_FIELDS, values, strict=True)))
    with django_assert_num_queries(QUERIES):
        big = ikm_report(TODAY, TODAY)
    assert small.total.respondents == 29 and big.total.respondents == 329 + 420
    assert len(big.suggestions) == 20
    # The breakdowns add up every combination once: 84 of the 420 per age band, 210 per gender.
    ages = {label: n for label, n, _pct in dict(big.profiles)["Umur"]}
    assert ages["Di bawah 25 tahun"] == 84 and ages["35–44 tahun"] == 84 + 329
    assert {label: n for label, n, _pct in dict(big.profiles)["Jenis kelamin"]}["Laki-laki"] == 210


def test_report_page_queries_are_constant(service, cast, client, django_assert_max_num_queries):
    client.force_login(cast.kepala_badan)
    url = f"/ikm/?dari={TODAY:%Y-%m-%d}&sampai={TODAY:%Y-%m-%d}"
    store_responses(service, rows_for_totals(GASPUL, 29), when=_at(TODAY))
    with django_assert_max_num_queries(40) as small:
        first = client.get(url)
    store_responses(service, [[3] * 9] * 300, when=_at(TODAY), gender="L", suggestion="Antrean terlalu lama")
    with django_assert_max_num_queries(len(small.captured_queries)):
        second = client.get(url)
    assert first.status_code == second.status_code == 200
    assert 'data-col="respondents">329<' in second.content.decode()
    assert "Antrean terlalu lama" in second.content.decode()


def test_xlsx_publishes_the_worked_example(service):
    import io

    from openpyxl import load_workbook

    from feedback.ikm.files import ikm_xlsx

    store_responses(service, rows_for_totals(GASPUL, 29), when=_at(TODAY))
    sheet = load_workbook(io.BytesIO(ikm_xlsx(ikm_report(TODAY, TODAY)))).active
    header, first, *_ = list(sheet.iter_rows(values_only=True))
    assert header[:4] == ("service", "level", "respondents", "u1") and "nilai_konversi" in header
    assert first[:3] == ("Izin Belajar", "layanan", 29)
    assert first[header.index("nilai_konversi")] == 90.56 and first[header.index("mutu")] == "A"
