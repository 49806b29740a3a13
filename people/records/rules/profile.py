"""What the employee detail page shows: header facts and one table per history.

The tables are built here, as rows of display values, so one generic template renders
every tab and each column is stated once, next to the field it reads. Everything reads
the histories prefetched by ``people.records.queries``; the one query made here fetches the
documents (scans) attached to the rows of the tab shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core.documents import documents_of
from core.templatetags.pelita import label
from people.models import (
    JenisJabatan,
    Keluarga,
    Pegawai,
    RiwayatAngkaKredit,
    RiwayatDiklat,
    RiwayatGolongan,
    RiwayatHukdis,
    RiwayatJabatan,
    RiwayatPendidikan,
    RiwayatSkp,
    SertifikatUjian,
)
from regulations.identity import parse_nip
from regulations.pension import Pension, pension
from regulations.ranks import Jabatan, jabatan_for_eselon
from regulations.reasons import RuleInputError

# --- Header -----------------------------------------------------------------------------

_JENJANG_KIND = {
    "pemula": Jabatan.JF_KETERAMPILAN,
    "terampil": Jabatan.JF_KETERAMPILAN,
    "mahir": Jabatan.JF_KETERAMPILAN,
    "penyelia": Jabatan.JF_KETERAMPILAN,
    "ahli_pertama": Jabatan.JF_AHLI_PERTAMA,
    "ahli_muda": Jabatan.JF_AHLI_MUDA,
    "ahli_madya": Jabatan.JF_AHLI_MADYA,
    "ahli_utama": Jabatan.JF_AHLI_UTAMA,
}


def jabatan_kind(pegawai: Pegawai) -> Jabatan | None:
    """The kind of position the rules tell apart (it sets the BUP and the KP route), or None
    when the record does not say enough. The one reading of the jabatan fields: the profile's
    pension date and every eligibility rule of layanan use it.

    Guessing would print a wrong pension date, so a structural post without eselon or a
    JF without jenjang gives None and the page shows the date as unknown.
    """
    if pegawai.jenis_jabatan == JenisJabatan.PELAKSANA:
        return Jabatan.PELAKSANA
    if pegawai.jenis_jabatan == JenisJabatan.STRUKTURAL:
        return jabatan_for_eselon(pegawai.eselon)
    if pegawai.jenis_jabatan == JenisJabatan.FUNGSIONAL:
        jf = pegawai.jabatan_fungsional
        # Guru and dosen have their BUP from their own Undang-Undang (PP 11/2017 Pasal 240).
        name = f"{jf.code} {jf.name}".lower() if jf else pegawai.jabatan.lower()
        if name.startswith("guru") or " guru" in name:
            return Jabatan.GURU
        if name.startswith("dosen") or " dosen" in name:
            return Jabatan.DOSEN
        return _JENJANG_KIND.get(pegawai.jenjang)
    return None


def nip_printed(nip: str) -> str:
    """The printed grouping "19850517 201003 1 001"; a malformed NIP is shown as stored."""
    try:
        return parse_nip(nip).formatted
    except RuleInputError:
        return nip


def age_on(birth: dt.date, today: dt.date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


@dataclass(frozen=True)
class Header:
    nip: str
    age: int
    pension: Pension | None
    # Still recorded as active on or after the TMT pensiun: the record needs the pension decree.
    past_pension: bool = False


def header_of(pegawai: Pegawai, today: dt.date) -> Header:
    kind = jabatan_kind(pegawai)
    retires = pension(pegawai.tanggal_lahir, kind) if kind else None
    return Header(
        nip=nip_printed(pegawai.nip),
        age=age_on(pegawai.tanggal_lahir, today),
        pension=retires,
        past_pension=retires is not None and retires.tmt <= today and pegawai.status == Pegawai.Status.AKTIF,
    )


# --- History tabs -----------------------------------------------------------------------


def _display(value) -> object:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return _("Ya") if value else _("Tidak")
    if isinstance(value, dt.date):
        return date_format(value, "j F Y")
    # A code kept without choices on its field (the SKP predikat, a jenjang) reads by its label.
    return label(value) if isinstance(value, str) else value


@dataclass(frozen=True)
class Column:
    label: str | Promise
    value: Callable[[models.Model], object]


def field(model: type[models.Model], name: str, label: str | Promise | None = None) -> Column:
    """A column showing one model field under its verbose name (choices by their label)."""
    model_field = model._meta.get_field(name)
    if model_field.choices:

        def value(row):
            return getattr(row, f"get_{name}_display")()
    else:

        def value(row):
            return getattr(row, name)

    return Column(label or capfirst(model_field.verbose_name), value)


def _masa_kerja(row: RiwayatGolongan) -> str:
    return _("%(tahun)s tahun %(bulan)s bulan") % {"tahun": row.mk_tahun, "bulan": row.mk_bulan}


@dataclass(frozen=True)
class Tab:
    key: str
    label: str | Promise
    related_name: str
    columns: tuple[Column, ...]


TABS: tuple[Tab, ...] = (
    Tab(
        "golongan",
        _("Golongan"),
        "riwayat_golongan",
        (
            field(RiwayatGolongan, "golongan"),
            field(RiwayatGolongan, "tmt"),
            field(RiwayatGolongan, "jenis_kp"),
            Column(_("Masa kerja"), _masa_kerja),
            field(RiwayatGolongan, "nomor_sk"),
            field(RiwayatGolongan, "tanggal_sk"),
        ),
    ),
    Tab(
        "jabatan",
        _("Jabatan"),
        "riwayat_jabatan",
        (
            field(RiwayatJabatan, "nama"),
            field(RiwayatJabatan, "jenis"),
            Column(_("Jenjang/eselon"), lambda r: label(r.jenjang, "Jenjang") or r.eselon),
            field(RiwayatJabatan, "opd"),
            Column(_("Unit kerja"), lambda r: r.unit),
            field(RiwayatJabatan, "tmt"),
            field(RiwayatJabatan, "tmt_selesai"),
            field(RiwayatJabatan, "nomor_sk"),
        ),
    ),
    Tab(
        "pendidikan",
        _("Pendidikan"),
        "riwayat_pendidikan",
        (
            field(RiwayatPendidikan, "tingkat"),
            field(RiwayatPendidikan, "jurusan"),
            field(RiwayatPendidikan, "institusi"),
            field(RiwayatPendidikan, "tahun_lulus"),
            field(RiwayatPendidikan, "terakreditasi"),
            field(RiwayatPendidikan, "izin_belajar"),
        ),
    ),
    Tab(
        "diklat",
        _("Diklat"),
        "riwayat_diklat",
        (
            field(RiwayatDiklat, "jenis"),
            field(RiwayatDiklat, "nama"),
            field(RiwayatDiklat, "penyelenggara"),
            field(RiwayatDiklat, "tahun"),
            field(RiwayatDiklat, "jam"),
        ),
    ),
    Tab(
        "skp",
        _("SKP"),
        "riwayat_skp",
        (field(RiwayatSkp, "tahun"), field(RiwayatSkp, "nilai"), field(RiwayatSkp, "predikat")),
    ),
    Tab(
        "hukdis",
        _("Hukuman disiplin"),
        "riwayat_hukdis",
        (
            field(RiwayatHukdis, "tingkat"),
            field(RiwayatHukdis, "jenis"),
            field(RiwayatHukdis, "tmt"),
            field(RiwayatHukdis, "tmt_selesai"),
            field(RiwayatHukdis, "nomor_sk"),
        ),
    ),
    Tab(
        "angka_kredit",
        _("Angka kredit"),
        "riwayat_angka_kredit",
        (
            field(RiwayatAngkaKredit, "tahun"),
            Column(_("Jenjang"), lambda r: label(r.jenjang, "Jenjang")),
            field(RiwayatAngkaKredit, "angka_kredit"),
            field(RiwayatAngkaKredit, "kumulatif"),
            field(RiwayatAngkaKredit, "nomor_sk"),
        ),
    ),
    Tab(
        "keluarga",
        _("Keluarga"),
        "keluarga",
        (
            field(Keluarga, "hubungan"),
            field(Keluarga, "nama"),
            field(Keluarga, "tanggal_lahir"),
            field(Keluarga, "tanggal_nikah"),
            field(Keluarga, "masih_hidup"),
        ),
    ),
    Tab(
        "ujian",
        _("Sertifikat ujian"),
        "sertifikat_ujian",
        (
            field(SertifikatUjian, "jenis"),
            field(SertifikatUjian, "tanggal_lulus"),
            field(SertifikatUjian, "nomor_sk"),
            field(SertifikatUjian, "tanggal_sk"),
        ),
    ),
)
TAB_KEYS = frozenset(t.key for t in TABS)
DEFAULT_TAB = TABS[0].key


@dataclass(frozen=True)
class TabView:
    key: str
    label: str | Promise
    count: int
    active: bool


@dataclass(frozen=True)
class Table:
    headers: list
    rows: list[list]
    key: str = ""  # the tab's key, for the upload links of its rows


class Row(list):
    """The display values of one history row, plus its id and attached documents.

    A list, so templates and tests that read the cells need not know about documents.
    """

    def __init__(self, cells, *, pk: int, documents: list):
        super().__init__(cells)
        self.pk = pk
        self.documents = documents


def history_model(key: str) -> type[models.Model]:
    """The model behind the tab ``key`` (KeyError for an unknown tab)."""
    tab = next((t for t in TABS if t.key == key), None)
    if tab is None:
        raise KeyError(key)
    return Pegawai._meta.get_field(tab.related_name).related_model


def tabs_of(pegawai: Pegawai, active: str) -> list[TabView]:
    """Every tab with its row count (from the prefetched histories)."""
    return [
        TabView(t.key, t.label, len(getattr(pegawai, t.related_name).all()), t.key == active) for t in TABS
    ]


def table_of(pegawai: Pegawai, key: str) -> Table:
    tab = next(t for t in TABS if t.key == key)
    rows = getattr(pegawai, tab.related_name).all()
    documents = documents_of(history_model(key), [row.pk for row in rows])
    return Table(
        key=key,
        headers=[c.label for c in tab.columns],
        rows=[
            Row([_display(c.value(row)) for c in tab.columns], pk=row.pk, documents=documents.get(row.pk, []))
            for row in rows
        ],
    )
