"""The one spreadsheet writer: text never becomes a formula, numbers stay numbers."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from core.spreadsheets import csv_writer, safe_text, unescape_text, xlsx_bytes


def sheet_of(data: bytes):
    return load_workbook(io.BytesIO(data)).active


def csv_cells(*rows) -> list[list[str]]:
    out = io.StringIO()
    csv_writer(out).writerows(rows)
    return list(csv.reader(io.StringIO(out.getvalue())))


def test_text_that_starts_like_a_formula_is_a_string_cell_in_xlsx():
    sheet = sheet_of(xlsx_bytes("Uji", ["a", "b", "c"], [["=1+1", "#N/A", "+62 812"]]))
    assert [(c.value, c.data_type) for c in sheet[2]] == [("=1+1", "s"), ("#N/A", "s"), ("+62 812", "s")]


def test_numbers_and_dates_keep_their_type_in_xlsx():
    day = dt.date(2026, 8, 17)
    sheet = sheet_of(xlsx_bytes("Uji", ["n", "f", "d"], [[-5, -1.5, day]], date_format="DD-MM-YYYY"))
    number, decimal, date = sheet[2]
    assert (number.value, number.data_type) == (-5, "n")
    assert (decimal.value, decimal.data_type) == (-1.5, "n")
    assert date.value.date() == day and date.number_format == "DD-MM-YYYY"


def test_a_header_that_starts_with_equals_is_text_too():
    assert sheet_of(xlsx_bytes("Uji", ["=judul"], []))["A1"].data_type == "s"


def test_control_characters_xml_cannot_hold_are_dropped_instead_of_failing_the_file():
    assert sheet_of(xlsx_bytes("Uji", ["a"], [["Budi\x01 Santoso"]]))["A2"].value == "Budi Santoso"


def test_formula_like_text_is_quoted_in_csv_but_numbers_are_not():
    assert csv_cells(["=1+1", "@SUM(A1)", "-2+3", "+cmd", "\tx", -5, "-5", "+6281234", "Budi"]) == [
        ["'=1+1", "'@SUM(A1)", "'-2+3", "'+cmd", "'\tx", "-5", "-5", "+6281234", "Budi"]
    ]


def test_empty_cells_stay_empty_in_csv():
    assert csv_cells(["", None, 0]) == [["", "", "0"]]


@given(st.text(alphabet=st.sampled_from("=+-@'\t\rab1. ,"), max_size=8) | st.text(max_size=20))
def test_unescaping_gives_back_exactly_what_was_written(value):
    escaped = safe_text(value)
    assert unescape_text(escaped) == value
    if escaped[:1] in ("=", "+", "-", "@", "\t", "\r"):
        assert re.fullmatch(r"[+-]?\d+([.,]\d+)?", escaped), "only a plain number may start like a formula"


def test_a_quote_that_pelita_did_not_add_is_kept_on_reading():
    assert [unescape_text(v) for v in ["'Ma'ruf", "'-5", "O'Brien"]] == ["'Ma'ruf", "'-5", "O'Brien"]
