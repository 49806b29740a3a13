"""Gaji pokok and KGB: cells of the annexes of PP 15/2019 and PP 5/2024, PP 7/1977 Pasal 18,
PP 53/2010 Pasal 7 ayat (3) huruf a."""

from datetime import date

import pytest

from regulations.cli import main
from regulations.ranks import golongan
from regulations.reasons import RuleInputError
from regulations.salary import (
    PP_15_2019,
    Hold,
    KgbInput,
    default_table,
    kgb_in_month,
    load_table,
    next_kgb,
)
from regulations.ujian_dinas import Appraisal

G = golongan


def test_pp15_2019_cells():
    # Lampiran PP 15/2019: I/a MKG 0 Rp1.560.800; IV/e MKG 0 Rp3.593.100, MKG 32 Rp5.901.200.
    table = load_table(PP_15_2019, "PP 15/2019")
    assert table.gaji(G("I/a"), 0) == 1_560_800
    assert table.gaji(G("IV/e"), 0) == 3_593_100
    assert table.gaji(G("IV/e"), 32) == 5_901_200
    # A cell the file does not hold is an error, never a guess.
    with pytest.raises(RuleInputError, match="tidak tercatat"):
        table.gaji(G("II/a"), 0)


def test_pp5_2024_cells():
    # Lampiran PP 5/2024: I/a MKG 0 Rp1.685.700; II/a MKG 1 Rp2.218.400; III/a MKG 0
    # Rp2.785.700; IV/e MKG 32 Rp6.373.200; II/d MKG 33 Rp4.125.600.
    t = default_table()
    assert t.gaji(G("I/a"), 0) == 1_685_700
    assert t.gaji(G("II/a"), 1) == 2_218_400
    assert t.gaji(G("III/a"), 0) == 2_785_700
    assert t.gaji(G("IV/e"), 32) == 6_373_200
    assert t.gaji(G("II/d"), 33) == 4_125_600
    # Between steps the lower step's cell applies; above the top, the top.
    assert t.gaji(G("III/a"), 3) == t.gaji(G("III/a"), 2) == 2_873_500
    assert t.gaji(G("IV/e"), 40) == 6_373_200
    assert len(t.cells) == 272


def test_pp5_2024_is_eight_percent_above_pp15_2019():
    # PP 5/2024 raised every cell by 8% (rounded); the cells both files hold agree.
    old = load_table(PP_15_2019)
    new = default_table()
    for (code, mkg), gaji in old.cells.items():
        assert abs(new.cells[(code, mkg)] - gaji * 1.08) < 200


def test_kgb_every_two_years():
    # PP 7/1977 Pasal 18: the next step of the table when the MKG reaches it.
    p = KgbInput(
        G("III/a"), date(2024, 4, 1), mkg_tahun=2, mkg_bulan=0, appraisals=(Appraisal(2025, "baik"),)
    )
    r = next_kgb(p, date(2024, 5, 1))
    assert r.tmt == date(2026, 4, 1)
    assert (r.mkg_baru, r.gaji_lama, r.gaji_baru) == (4, 2_873_500, 2_964_000)
    assert r.eligible
    assert kgb_in_month(p, 2026, 4) == r
    assert kgb_in_month(p, 2026, 5) is None


def test_kgb_due_exactly_on_the_first_of_month_is_this_month():
    p = KgbInput(G("III/a"), date(2024, 4, 1), mkg_tahun=2, appraisals=(Appraisal(2025, "baik"),))
    assert next_kgb(p, date(2026, 4, 1)).tmt == date(2026, 4, 1)
    assert next_kgb(p, date(2026, 4, 2)).tmt == date(2028, 4, 1)


def test_kgb_ii_a_first_step_after_one_year():
    p = KgbInput(G("II/a"), date(2025, 1, 1), appraisals=(Appraisal(2025, "baik"),))
    r = next_kgb(p, date(2025, 1, 2))
    assert (r.tmt, r.mkg_baru, r.gaji_baru) == (date(2026, 1, 1), 1, 2_218_400)


def test_kgb_at_the_top_of_the_table():
    p = KgbInput(G("IV/e"), date(2020, 1, 1), mkg_tahun=32)
    r = next_kgb(p, date(2026, 1, 1))
    assert r.tmt is None and not r.eligible
    assert r.verdict.reasons[0].code == "mkg_puncak"


def test_kgb_blocked_by_penundaan_kgb():
    # PP 53/2010 Pasal 7 ayat (3) huruf a: penundaan KGB selama 1 tahun.
    hold = Hold(date(2025, 10, 1), date(2026, 9, 30))
    p = KgbInput(G("III/b"), date(2024, 4, 1), 2, 0, (Appraisal(2025, "baik"),), (hold,))
    r = next_kgb(p, date(2026, 1, 1))
    assert r.tmt == date(2026, 4, 1) and not r.eligible
    assert [x.code for x in r.verdict.reasons] == ["penundaan_kgb"]
    # Another kind of penalty does not postpone the KGB.
    other = KgbInput(
        G("III/b"), date(2024, 4, 1), 2, 0, (Appraisal(2025, "baik"),), (Hold(hold.start, hold.end, "x"),)
    )
    assert next_kgb(other, date(2026, 1, 1)).eligible


def test_kgb_needs_appraisal_at_least_cukup():
    # PP 7/1977 Pasal 18: penilaian sekurang-kurangnya cukup; Butuh Perbaikan stands in its place.
    def verdict(appraisals):
        return next_kgb(KgbInput(G("III/a"), date(2024, 4, 1), 2, 0, appraisals), date(2026, 1, 1))

    assert [r.code for r in verdict(()).verdict.reasons] == ["skp_tidak_ada"]
    assert verdict((Appraisal(2025, "butuh_perbaikan"),)).eligible
    assert [r.code for r in verdict((Appraisal(2025, "kurang"),)).verdict.reasons] == [
        "skp_kurang_dari_cukup"
    ]


def test_cli_kgb(capsys):
    arg = (
        '{"golongan": "III/a", "mkg_since": "2024-04-01", "mkg_tahun": 2, "after": "2026-01-01",'
        ' "appraisals": [{"year": 2025, "predikat": "baik"}]}'
    )
    assert main(["kgb", arg]) == 0
    out = capsys.readouterr().out
    assert '"tmt": "2026-04-01"' in out and '"gaji_baru": 2964000' in out
    assert main(["gaji-pokok", '{"golongan": "IV/e", "mkg": 32, "table": "pp15_2019"}']) == 0
    assert "5901200" in capsys.readouterr().out
    assert main(["gaji-pokok", '{"golongan": "IV/e", "mkg": 32, "table": "pp1"}']) == 1
    assert "Tabel gaji tidak dikenal" in capsys.readouterr().out
