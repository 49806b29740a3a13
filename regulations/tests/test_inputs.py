"""Command input parsing shared by every rule: Indonesian errors that name the field."""

from datetime import date
from enum import StrEnum

import pytest

from regulations.inputs import (
    RuleArgumentParser,
    angka,
    json_list,
    json_number,
    json_object,
    parse_choice,
    parse_iso_date,
    parse_json_argument,
    reject_unknown_fields,
    required,
)
from regulations.reasons import RuleInputError


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [(22.5, None, "22,5"), (15.0, None, "15"), (17.5, None, "17,5"), (3, None, "3"), (2.5, 2, "2,50")],
)
def test_numbers_are_written_with_a_decimal_comma(value, decimals, expected):
    assert angka(value, decimals) == expected


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "Berikan tepat satu argumen JSON."),
        (["{}", "{}"], "Berikan tepat satu argumen JSON."),
        (["{days: 1}"], "JSON tidak valid"),
        (["[1, 2]"], "JSON harus berupa objek"),
    ],
)
def test_json_commands_get_an_indonesian_error_for_malformed_json(argv, message):
    with pytest.raises(RuleInputError, match=message.replace(".", r"\.")):
        parse_json_argument(argv)


def test_argument_errors_are_rule_input_errors_not_exits():
    parser = RuleArgumentParser(prog="x", add_help=False)
    parser.add_argument("--birth", required=True)
    with pytest.raises(RuleInputError, match=r"Argumen tidak valid: .*--birth"):
        parser.parse_args([])


def test_parse_iso_date_names_the_field_in_its_error():
    assert parse_iso_date(" 2026-04-01 ", "period") == date(2026, 4, 1)
    for bad in ("1/4/2026", 20260401, None, "2026-02-30"):
        with pytest.raises(RuleInputError, match="period harus tanggal ISO YYYY-MM-DD, bukan"):
            parse_iso_date(bad, "period")


@pytest.mark.parametrize(
    ("value", "kwargs", "message"),
    [
        (True, {}, "n harus angka, bukan True."),
        ("3", {}, "n harus angka, bukan '3'."),
        (2.5, {"integer": True}, "n harus bilangan bulat, bukan 2.5."),
        (0.5, {"minimum": 1}, "n harus minimal 1, bukan 0,5."),
        (13, {"maximum": 12}, "n harus maksimal 12, bukan 13."),
        (-1, {"minimum": 0, "maximum": 12}, "n harus antara 0 dan 12, bukan -1."),
    ],
)
def test_json_number_says_what_is_wrong(value, kwargs, message):
    with pytest.raises(RuleInputError) as caught:
        json_number(value, "n", **kwargs)
    assert caught.value.message == message


def test_json_number_returns_the_value_unchanged():
    assert json_number(12, "n", integer=True, minimum=1, maximum=12) == 12
    assert json_number(0.5, "n", minimum=0) == 0.5


def test_json_containers_and_required_fields():
    assert json_object({"a": 1}, "x") == {"a": 1}
    assert json_list([1], "x") == [1]
    with pytest.raises(RuleInputError, match=r"x harus objek \{\.\.\.\}, bukan \[\]"):
        json_object([], "x")
    with pytest.raises(RuleInputError, match=r"x harus daftar \[\.\.\.\], bukan \{\}"):
        json_list({}, "x")
    assert required({"period": 1}, "period") == 1
    with pytest.raises(RuleInputError, match=r"Kolom period wajib diisi\."):
        required({}, "period")


def test_unknown_fields_are_listed_sorted_with_their_place():
    reject_unknown_fields({"a": 1}, ("a", "b"))
    with pytest.raises(RuleInputError, match=r"Kolom tidak dikenal: hari, x\."):
        reject_unknown_fields({"a": 1, "x": 2, "hari": 3}, ("a",))
    with pytest.raises(RuleInputError, match=r"Kolom config tidak dikenal: umur\."):
        reject_unknown_fields({"umur": 1}, {"max_age": 0}, "config ")


class Warna(StrEnum):
    MERAH = "merah"
    HIJAU_TUA = "hijau_tua"


def test_parse_choice_normalises_strings_and_lists_the_choices():
    assert parse_choice(Warna, "merah", "warna") is Warna.MERAH
    assert parse_choice(Warna, " Hijau Tua", "warna", lambda s: s.strip().lower().replace(" ", "_")) is (
        Warna.HIJAU_TUA
    )
    for bad in ("Merah", None, 3, ["merah"]):
        with pytest.raises(RuleInputError) as caught:
            parse_choice(Warna, bad, "warna")
        assert caught.value.message == f"warna {bad!r} tidak dikenal. Pilihan: merah, hijau_tua."
