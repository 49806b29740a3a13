"""The DUK (Daftar Urut Kepangkatan) of the employees a user may see, ordered by
regulations.duk from the master data: current golongan and its TMT, eselon and TMT jabatan,
masa kerja golongan (the one counted for salary) grown to the day, the highest leadership
training passed, education and birth date. Read in a fixed number of queries whatever the
number of employees; the order itself is computed in Python (a few milliseconds per
thousand employees)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import OuterRef, Q, Subquery

from people.models import Pegawai, RiwayatDiklat, RiwayatGolongan
from people.records.queries import pegawai_for_user
from regulations.duk import DukEntry, duk_order, latihan_level


@dataclass(frozen=True)
class DukRow:
    number: int
    pegawai: dict
    masa_kerja_months: int
    latihan: str
    latihan_year: int | None

    @property
    def masa_kerja(self) -> tuple[int, int]:
        return divmod(self.masa_kerja_months, 12)


def _months_between(start: date, end: date) -> int:
    months = (end.year - start.year) * 12 + end.month - start.month
    return max(0, months - (end.day < start.day))


def duk_rows(user, *, opd=None, today: date) -> list[DukRow]:
    """Every active, ranked employee in the user's scope (of ``opd`` if given), numbered."""
    latest = RiwayatGolongan.objects.filter(pegawai=OuterRef("pk")).order_by("-tmt", "-pk")
    pegawai = pegawai_for_user(user).filter(status=Pegawai.Status.AKTIF, golongan__isnull=False)
    if opd is not None:
        pegawai = pegawai.filter(opd=opd)
    rows = list(
        pegawai.annotate(
            mk_tahun=Subquery(latest.values("mk_tahun")[:1]),
            mk_bulan=Subquery(latest.values("mk_bulan")[:1]),
            mk_tmt=Subquery(latest.values("tmt")[:1]),
        ).values(
            "pk",
            "nip",
            "nama",
            "gelar_depan",
            "gelar_belakang",
            "tanggal_lahir",
            "golongan__code",
            "golongan__pangkat",
            "tmt_golongan",
            "jabatan",
            "eselon",
            "tmt_jabatan",
            "pendidikan",
            "opd__short_name",
            "opd__name",
            "mk_tahun",
            "mk_bulan",
            "mk_tmt",
        )
    )
    ids = [row["pk"] for row in rows]
    trainings: dict[int, tuple[int, int, str]] = {}
    kepemimpinan = RiwayatDiklat.objects.filter(Q(jenis=RiwayatDiklat.Jenis.KEPEMIMPINAN), pegawai_id__in=ids)
    for pegawai_id, name, year in kepemimpinan.values_list("pegawai_id", "nama", "tahun").iterator():
        level = latihan_level(name)
        best = trainings.get(pegawai_id)
        # The highest level; of the same level the earliest passed.
        if level and (best is None or (level, -year) > (best[0], -best[1])):
            trainings[pegawai_id] = (level, year, name)
    entries = {}
    months = {}
    for row in rows:
        mk = (row["mk_tahun"] or 0) * 12 + (row["mk_bulan"] or 0)
        if row["mk_tmt"]:
            mk += _months_between(row["mk_tmt"], today)
        months[row["pk"]] = mk
        level, year, _name = trainings.get(row["pk"], (0, None, ""))
        entries[row["pk"]] = DukEntry(
            key=row["nip"],
            golongan=row["golongan__code"],
            tmt_golongan=row["tmt_golongan"] or date.max,
            eselon=row["eselon"],
            tmt_jabatan=row["tmt_jabatan"],
            masa_kerja_months=mk,
            latihan_level=level,
            latihan_year=year,
            pendidikan=row["pendidikan"] or None,
            tanggal_lahir=row["tanggal_lahir"],
        )
    by_nip = {row["nip"]: row for row in rows}
    ordered = duk_order(entries.values())
    result = []
    for number, entry in enumerate(ordered, start=1):
        row = by_nip[entry.key]
        level, year, name = trainings.get(row["pk"], (0, None, ""))
        result.append(DukRow(number, row, months[row["pk"]], name, year))
    return result
