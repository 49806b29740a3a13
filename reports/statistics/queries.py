"""Statistics of the employees a user may see: how many by golongan, education, gender, age
band, kind of position, functional position and OPD. One grouped query per dimension; the
age bands are counted by the database from birth-date bounds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from core.charts import chart_spec, series
from people.models import JenisJabatan, Pegawai, TingkatPendidikan
from people.records.queries import pegawai_for_user
from regulations.ranks import add_months

# Age bands as BKN's statistics publish them (our choice of edges: under 26, then ten-year bands).
AGE_BANDS = ((None, 25), (26, 35), (36, 45), (46, 55), (56, None))
# Functional positions shown by name; the rest are summed as "lainnya".
TOP_JF = 10


@dataclass(frozen=True)
class Dimension:
    key: str
    title: str | Promise
    rows: list[tuple[str, int]]  # (label, count), in display order

    @property
    def total(self) -> int:
        return sum(count for _label, count in self.rows)

    @property
    def chart(self) -> dict:
        labels = [label for label, _count in self.rows]
        values = [count for _label, count in self.rows]
        return chart_spec(
            labels=labels,
            data=[series(_("Pegawai"), values)],
            kind="doughnut" if len(labels) <= 3 else "bar",
            horizontal=len(labels) > 8,
        )


def _age_label(low, high) -> str:
    if low is None:
        return str(_("≤ %(n)d tahun") % {"n": high})
    if high is None:
        return str(_("≥ %(n)d tahun") % {"n": low})
    return str(_("%(low)d–%(high)d tahun") % {"low": low, "high": high})


def _age_filter(low, high, today: date) -> Q:
    """Born so that the age today is within [low, high]."""
    q = Q()
    if low is not None:
        q &= Q(tanggal_lahir__lte=add_months(today, -12 * low))
    if high is not None:
        q &= Q(tanggal_lahir__gt=add_months(today, -12 * (high + 1)))
    return q


def statistics(user, *, opd=None, today: date) -> list[Dimension]:
    pegawai = pegawai_for_user(user).filter(status=Pegawai.Status.AKTIF)
    if opd is not None:
        pegawai = pegawai.filter(opd=opd)

    def grouped(field, *order):
        return list(
            pegawai.values(field)
            .annotate(n=Count("pk"))
            .order_by(*(order or (field,)))
            .values_list(field, "n")
        )

    golongan = [
        (code or str(_("tanpa golongan")), n)
        for code, n in pegawai.values("golongan__code", "golongan__order")
        .annotate(n=Count("pk"))
        .order_by("golongan__order")
        .values_list("golongan__code", "n")
    ]
    education_labels = dict(TingkatPendidikan.choices)
    order = list(education_labels)
    education = sorted(grouped("pendidikan"), key=lambda r: order.index(r[0]) if r[0] in order else -1)
    gender_labels = dict(Pegawai.Gender.choices)
    jenis_labels = dict(JenisJabatan.choices)
    ages = pegawai.aggregate(
        **{
            f"band{i}": Count("pk", filter=_age_filter(low, high, today))
            for i, (low, high) in enumerate(AGE_BANDS)
        }
    )
    jf = grouped("jabatan_fungsional__name", "-n", "jabatan_fungsional__name")
    named = [(name, n) for name, n in jf if name]
    jf_rows = named[:TOP_JF]
    rest = sum(n for _name, n in named[TOP_JF:])
    if rest:
        jf_rows.append((str(_("lainnya")), rest))
    opds = [
        (short or name, n)
        for short, name, n in pegawai.values("opd__short_name", "opd__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "opd__name")
        .values_list("opd__short_name", "opd__name", "n")
    ]
    return [
        Dimension("golongan", _("Golongan"), golongan),
        Dimension(
            "pendidikan",
            _("Pendidikan"),
            [(str(education_labels.get(code, _("tidak tercatat"))), n) for code, n in education],
        ),
        Dimension(
            "gender",
            _("Jenis kelamin"),
            [(str(gender_labels.get(code, code)), n) for code, n in grouped("jenis_kelamin")],
        ),
        Dimension(
            "usia",
            _("Kelompok usia"),
            [(_age_label(*band), ages[f"band{i}"]) for i, band in enumerate(AGE_BANDS)],
        ),
        Dimension(
            "jenis_jabatan",
            _("Jenis jabatan"),
            [(str(jenis_labels.get(code, _("tidak tercatat"))), n) for code, n in grouped("jenis_jabatan")],
        ),
        Dimension("jf", _("Jabatan fungsional terbanyak"), jf_rows),
        Dimension("opd", _("OPD"), opds),
    ]
