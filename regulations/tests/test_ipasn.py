"""IP-ASN: Perban BKN 8/2019 dimensions, category bands and suggestions (domain.md §1)."""

import json
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regulations.cli import main
from regulations.discipline import Level
from regulations.inputs import angka
from regulations.ipasn import (
    DisciplineRecord,
    IpAsnConfig,
    IpAsnProfile,
    JenisPelatihan,
    Kategori,
    Position,
    SkpRecord,
    Training,
    assess,
    kategori_for,
    position,
    score,
)
from regulations.ranks import Pendidikan
from regulations.reasons import RuleInputError
from regulations.skp import Predikat

YEAR = 2026
E, K, Pos = Pendidikan, JenisPelatihan, Position


def profile(**changes) -> IpAsnProfile:
    base = IpAsnProfile(YEAR, E.S1, Pos.PELAKSANA)
    return replace(base, **changes)


# §1.2 Kualifikasi [LELEMUKU; S003; SILKA; SIMIP]
@pytest.mark.parametrize(
    ("education", "points"),
    [
        (E.S3, 25),
        (E.S2, 20),
        (E.S1, 15),
        (E.D4, 15),
        (E.D3, 10),
        (E.D2, 5),
        (E.D1, 5),
        (E.SGPLB, 5),
        (E.SLTA, 5),
        (E.SLTP_KEJURUAN, 1),
        (E.SLTP, 1),
        (E.SD, 1),
    ],
)
def test_kualifikasi_points_follow_highest_education(education, points):
    assert score(profile(education=education)).kualifikasi == points


# §1.3 Kompetensi: each indicator for each position kind [PASAL-BKN8 Pasal 8(4)–(6); SILKA; SIMIP]
KOMPETENSI_ROWS = [
    (Pos.JPT, K.KEPEMIMPINAN, 15),
    (Pos.ADMINISTRATOR, K.KEPEMIMPINAN, 15),
    (Pos.PENGAWAS, K.KEPEMIMPINAN, 15),
    (Pos.JF, K.FUNGSIONAL, 15),
    (Pos.JPT, K.TEKNIS, 15),
    (Pos.ADMINISTRATOR, K.TEKNIS, 15),
    (Pos.PENGAWAS, K.TEKNIS, 15),
    (Pos.JF, K.TEKNIS, 15),
    (Pos.PELAKSANA, K.TEKNIS, 22.5),
    (Pos.JPT, K.SEMINAR, 10),
    (Pos.ADMINISTRATOR, K.SEMINAR, 10),
    (Pos.PENGAWAS, K.SEMINAR, 10),
    (Pos.JF, K.SEMINAR, 10),
    (Pos.PELAKSANA, K.SEMINAR, 17.5),
    # a structural official never earns diklat fungsional, a JF or pelaksana never diklatpim
    (Pos.JPT, K.FUNGSIONAL, 0),
    (Pos.PENGAWAS, K.FUNGSIONAL, 0),
    (Pos.JF, K.KEPEMIMPINAN, 0),
    (Pos.PELAKSANA, K.KEPEMIMPINAN, 0),
    (Pos.PELAKSANA, K.FUNGSIONAL, 0),
]


@pytest.mark.parametrize(("pos", "kind", "points"), KOMPETENSI_ROWS)
def test_kompetensi_indicator_points_per_position(pos, kind, points):
    p = profile(position=pos, trainings=(Training(kind, YEAR, 20),))
    assert score(p).kompetensi == points


@pytest.mark.parametrize("pos", list(Pos))
def test_every_position_can_reach_40_kompetensi(pos):
    all_kinds = tuple(Training(kind, YEAR, 20) for kind in K)
    assert score(profile(position=pos, trainings=all_kinds)).kompetensi == 40


@pytest.mark.parametrize(("pos", "kind"), [(Pos.PENGAWAS, K.KEPEMIMPINAN), (Pos.JF, K.FUNGSIONAL)])
def test_leadership_or_functional_training_must_match_the_position(pos, kind):
    p = profile(position=pos, trainings=(Training(kind, YEAR, 40, matches_position=False),))
    assert score(p).kompetensi == 0


def test_teknis_needs_20_jp_and_adds_up_several_trainings():
    assert score(profile(trainings=(Training(K.TEKNIS, YEAR, 19),))).kompetensi == 0
    assert score(profile(trainings=(Training(K.TEKNIS, YEAR, 20),))).kompetensi == 22.5
    split = (Training(K.TEKNIS, YEAR, 12), Training(K.TEKNIS, YEAR, 8))
    assert score(profile(trainings=split)).kompetensi == 22.5


