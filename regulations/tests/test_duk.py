"""DUK order (PP 15/1979; SE Kepala BAKN 03/SE/1980 section II letters b–g), with the
circular's own worked examples where it gives them."""

import json
from datetime import date

import pytest

from regulations.cli import main
from regulations.duk import DukEntry, command_duk, duk_order, latihan_level
from regulations.reasons import RuleInputError


def keys(entries):
    return [e.key for e in duk_order(entries)]


def test_higher_golongan_first_then_the_one_longer_in_it():
    # SE 03/SE/1980 II.b: Amat and Bindu IV/b from 1-10-1977, Cirus from 1-4-1978.
    cirus = DukEntry("cirus", "IV/b", date(1978, 4, 1))
    bindu = DukEntry("bindu", "IV/b", date(1977, 10, 1), masa_kerja_months=10)
    amat = DukEntry("amat", "IV/b", date(1977, 10, 1), masa_kerja_months=20)
    junior = DukEntry("junior", "IV/a", date(1960, 1, 1), masa_kerja_months=400)
    assert keys([junior, cirus, bindu, amat]) == ["amat", "bindu", "cirus", "junior"]


def test_same_golongan_and_date_the_higher_jabatan_first():
    # II.c: IV/c from the same date; a Kepala Biro (II.a) before a Kepala Bagian (III.a).
    kabag = DukEntry("kabag", "IV/c", date(1978, 4, 1), eselon="III.a", tmt_jabatan=date(1975, 1, 1))
    karo = DukEntry("karo", "IV/c", date(1978, 4, 1), eselon="II.a", tmt_jabatan=date(1977, 1, 1))
    fungsional = DukEntry("jf", "IV/c", date(1978, 4, 1), masa_kerja_months=500)
    assert keys([fungsional, kabag, karo]) == ["karo", "kabag", "jf"]


def test_equal_jabatan_the_one_who_held_it_longer_first():
    later = DukEntry("later", "III/d", date(1977, 10, 1), eselon="III.a", tmt_jabatan=date(1979, 1, 1))
    earlier = DukEntry("earlier", "III/d", date(1977, 10, 1), eselon="III.a", tmt_jabatan=date(1978, 4, 1))
    assert keys([later, earlier]) == ["earlier", "later"]


def test_then_the_longer_masa_kerja_first():
    # II.d: Gino (PNS since 1963) before Husein (since 1965), all else equal.
    common = {
        "golongan": "III/d",
        "tmt_golongan": date(1977, 10, 1),
        "eselon": "III.a",
        "tmt_jabatan": date(1978, 4, 1),
    }
    husein = DukEntry("husein", masa_kerja_months=12 * 12, **common)
    gino = DukEntry("gino", masa_kerja_months=14 * 12, **common)
    assert keys([husein, gino]) == ["gino", "husein"]


def test_then_leadership_training_higher_level_first_and_earlier_graduate_of_a_level_first():
    # II.e: those who passed the prescribed training first; same training → earlier graduate.
    common = {"golongan": "IV/c", "tmt_golongan": date(1978, 10, 1), "masa_kerja_months": 280}
    none = DukEntry("leman", **common)
    pim3_1978 = DukEntry("kasim", latihan_level=2, latihan_year=1978, **common)
    pim3_1976 = DukEntry("jakub", latihan_level=2, latihan_year=1976, **common)
    pim2 = DukEntry("ismail", latihan_level=3, latihan_year=1979, **common)
    assert keys([none, pim3_1978, pim3_1976, pim2]) == ["ismail", "jakub", "kasim", "leman"]


def test_then_the_higher_education_and_last_the_older():
    common = {"golongan": "III/a", "tmt_golongan": date(2020, 4, 1), "masa_kerja_months": 60}
    s1_young = DukEntry("s1-young", pendidikan="S1", tanggal_lahir=date(1995, 1, 1), **common)
    s1_old = DukEntry("s1-old", pendidikan="S1", tanggal_lahir=date(1990, 1, 1), **common)
    s2 = DukEntry("s2", pendidikan="S2", tanggal_lahir=date(1999, 1, 1), **common)
    assert keys([s1_young, s1_old, s2]) == ["s2", "s1-old", "s1-young"]


def test_the_command_orders_keys_and_refuses_bad_input(capsys):
    people = [
        {"key": "b", "golongan": "III/a", "tmt_golongan": "2020-04-01"},
        {"key": "a", "golongan": "III/b", "tmt_golongan": "2022-04-01"},
    ]
    assert main(["duk", json.dumps({"pegawai": people})]) == 0
    assert json.loads(capsys.readouterr().out) == {"urutan": ["a", "b"]}
    assert (
        main(["duk", json.dumps({"pegawai": [{"key": "x", "golongan": "III/a", "tmt_golongan": "kemarin"}]})])
        == 1
    )
    assert "tmt_golongan" in json.loads(capsys.readouterr().out)["error"]
    assert main(["duk", json.dumps({"pegawai": [{**people[0], "eselon": "V.z"}]})]) == 1
    with pytest.raises(RuleInputError):
        command_duk(["[]"])


@pytest.mark.parametrize(
    ("name", "level"),
    [
        ("Diklatpim Tingkat IV", 1),
        ("Diklat Kepemimpinan Tk. III", 2),
        ("DIKLATPIM II", 3),
        ("Diklatpim Tingkat I", 4),
        ("Pelatihan Kepemimpinan Pengawas (PKP)", 1),
        ("Pelatihan Kepemimpinan Administrator (PKA)", 2),
        ("PKN Tingkat II", 3),
        ("PKN Tingkat I", 4),
        ("Bimtek Arsip", 0),
    ],
)
def test_leadership_training_levels_by_name(name, level):
    assert latihan_level(name) == level
