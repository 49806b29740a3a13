"""The standard question sets (campaigns/content/question_sets/): each one fits the Question
model, its year is filled in, and a file that does not fit is refused with the place."""

from __future__ import annotations

import pytest

from campaigns.design import files
from campaigns.design.files import QuestionSetError, names, question_set
from campaigns.models import Question
from regulations.skp import Predikat


@pytest.mark.parametrize("name", names())
def test_every_set_fits_the_question_model_and_takes_its_year(name):
    found = question_set(name, year=2027)
    assert found.slug.endswith("-2027") and "2027" in found.title
    assert "{year}" not in repr(found)
    assert [q["order"] for q in found.questions] == list(range(1, len(found.questions) + 1))
    for fields in found.questions:
        Question(**fields).full_clean(exclude=["campaign"], validate_constraints=False)


def test_the_two_sets_a_bkd_runs_are_there():
    assert {"like-asn", "si-jafung"} <= set(names())
    like = question_set("like-asn", year=2025)
    # the five-step scale of PermenPAN-RB 6/2022, named as regulations.skp names it
    scale = (
        Predikat.SANGAT_BAIK,
        Predikat.BAIK,
        Predikat.BUTUH_PERBAIKAN,
        Predikat.KURANG,
        Predikat.SANGAT_KURANG,
    )
    assert like.option_list("predikat_skp") == [p.label for p in scale]
    jafung = question_set("si-jafung", year=2025)
    assert jafung.audience == {"jenis_jabatan": ["fungsional"]}
    codes = {q["code"] for q in jafung.questions}
    assert {"sesuai_peta_jabatan", "tugas_tambahan"} <= codes  # what the jafung monitoring reads
    extra = next(q for q in jafung.questions if q["code"] == "tugas_tambahan_uraian")
    assert (extra["show_if_code"], extra["show_if_value"]) == ("tugas_tambahan", "ya")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("kind: survey", "kind: census", "kind 'census' is not one of"),
        ("jenis_jabatan: [fungsional]", "opds: [1]", "audience may only filter by"),
        (
            "show_if: {code: tugas_tambahan, value: ya}",
            "show_if: {code: kendala, value: ya}",
            "question 9: show_if names 'kendala'",
        ),
        (
            "kind: number\n    min_value: 0\n    max_value: 40",
            "kind: number\n    min_value: 50\n    max_value: 40",
            "question 5:",
        ),
        (
            "  - code: kendala\n",
            "  - code: kendala\n    colour: red\n",
            "question 10: unknown field(s) colour",
        ),
        (
            "{code: jenjang, label: Jenjang, kind: text, prefill: jenjang}",
            "{code: nama, label: Jenjang, kind: text}",
            "question 3: the code 'nama' is used twice",
        ),
        ("prefill: tmt_golongan}", "prefill: tanggal_lahir}", "question 4: prefill"),
    ],
)
def test_a_set_that_does_not_fit_is_refused_with_the_place(tmp_path, monkeypatch, old, new, message):
    text = (files.FOLDER / "si-jafung.yaml").read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "broken.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    monkeypatch.setattr(files, "FOLDER", tmp_path)
    files._raw.cache_clear()
    try:
        with pytest.raises(QuestionSetError) as refused:
            question_set("broken", year=2025)
    finally:
        files._raw.cache_clear()
    assert message in str(refused.value) and "broken.yaml" in str(refused.value)


def test_an_unknown_set_is_named():
    with pytest.raises(QuestionSetError, match="no question set 'sensus'"):
        question_set("sensus", year=2025)
