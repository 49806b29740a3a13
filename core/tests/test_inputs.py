"""Reading posted ids and free text without trusting their size or their bytes."""

from __future__ import annotations

import pytest

from core.inputs import MAX_ID, clean_text, parse_id, parse_int


@pytest.mark.parametrize("value, expected", [("7", 7), (7, 7), (str(MAX_ID), MAX_ID), ("007", 7)])
def test_an_id_a_database_column_can_hold_is_read(value, expected):
    assert parse_id(value) == expected


@pytest.mark.parametrize(
    "value", ["", None, "0", "-1", "+7", " 7", "1_0", "²", "٣", "7.0", str(MAX_ID + 1), "9" * 5000, True]
)
def test_anything_else_is_not_an_id(value):
    assert parse_id(value) is None


def test_an_integer_is_read_within_its_bounds_only():
    assert parse_int("-12", low=-100, high=100) == -12
    assert parse_int("101", low=-100, high=100) is None
    assert parse_int("1e3") is None


def test_free_text_loses_control_characters_and_is_capped():
    assert clean_text("ab\x00c\x07d\tbaris\nbaru", max_length=100) == "abcd\tbaris\nbaru"
    assert clean_text("x" * 500, max_length=100) == "x" * 100
    assert clean_text(None, max_length=5) == ""


@pytest.mark.django_db
def test_an_audit_filter_from_year_one_to_year_9999_is_refused_with_the_allowed_years(cast, client_for):
    from django.urls import reverse

    response = client_for(cast.admin).get(
        reverse("core:audit_list"), {"date_from": "0001-01-01", "date_to": "9999-12-31"}
    )
    assert response.status_code == 200
    assert "Tahun harus antara 1900 dan 2200." in response.content.decode()