def test_pelaksana_teknis_counts_only_this_year():
    assert score(profile(trainings=(Training(K.TEKNIS, YEAR - 1, 40),))).kompetensi == 0


@pytest.mark.parametrize("pos", [Pos.JF, Pos.PENGAWAS, Pos.ADMINISTRATOR, Pos.JPT])
def test_teknis_counts_this_year_only_for_every_position(pos):
    # "Setiap ASN wajib mengikuti diklat ... 20 jam pelajaran per tahun" [S003]; PP 11/2017
    # Pasal 203(4) as amended by PP 17/2020: at least 20 JP in one year. Not SILKA's
    # cumulative count, under which a course ten years ago still scored.
    this_year = profile(position=pos, trainings=(Training(K.TEKNIS, YEAR, 20),))
    assert score(this_year).kompetensi == 15
    last_year = profile(position=pos, trainings=(Training(K.TEKNIS, YEAR - 1, 20),))
    assert score(last_year).kompetensi == 0
    split = profile(position=pos, trainings=(Training(K.TEKNIS, YEAR - 1, 10), Training(K.TEKNIS, YEAR, 10)))
    assert score(split).kompetensi == 0


@pytest.mark.parametrize(("years_ago", "points"), [(0, 17.5), (1, 17.5), (2, 0), (-1, 0)])
def test_seminar_counts_for_this_and_last_year_only(years_ago, points):
    assert score(profile(trainings=(Training(K.SEMINAR, YEAR - years_ago),))).kompetensi == points


def test_look_back_windows_are_configurable():
    config = IpAsnConfig(pelaksana_training_windows={K.TEKNIS: 2})
    assert score(profile(trainings=(Training(K.TEKNIS, YEAR - 1, 20),)), config).kompetensi == 22.5


# §1.4 Kinerja from the previous year's SKP [SILKA; SIMIP]
@pytest.mark.parametrize(
    ("skp_score", "points"),
    [(100, 30), (91, 30), (90, 25), (76, 25), (75, 15), (61, 15), (60, 5), (51, 5), (50, 1), (0, 1)],
)
def test_kinerja_points_from_numeric_skp(skp_score, points):
    assert score(profile(skp=SkpRecord(YEAR - 1, score=skp_score))).kinerja == points


def test_skp_90_scores_25_and_91_scores_30():
    assert score(profile(year=2019, skp=SkpRecord(2018, score=90))).kinerja == 25
    assert score(profile(year=2019, skp=SkpRecord(2018, score=91))).kinerja == 30


@pytest.mark.parametrize(
    ("predikat", "points"),
    [
        (Predikat.SANGAT_BAIK, 30),
        (Predikat.BAIK, 25),
        (Predikat.BUTUH_PERBAIKAN, 15),
        (Predikat.KURANG, 5),
        (Predikat.SANGAT_KURANG, 1),
    ],
)
def test_kinerja_points_from_2022_predikat(predikat, points):
    assert score(profile(skp=SkpRecord(YEAR - 1, predikat=predikat.value))).kinerja == points


@pytest.mark.parametrize(
    ("skp_score", "innovation", "points"), [(115, True, 30), (115, False, 25), (85, False, 15)]
)
def test_pp_30_2019_scores_go_through_the_pasal_41_predikat(skp_score, innovation, points):
    p = profile(year=2021, skp=SkpRecord(2020, score=skp_score, innovation=innovation))
    assert score(p).kinerja == points


@pytest.mark.parametrize("skp", [None, SkpRecord(YEAR - 2, score=95), SkpRecord(YEAR, score=95)])
def test_no_skp_for_the_previous_year_scores_zero_kinerja(skp):
    assert score(profile(skp=skp)).kinerja == 0


# §1.5 Disiplin: worst level within 5 years [SILKA; SIMIP; S003]
@pytest.mark.parametrize(
    ("levels", "points"),
    [
        ((), 5),
        ((Level.RINGAN,), 3),
        ((Level.SEDANG,), 2),
        ((Level.BERAT,), 1),
        ((Level.RINGAN, Level.BERAT), 1),
    ],
)
def test_disiplin_points_follow_the_worst_level(levels, points):
    records = tuple(DisciplineRecord(level, YEAR) for level in levels)
    assert score(profile(discipline=records)).disiplin == points


