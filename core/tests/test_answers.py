"""The one answers form: every kind accepts what it should, refuses the rest in Indonesian,
and what it gives back is JSON that PostgreSQL's jsonb can hold."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from core.answers import AnswersForm, Definition, Kind, is_shown

NUMBER = Definition("nilai", "Nilai", Kind.NUMBER, min_value=Decimal("0"), max_value=Decimal("100"))
TEXT = Definition("uraian", "Uraian", Kind.TEXT, max_length=20)
CHOICE = Definition("jenjang", "Jenjang", Kind.CHOICE, choices=(("s1", "S-1"), ("s2", "S-2")))
DATE = Definition("tanggal", "Tanggal", Kind.DATE)
YES_NO = Definition("aktif", "Aktif?", Kind.YES_NO)
FILE = Definition("laporan", "Laporan", Kind.FILE)
ALL = (NUMBER, TEXT, CHOICE, DATE, YES_NO, FILE)
DOCUMENTS = {"laporan": {7}}
TOO_BIG = "Angka terlalu besar; gunakan angka di antara -999.999.999.999.999 dan 999.999.999.999.999."
NUL = "Isian memuat karakter yang tidak diizinkan (karakter null)."


def _check(definition: Definition, raw):
    """(stored answers, errors) of a form of this one definition."""
    form = AnswersForm([definition], data={definition.code: raw}, documents=DOCUMENTS)
    form.is_valid()
    return form.cleaned_answers(), form.answer_errors()


@pytest.mark.parametrize(
    ("definition", "raw", "stored"),
    [
        (NUMBER, "87", 87),
        (NUMBER, "87,5", 87.5),
        (NUMBER, " 87.25 ", 87.25),
        (NUMBER, 100, 100),
        (TEXT, "  Bendahara  ", "Bendahara"),
        (CHOICE, "s2", "s2"),
        (DATE, "2025-08-17", "2025-08-17"),
        (DATE, "17-08-2025", "2025-08-17"),
        (DATE, "17/8/2025", "2025-08-17"),
        (YES_NO, "ya", "ya"),
        (YES_NO, "tidak", "tidak"),
        (FILE, "7", 7),
        (FILE, 7, 7),
    ],
)
def test_a_valid_answer_is_stored_in_its_json_form(definition, raw, stored):
    answers, errors = _check(definition, raw)
    assert errors == {}
    assert answers == {definition.code: stored}
    assert json.loads(json.dumps(answers)) == answers


@pytest.mark.parametrize(
    ("definition", "raw", "message"),
    [
        (NUMBER, "dua", "Masukkan angka, mis. 12 atau 12,5."),
        (NUMBER, "NaN", "Masukkan angka, mis. 12 atau 12,5."),
        (NUMBER, "120", "Nilai harus antara 0 dan 100."),
        (NUMBER, "-1", "Nilai harus antara 0 dan 100."),
        (NUMBER, "1,1234567", "Paling banyak 6 angka di belakang koma."),
        (TEXT, "x" * 21, "Teks terlalu panjang (paling banyak 20 karakter)."),
        (CHOICE, "s9", "Pilihan tidak dikenal; pilih salah satu dari daftar."),
        (CHOICE, "S-1", "Pilihan tidak dikenal; pilih salah satu dari daftar."),  # the label is not the value
        (DATE, "31-02-2025", "Tanggal tidak valid; gunakan format tanggal-bulan-tahun, mis. 17-08-2025."),
        (DATE, "besok", "Tanggal tidak valid; gunakan format tanggal-bulan-tahun, mis. 17-08-2025."),
        (YES_NO, "mungkin", "Pilih Ya atau Tidak."),
        (FILE, "8", "Berkas unggahan tidak dikenal; unggah ulang."),  # not one of the caller's documents
        (FILE, "abc", "Berkas unggahan tidak dikenal; unggah ulang."),
    ],
)
def test_an_invalid_answer_gets_its_indonesian_message_and_is_not_stored(definition, raw, message):
    assert _check(definition, raw) == ({}, {definition.code: message})


@pytest.mark.parametrize("definition", ALL, ids=lambda d: d.kind)
def test_a_blank_required_answer_is_asked_for_and_a_blank_optional_one_left_out(definition):
    required = "Unggah berkas untuk isian ini." if definition.kind == Kind.FILE else "Isian ini wajib diisi."
    assert _check(definition, "") == ({}, {definition.code: required})
    assert _check(definition, "   " if definition.kind != Kind.FILE else "") == (
        {},
        {definition.code: required},
    )
    optional = Definition(**{**definition.__dict__, "required": False})
    assert _check(optional, "") == ({}, {})
    form = AnswersForm([definition], data={})  # not posted at all
    assert not form.is_valid() and form.answer_errors() == {definition.code: required}


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("1" + "0" * 26, TOO_BIG),
        ("1e999999", TOO_BIG),
        ("-1e999999", TOO_BIG),
        ("9" * 5000, TOO_BIG),
        ("Infinity", "Masukkan angka, mis. 12 atau 12,5."),
        ("1e-999999", "Paling banyak 6 angka di belakang koma."),
    ],
)
def test_a_huge_number_is_refused_before_it_reaches_int_or_float(raw, message):
    assert _check(Definition("n", "N", Kind.NUMBER), raw) == ({}, {"n": message})


def test_the_largest_allowed_number_is_kept_and_the_next_one_refused():
    unbounded = Definition("n", "N", Kind.NUMBER)
    assert _check(unbounded, "999999999999999") == ({"n": 999_999_999_999_999}, {})
    assert _check(unbounded, "1000000000000000") == ({}, {"n": TOO_BIG})


@pytest.mark.parametrize("definition", [d for d in ALL if d.kind != Kind.FILE], ids=lambda d: d.kind)
def test_a_nul_byte_is_refused_in_every_kind(definition):
    answers, errors = _check(definition, "s\x002")
    assert answers == {} and errors == {definition.code: NUL}


def test_a_nul_byte_in_a_file_answer_is_an_unknown_document():
    assert _check(FILE, "7\x00") == ({}, {"laporan": "Berkas unggahan tidak dikenal; unggah ulang."})


def test_a_wrong_choice_is_refused_whatever_its_shape():
    for raw in ["", "s1 s2", "<script>", "s1\u202e", "ｓ１"]:
        answers, errors = _check(CHOICE, raw)
        assert answers == {} and "jenjang" in errors


def test_a_question_that_does_not_apply_is_dropped_with_its_error():
    definitions = [
        YES_NO,
        Definition("alasan", "Alasan", Kind.TEXT, max_length=5, show_if_code="aktif", show_if_value="ya"),
    ]
    form = AnswersForm(definitions, data={"aktif": "tidak", "alasan": "terlalu panjang"})
    assert form.is_valid() and form.cleaned_answers() == {"aktif": "tidak"}
    form = AnswersForm(definitions, data={"aktif": "ya", "alasan": ""})
    assert not form.is_valid() and form.answer_errors() == {"alasan": "Isian ini wajib diisi."}
    # An invalid answer to the condition leaves the dependent question unasked.
    form = AnswersForm(definitions, data={"aktif": "mungkin", "alasan": "x"})
    assert form.answer_errors() == {"aktif": "Pilih Ya atau Tidak."}
    assert is_shown(definitions[1], {"aktif": "ya"}) and not is_shown(definitions[1], {})


def test_a_fixed_answer_comes_from_the_caller_not_the_post():
    form = AnswersForm(
        [TEXT, NUMBER], data={"uraian": "tempelan", "nilai": "5"}, fixed={"uraian": "Dari data"}
    )
    assert form.is_valid() and form.cleaned_answers() == {"uraian": "Dari data", "nilai": 5}


def test_every_error_is_reported_at_once_in_the_definitions_order():
    form = AnswersForm(ALL, data={"nilai": "x", "jenjang": "s9"}, documents=DOCUMENTS)
    assert not form.is_valid()
    assert list(form.answer_errors()) == ["nilai", "uraian", "jenjang", "tanggal", "aktif", "laporan"]


def test_the_form_renders_a_control_per_kind_with_the_posted_value_and_its_error():
    form = AnswersForm(ALL, data={"uraian": "x" * 30, "jenjang": "s2"}, documents=DOCUMENTS)
    assert not form.is_valid()
    html = form.as_div()
    assert 'maxlength="20"' in html and 'inputmode="decimal"' in html and 'type="date"' in html
    assert '<option value="s2" selected>S-2</option>' in html
    assert 'type="radio"' in html and 'type="hidden"' in html
    assert "Teks terlalu panjang (paling banyak 20 karakter)." in html
    unbound = AnswersForm([CHOICE], initial={"jenjang": "s1"})
    assert '<option value="s1" selected>S-1</option>' in unbound.as_div()


def test_a_campaign_question_kind_is_an_answer_kind():
    from campaigns.models import Question

    assert {k.value for k in Question.Kind} == {k.value for k in Kind}
