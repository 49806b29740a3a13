"""manage.py campaign_report: the per-OPD table as CSV or XLSX, exact columns, unknown slug exits 2."""

from __future__ import annotations

import csv
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from campaigns.tests.participation_helpers import NOW, accept, simple_campaign, submit, two_opds

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(cast):
    with time_machine.travel(NOW, tick=False):
        campaign = simple_campaign(cast)
        a, b = two_opds(cast)
        accept(submit(campaign, a[0], cast.admin), cast.unit_pengolah)
        submit(campaign, a[1], cast.admin)
        submit(campaign, b[0], cast.admin)
    return campaign


EXPECTED = [
    ["opd", "target", "submitted", "accepted", "percent"],
    ["Dinas Kesehatan", "4", "2", "1", "50.0"],
    ["Dinas Perhubungan", "2", "1", "0", "50.0"],
]


def test_csv_goes_to_standard_output_with_the_exact_columns(campaign):
    out = StringIO()
    call_command("campaign_report", campaign.slug, "--format", "csv", stdout=out)
    assert list(csv.reader(StringIO(out.getvalue()))) == EXPECTED


def test_csv_to_a_file(campaign, tmp_path):
    target = tmp_path / "laporan.csv"
    call_command(
        "campaign_report", campaign.slug, "--format", "csv", "--output", str(target), stderr=StringIO()
    )
    assert list(csv.reader(target.open(encoding="utf-8"))) == EXPECTED


def test_xlsx_has_the_same_table(campaign, tmp_path):
    target = tmp_path / "laporan.xlsx"
    call_command(
        "campaign_report", campaign.slug, "--format", "xlsx", "--output", str(target), stderr=StringIO()
    )
    rows = [list(r) for r in load_workbook(target).active.iter_rows(values_only=True)]
    assert rows == [
        EXPECTED[0],
        ["Dinas Kesehatan", 4, 2, 1, 50],
        ["Dinas Perhubungan", 2, 1, 0, 50],
    ]


def test_unknown_slug_exits_2_with_an_indonesian_message(cast):
    with pytest.raises(CommandError, match="tidak ditemukan") as error:
        call_command("campaign_report", "tidak-ada", "--format", "csv")
    assert error.value.returncode == 2


def test_report_is_a_constant_number_of_queries(campaign, django_assert_num_queries):
    out = StringIO()
    with django_assert_num_queries(3):  # the campaign, the GROUP BY, the OPD names
        call_command("campaign_report", campaign.slug, "--format", "csv", stdout=out)
    assert list(csv.reader(StringIO(out.getvalue()))) == EXPECTED