@pytest.mark.parametrize(("years_ago", "points"), [(0, 1), (4, 1), (5, 5), (-1, 5)])
def test_disiplin_looks_back_five_years_including_this_one(years_ago, points):
    records = (DisciplineRecord(Level.BERAT, YEAR - years_ago),)
    assert score(profile(discipline=records)).disiplin == points


# §1.6 Category bands [KONTAN]; fractions per SILKA getkategoriip
@pytest.mark.parametrize(
    ("total", "kategori"),
    [
        (100, Kategori.SANGAT_TINGGI),
        (91, Kategori.SANGAT_TINGGI),
        (90.5, Kategori.SANGAT_TINGGI),
        (90, Kategori.TINGGI),
        (81, Kategori.TINGGI),
        (80, Kategori.SEDANG),
        (71, Kategori.SEDANG),
        (70, Kategori.RENDAH),
        (61, Kategori.RENDAH),
        (60.5, Kategori.RENDAH),
        (60, Kategori.SANGAT_RENDAH),
        (0, Kategori.SANGAT_RENDAH),
    ],
)
def test_category_band_of_a_total(total, kategori):
    assert kategori_for(total) is kategori


def test_fraction_boundary_convention_is_configurable():
    rounding_up = IpAsnConfig(
        kategori_floors=(
            (90.5, Kategori.SANGAT_TINGGI),
            (80.5, Kategori.TINGGI),
            (70.5, Kategori.SEDANG),
            (60.5, Kategori.RENDAH),
        )
    )
    assert kategori_for(90.5, rounding_up) is Kategori.TINGGI
    assert kategori_for(60.5, rounding_up) is Kategori.SANGAT_RENDAH


def test_brief_example_scores_65_5_rendah():
    p = profile(
        trainings=(Training(K.TEKNIS, 2026, 24),),
        skp=SkpRecord(2025, score=85),
        discipline=(DisciplineRecord(Level.RINGAN, 2023),),
    )
    s = score(p)
    assert (s.kualifikasi, s.kompetensi, s.kinerja, s.disiplin, s.total) == (15, 22.5, 25, 3, 65.5)
    assert s.kategori is Kategori.RENDAH


def test_a_perfect_profile_scores_100_sangat_tinggi():
    p = profile(
        education=E.S3,
        trainings=(Training(K.TEKNIS, YEAR, 20), Training(K.SEMINAR, YEAR)),
        skp=SkpRecord(YEAR - 1, predikat="sangat_baik"),
    )
    assert score(p).total == 100
    assert assess(p).suggestions == ()


# Suggestions
def test_suggestion_names_the_teknis_training_in_indonesian_numbers():
    messages = [s.message for s in assess(profile()).suggestions]
    assert "Ikuti pelatihan teknis minimal 20 JP tahun ini: +22,5" in messages


def test_suggestion_asks_only_for_the_missing_teknis_hours():
    (s,) = [
        s
        for s in assess(profile(trainings=(Training(K.TEKNIS, YEAR, 12),))).suggestions
        if s.code == "kompetensi_teknis"
    ]
    assert s.message == "Tambah pelatihan teknis 8 JP tahun ini (total minimal 20 JP): +22,5"


def test_suggestions_step_education_and_predikat_one_level_up():
    result = assess(profile(education=E.D3, skp=SkpRecord(YEAR - 1, predikat="butuh_perbaikan")))
    by_code = {s.code: s for s in result.suggestions}
    assert by_code["kualifikasi_pendidikan"].message == "Lanjutkan pendidikan ke S-1/D-IV: +5"
    assert by_code["kinerja_predikat"].message == "Raih predikat Baik pada SKP tahun 2025: +10"


def test_suggestions_are_sorted_by_gain():
    gains = [s.gain for s in assess(profile(education=E.SD)).suggestions]
    assert gains == sorted(gains, reverse=True)


def test_reasons_explain_each_dimension():
    codes = [r.code for r in assess(profile()).reasons]
    assert codes == [
        "kualifikasi",
        "kompetensi_teknis_kurang",
        "kompetensi_seminar_belum",
        "kinerja_tanpa_skp",
        "disiplin_bersih",
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("jf", Pos.JF),
        ("jf_ahli_muda", Pos.JF),
        ("guru", Pos.JF),
        ("jpt_pratama", Pos.JPT),
        ("pengawas", Pos.PENGAWAS),
    ],
)
def test_position_accepts_kind_or_jabatan_code(value, expected):
    assert position(value) is expected


