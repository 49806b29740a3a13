"""The columns a nominative list (daftar nominatif) may hold: each a label and how to read
its value from a Pegawai loaded with its OPD, unit, golongan and functional position. The
employee list's XLSX carries the default ones; the user may choose others ("Pilih kolom").
Coded values are written as their labels, never as codes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Column:
    key: str
    label: str | Promise
    value: Callable  # (pegawai, labels) -> cell value; labels: {field: {code: label}}


def _label(field: str) -> Callable:
    return lambda p, labels: labels[field].get(getattr(p, field), getattr(p, field))


def _age(p, _labels) -> int | None:
    if not p.tanggal_lahir:
        return None
    today = date.today()
    born = p.tanggal_lahir
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


COLUMNS: tuple[Column, ...] = (
    # NIP as text, not a number: 18 digits exceed Excel's 15-digit precision.
    Column("nip", _("NIP"), lambda p, _l: p.nip),
    Column("nama", _("Nama lengkap"), lambda p, _l: p.nama_lengkap),
    Column("opd", _("OPD"), lambda p, _l: p.opd.name),
    Column("unit", _("Unit kerja"), lambda p, _l: p.unit.name if p.unit else ""),
    Column("golongan", _("Golongan"), lambda p, _l: p.golongan.code if p.golongan else ""),
    Column("jabatan", _("Jabatan"), lambda p, _l: p.jabatan),
    Column("jenis_jabatan", _("Jenis jabatan"), _label("jenis_jabatan")),
    Column("pendidikan", _("Pendidikan"), _label("pendidikan")),
    Column("status", _("Kedudukan"), _label("status")),
    Column("pangkat", _("Pangkat"), lambda p, _l: p.golongan.pangkat if p.golongan else ""),
    Column("tmt_golongan", _("TMT golongan"), lambda p, _l: p.tmt_golongan),
    Column("eselon", _("Eselon"), lambda p, _l: p.eselon),
    Column("tmt_jabatan", _("TMT jabatan"), lambda p, _l: p.tmt_jabatan),
    Column(
        "jabatan_fungsional",
        _("Jabatan fungsional"),
        lambda p, _l: p.jabatan_fungsional.name if p.jabatan_fungsional else "",
    ),
    Column("tempat_lahir", _("Tempat lahir"), lambda p, _l: p.tempat_lahir),
    Column("tanggal_lahir", _("Tanggal lahir"), lambda p, _l: p.tanggal_lahir),
    Column("usia", _("Usia (tahun)"), _age),
    Column("jenis_kelamin", _("Jenis kelamin"), _label("jenis_kelamin")),
    Column("agama", _("Agama"), _label("agama")),
    Column("tmt_cpns", _("TMT CPNS"), lambda p, _l: p.tmt_cpns),
    Column("tmt_pns", _("TMT PNS"), lambda p, _l: p.tmt_pns),
    Column("email", _("Email"), lambda p, _l: p.email),
    Column("nomor_hp", _("Nomor HP"), lambda p, _l: p.nomor_hp),
)
BY_KEY = {c.key: c for c in COLUMNS}
DEFAULT = ("nip", "nama", "opd", "unit", "golongan", "jabatan", "jenis_jabatan", "pendidikan", "status")
LABELLED = ("jenis_jabatan", "pendidikan", "status", "jenis_kelamin", "agama")


def chosen(keys) -> tuple[Column, ...]:
    """The columns of ``keys`` in the catalogue's order; the default ones when none is known."""
    wanted = {k for k in keys if k in BY_KEY}
    return tuple(c for c in COLUMNS if c.key in wanted) or tuple(BY_KEY[k] for k in DEFAULT)
