"""The JF catalogue file: it loads into the reference table, each row names its regulation, and
a row that does not fit is refused with its line."""

from __future__ import annotations

import re

import pytest

from people.models import JabatanFungsional
from people.reference.actions import sync_reference_tables
from people.reference.files import (
    CATALOGUE_FILE,
    JF_BY_CODE,
    JF_CATALOGUE,
    CatalogueFileError,
    load_catalogue,
)


def test_every_row_cites_its_regulation_and_a_ladder_of_its_kategori():
    assert len(JF_CATALOGUE) == len(JF_BY_CODE) >= 90
    for jf in JF_CATALOGUE:
        assert "Jabatan Fungsional" in jf.regulation, jf.code
        assert jf.jenjang and all(j.startswith("ahli") == (jf.kategori == "keahlian") for j in jf.jenjang)
    # a JF with both ladders is two rows, the keterampilan one marked in its name
    assert JF_BY_CODE["perawat_terampil"].base_name == JF_BY_CODE["perawat"].name == "Perawat"
    assert JF_BY_CODE["analis_kepegawaian"].jenjang == (
        "ahli_pertama",
        "ahli_muda",
        "ahli_madya",
        "ahli_utama",
    )


@pytest.mark.django_db
def test_the_sync_writes_the_file_into_the_reference_table_and_changes_nothing_twice():
    from people.models import Golongan

    sync_reference_tables(Golongan, JabatanFungsional)
    before = list(
        JabatanFungsional.objects.order_by("code").values_list("code", "name", "jenjang", "regulation")
    )
    sync_reference_tables(Golongan, JabatanFungsional)
    after = list(
        JabatanFungsional.objects.order_by("code").values_list("code", "name", "jenjang", "regulation")
    )
    assert before == after and len(after) == len(JF_CATALOGUE)
    guru = JabatanFungsional.objects.get(code="guru")
    assert guru.regulation == JF_BY_CODE["guru"].regulation and guru.kategori == "keahlian"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (",perencana,Perencana,keahlian,", ",perencana,Perencana,keahli,", "line 9: kategori 'keahli'"),
        (
            "ahli_pertama ahli_muda ahli_madya ahli_utama,PermenPAN-RB Nomor 4 Tahun 2020",
            "ahli_muda ahli_pertama,PermenPAN-RB Nomor 4 Tahun 2020",
            "line 9: jenjang must go from the lowest up",
        ),
        (
            "ahli_pertama ahli_muda ahli_madya ahli_utama,PermenPAN-RB Nomor 4 Tahun 2020",
            "terampil,PermenPAN-RB Nomor 4 Tahun 2020",
            "line 9: jenjang 'terampil' holds a code outside",
        ),
        (",perencana,Perencana,", ",pustakawan,Perencana,", "code(s) pustakawan appear more than once"),
        ("group,code,", "bidang,code,", "the columns must be group, code,"),
    ],
)
def test_a_row_that_does_not_fit_is_refused_with_its_line(tmp_path, old, new, message):
    text = CATALOGUE_FILE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / CATALOGUE_FILE.name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(CatalogueFileError, match=re.escape(message)):
        load_catalogue(path)