def test_unknown_position_is_refused():
    with pytest.raises(RuleInputError, match="position"):
        position("kepala")


# Properties
trainings = st.builds(
    Training,
    st.sampled_from(list(K)),
    st.integers(YEAR - 6, YEAR + 1),
    st.integers(0, 40),
    st.booleans(),
)
skps = st.one_of(
    st.none(),
    st.builds(SkpRecord, st.just(YEAR - 1), score=st.integers(0, 100)),
    st.builds(
        SkpRecord,
        st.just(YEAR - 1),
        predikat=st.sampled_from(["sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"]),
    ),
)
profiles = st.builds(
    IpAsnProfile,
    st.just(YEAR),
    st.sampled_from(list(E)),
    st.sampled_from(list(Pos)),
    st.lists(trainings, max_size=5).map(tuple),
    skps,
    st.lists(
        st.builds(DisciplineRecord, st.sampled_from(list(Level)), st.integers(YEAR - 8, YEAR)), max_size=3
    ).map(tuple),
)


@given(profiles)
def test_total_is_the_sum_of_dimensions_within_0_to_100(p):
    s = score(p)
    assert s.total == s.kualifikasi + s.kompetensi + s.kinerja + s.disiplin
    assert (
        0 <= s.kualifikasi <= 25 and 0 <= s.kompetensi <= 40 and 0 <= s.kinerja <= 30 and 1 <= s.disiplin <= 5
    )
    assert 0 <= s.total <= 100
    assert s.kategori is kategori_for(s.total)


@given(profiles)
def test_applying_a_suggestion_raises_the_total_by_exactly_its_gain(p):
    before = score(p).total
    for suggestion in assess(p).suggestions:
        assert suggestion.gain > 0
        assert score(suggestion.applied).total == before + suggestion.gain
        assert suggestion.message.endswith(f": +{angka(suggestion.gain)}")


# CLI
def run(capsys, *argv):
    code = main(list(argv))
    return code, json.loads(capsys.readouterr().out)


def test_cli_scores_the_brief_example(capsys):
    code, out = run(
        capsys,
        "ipasn",
        '{"year": 2026, "education": "S1", "position": "pelaksana", "trainings": [{"kind": "teknis", '
        '"year": 2026, "hours": 24, "matches_position": true}], "skp": {"year": 2025, "score": 85}, '
        '"discipline": [{"level": "ringan", "year": 2023}]}',
    )
    assert code == 0
    assert {k: out[k] for k in ("kualifikasi", "kompetensi", "kinerja", "disiplin", "total", "kategori")} == {
        "kualifikasi": 15,
        "kompetensi": 22.5,
        "kinerja": 25,
        "disiplin": 3,
        "total": 65.5,
        "kategori": "Rendah",
    }
    assert {"message": "Ikuti seminar/workshop/magang/kursus tahun ini: +17,5", "gain": 17.5}.items() <= out[
        "suggestions"
    ][0].items()


def test_cli_accepts_a_discipline_kind_instead_of_a_level(capsys):
    code, out = run(
        capsys,
        "ipasn",
        '{"year": 2026, "education": "S2", "position": "jf_ahli_muda", "discipline": [{"kind": "potong_tukin_25_6_bulan", "year": 2024}]}',
    )
    assert (code, out["disiplin"]) == (0, 2)


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ('{"year": 2026, "education": "SMA", "position": "jf"}', "Pendidikan 'SMA' tidak dikenal"),
        (
            '{"year": 2026, "education": "S1", "position": "jf", "trainings": [{"kind": "teknis", "year": 2026, "hours": -4}]}',
            "trainings[0].hours harus minimal 0",
        ),
        ('{"year": 2026, "education": "S1", "position": "jf", "skp": {"year": 2025, "score": 120}}', "0–100"),
        ('{"year": "2026", "education": "S1", "position": "jf"}', "year harus bilangan bulat"),
        ("{not json", "JSON tidak valid"),
    ],
)
def test_cli_refuses_bad_input_with_an_indonesian_error(capsys, payload, message):
    code, out = run(capsys, "ipasn", payload)
    assert code == 1
    assert message in out["error"]
