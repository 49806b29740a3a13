"""The demo's tables of names and places: every file reads, and one that does not fit is named."""

from __future__ import annotations

import pytest

from demo import files
from demo.people import KALBAR, PELAKSANA_TITLES, POLYTECHNICS, UNIVERSITIES


def test_the_tables_read_in_file_order():
    assert ("6171", "Pontianak") in KALBAR and all(code.startswith("61") for code, _ in KALBAR)
    assert set(PELAKSANA_TITLES) == {"rendah", "menengah", "tinggi"}
    # listed three times: the province's own university is drawn most often
    assert UNIVERSITIES[:3] == ("Universitas Tanjungpura",) * 3
    assert "Poltekkes Kemenkes Pontianak" in POLYTECHNICS


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("kode,name\n6101,Sambas\n", "the columns must be kode, nama"),
        ("kode,nama\n6101,\n", "line 2: expected 2"),
    ],
)
def test_a_table_that_does_not_fit_is_named(tmp_path, monkeypatch, text, message):
    (tmp_path / "broken.csv").write_text(text, encoding="utf-8")
    monkeypatch.setattr(files, "CONTENT", tmp_path)
    with pytest.raises(files.DemoTableError, match=message):
        files.table.__wrapped__("broken", ("kode", "nama"))
