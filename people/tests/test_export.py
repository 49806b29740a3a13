"""Export in the Data ASN format; importing the export reproduces the data exactly."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.tables import read_table
from people.imports.files.export import write_data_asn
from people.imports.files.siasn import DATA_ASN_COLUMNS
from people.imports.files.tables import do_import_pegawai
from people.models import (
    Golongan,
    JenisJabatan,
    Pegawai,
    RiwayatGolongan,
    RiwayatJabatan,
    RiwayatPendidikan,
    TingkatPendidikan,
)
from people.records.actions import do_add_riwayat, do_create_pegawai
from people.tests.factories import make_pegawai
from regulations.identity import make_nik, make_nip

pytestmark = pytest.mark.django_db

FIELDS = [f.name for f in Pegawai._meta.concrete_fields if f.name not in {"id", "user"}]


def text(max_size: int, *, min_size: int = 0):
    chars = st.characters(codec="utf-8", categories=("L", "N", "P", "Zs"))
    return (
        st.text(chars, min_size=min_size, max_size=max_size)
        .map(str.strip)
        .filter(lambda s: len(s) >= min_size and s.lower() != "null")
    )


def dates(start: int, end: int):
    return st.dates(dt.date(start, 1, 1), dt.date(end, 12, 28))


@st.composite
def employees(draw, opds):
    gender = draw(st.sampled_from("LP"))
    birth = draw(dates(1960, 1995))
    cpns = dt.date(birth.year + draw(st.integers(20, 28)), draw(st.integers(1, 12)), 1)
    start_rank, later_rank = draw(st.sampled_from([("II/a", None), ("III/a", "III/b"), ("II/c", "III/a")]))
    opd = draw(st.sampled_from(opds))
    return {
        "gender": gender,
        "birth": birth,
        "cpns": cpns,
        "opd": opd,
        "unit": draw(st.sampled_from([None, opd.units.first()])),
        "nama": draw(text(30, min_size=1)),
        "gelar_depan": draw(text(5)),
        "gelar_belakang": draw(text(10)),
        "tempat_lahir": draw(text(15)),
        "alamat": draw(text(40)),
        "nomor_hp": draw(st.from_regex(r"(08[0-9]{8,10})?", fullmatch=True)),
        "email": draw(st.from_regex(r"([a-z]{1,8}@[a-z]{1,8}\.go\.id)?", fullmatch=True)),
        "agama": draw(st.sampled_from(["", *Pegawai.Agama.values])),
        "status_kawin": draw(st.sampled_from(["", *Pegawai.StatusKawin.values])),
        "jenis_pegawai": draw(st.sampled_from(Pegawai.Jenis.values)),
        "status": draw(st.sampled_from(Pegawai.Status.values)),
        "with_nik": draw(st.booleans()),
        "with_pns_id": draw(st.booleans()),
        "tmt_pns": draw(st.sampled_from([None, dt.date(cpns.year + 1, cpns.month, 1)])),
        "start_rank": start_rank,
        "later_rank": later_rank if draw(st.booleans()) else None,
        "mk_tahun": draw(st.integers(0, 30)),
        "mk_bulan": draw(st.integers(0, 11)),
        "sk_cpns": draw(text(20)),
        "jenis_jabatan": draw(st.sampled_from(JenisJabatan.values)),
        "jabatan": draw(text(40, min_size=1)),
        "tingkat": draw(st.sampled_from(TingkatPendidikan.values)),
        "jurusan": draw(text(20)),
        "institusi": draw(text(30)),
    }


def create(spec: dict, seq: int, actor) -> Pegawai:
    birth, cpns, gender = spec["birth"], spec["cpns"], spec["gender"]
    pegawai = do_create_pegawai(
        actor=actor,
        nip=make_nip(birth, cpns.year, cpns.month, gender, seq),
        nik=make_nik("61", "71", "02", birth, gender, seq) if spec["with_nik"] else None,
        pns_id=f"ID-{seq}" if spec["with_pns_id"] else None,
        tanggal_lahir=birth,
        jenis_kelamin=gender,
        tmt_cpns=cpns,
        **{k: spec[k] for k in ("opd", "unit", "nama", "gelar_depan", "gelar_belakang", "tempat_lahir")},
        **{k: spec[k] for k in ("alamat", "nomor_hp", "email", "agama", "status_kawin", "jenis_pegawai")},
        status=spec["status"],
        tmt_pns=spec["tmt_pns"],
    )
    gol = Golongan.objects.get
    do_add_riwayat(
        pegawai,
        RiwayatGolongan,
        actor=actor,
        golongan=gol(code=spec["start_rank"]),
        tmt=cpns,
        jenis_kp="awal",
        nomor_sk=spec["sk_cpns"],
        mk_tahun=0 if spec["later_rank"] else spec["mk_tahun"],
        mk_bulan=0 if spec["later_rank"] else spec["mk_bulan"],
    )
    if spec["later_rank"]:
        do_add_riwayat(
            pegawai,
            RiwayatGolongan,
            actor=actor,
            golongan=gol(code=spec["later_rank"]),
            tmt=dt.date(cpns.year + 4, 4, 1),
            jenis_kp="reguler",
            mk_tahun=spec["mk_tahun"],
            mk_bulan=spec["mk_bulan"],
        )
    do_add_riwayat(
        pegawai,
        RiwayatJabatan,
        actor=actor,
        jenis=spec["jenis_jabatan"],
        nama=spec["jabatan"],
        opd=spec["opd"],
        unit=spec["unit"],
        tmt=cpns,
    )
    do_add_riwayat(
        pegawai,
        RiwayatPendidikan,
        actor=actor,
        tingkat=spec["tingkat"],
        jurusan=spec["jurusan"],
        institusi=spec["institusi"],
        tahun_lulus=cpns.year - 1,
    )
    return pegawai


def state_of_everyone() -> dict:
    """Every employee field plus the current-state history rows, by NIP (database ids left out)."""
    data = {}
    for p in Pegawai.objects.order_by("nip"):
        data[p.nip] = {
            **{name: getattr(p, name) for name in FIELDS},
            "ranks": sorted(
                RiwayatGolongan.objects.filter(pegawai=p).values_list(
                    "golongan__code", "tmt", "jenis_kp", "mk_tahun", "mk_bulan", "nomor_sk", "tanggal_sk"
                )
            ),
            "positions": list(
                RiwayatJabatan.objects.filter(pegawai=p).values_list("jenis", "nama", "tmt", "opd", "unit")
            ),
            "education": list(
                RiwayatPendidikan.objects.filter(pegawai=p).values_list(
                    "tingkat", "jurusan", "institusi", "tahun_lulus"
                )
            ),
        }
    return data


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), fmt=st.sampled_from(["csv", "xlsx"]))
def test_import_of_the_export_reproduces_the_data_exactly(cast, tmp_path, data, fmt):
    Pegawai.objects.all().delete()
    specs = data.draw(st.lists(employees([cast.opd_a, cast.opd_b]), min_size=1, max_size=4))
    for seq, spec in enumerate(specs, start=1):
        create(spec, seq, cast.admin)
    original = state_of_everyone()
    path = tmp_path / f"export.{fmt}"
    write_data_asn(path, fmt=fmt)

    again = do_import_pegawai(path, actor=cast.admin)  # the export of a database changes nothing in it
    assert again.summary == f"imported 0, updated 0, unchanged {len(specs)}, rejected 0", again.rejections

    Pegawai.objects.all().delete()
    result = do_import_pegawai(path, actor=cast.admin)
    assert result.summary == f"imported {len(specs)}, updated 0, unchanged 0, rejected 0", result.rejections
    assert state_of_everyone() == original


def test_export_writes_every_data_asn_column_in_order(cast, tmp_path):
    make_pegawai(cast.opd_a, actor=cast.admin, nama='Budi "Ucok", S.E.')
    path = tmp_path / "asn.csv"
    assert write_data_asn(path) == 1
    table = read_table(path)
    assert table.columns == list(DATA_ASN_COLUMNS)
    row = table.rows[0].values
    assert (row["nama"], row["jenis_kelamin"], row["gol_akhir_nama"], row["tanggal_lahir"]) == (
        'Budi "Ucok", S.E.',
        "M",
        "III/a",
        "17-05-1985",
    )
    assert row["satuan_kerja_kerja_nama"] == cast.opd_a.name


def test_xlsx_export_keeps_nip_as_text_and_formula_like_names_as_text(cast, tmp_path):
    from openpyxl import load_workbook

    pegawai = make_pegawai(cast.opd_a, actor=cast.admin, nama="=SUM(A1)")
    write_data_asn(tmp_path / "asn.xlsx", fmt="xlsx")
    sheet = load_workbook(tmp_path / "asn.xlsx").active
    header = [c.value for c in sheet[1]]
    values = dict(zip(header, (c for c in sheet[2]), strict=True))
    assert values["nip_baru"].value == pegawai.nip and values["nip_baru"].data_type == "s"
    assert values["nama"].value == "=SUM(A1)" and values["nama"].data_type == "s"


def test_export_command_writes_csv_or_xlsx(cast, tmp_path):
    make_pegawai(cast.opd_a, actor=cast.admin)
    call_command(
        "export_pegawai", "--format", "xlsx", "--output", str(tmp_path / "a.xlsx"), stderr=io.StringIO()
    )
    assert read_table(tmp_path / "a.xlsx").file_format == "xlsx"
    call_command("export_pegawai", "--output", str(tmp_path / "a.csv"), stderr=io.StringIO())
    assert len(read_table(tmp_path / "a.csv")) == 1


def test_export_reads_a_bounded_number_of_queries(cast, tmp_path, django_assert_max_num_queries):
    for _ in range(5):
        make_pegawai(cast.opd_a, actor=cast.admin)
    with django_assert_max_num_queries(3):
        write_data_asn(io.BytesIO())
