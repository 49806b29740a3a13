"""The rw-* history imports: one history row per file row, keyed by pns_id, else nip_baru.

Each kind has a natural key (rw-golongan: the golongan; rw-skp: the year; …, listed in
docs/import.md): a row whose key the employee already has updates that history row, any
other row adds one, and an identical row changes nothing. The employee must already exist
(import Data ASN first). After rw-golongan, rw-jabatan and rw-pendidikan, the summary on
the Pegawai row is recomputed by ``people.records.rules.state.current_state``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from core.audit import announce, changed, entry, snapshot
from core.models import AuditLog
from people.imports.files import siasn
from people.imports.files.asn import HISTORY as STATE_MODELS
from people.imports.files.asn import _chunks, history_rows
from people.imports.files.cells import Cells, Lookups
from people.imports.files.tables import Rejection
from people.models import (
    Pegawai,
    RiwayatAngkaKredit,
    RiwayatDiklat,
    RiwayatGolongan,
    RiwayatHukdis,
    RiwayatJabatan,
    RiwayatPendidikan,
    RiwayatSkp,
)
from people.records.actions import history_fields
from people.records.rules.state import CURRENT_STATE_FIELDS, current_state
from regulations.skp import Predikat

PREDIKAT = {siasn.key(p.label): p.value for p in Predikat} | {siasn.key(p.value): p.value for p in Predikat}
PREDIKAT_NAMES = ", ".join(p.label for p in Predikat)


def _decree(cells: Cells, model, nomor: str = "nomor_sk", tanggal: str = "tanggal_sk") -> dict:
    return {"nomor_sk": cells.text(nomor, model, "nomor_sk"), "tanggal_sk": cells.date(tanggal)}


def _ends_after(cells: Cells, column: str, start, end) -> None:
    if start and end and end < start:
        cells.fail(column, _("Tanggal selesai tidak boleh sebelum TMT."))


def _year(cells: Cells, column: str, ctx) -> int | None:
    return cells.integer(column, low=1950, high=ctx.today.year, required=True)


def _golongan(cells: Cells, ctx) -> dict:
    gol = ctx.lookups.find_golongan(
        cells, "golongan_nama", "golongan_id" if cells.has("golongan_id") else None
    )
    if gol is None and not cells.raw("golongan_nama") and not cells.raw("golongan_id"):
        cells.fail("golongan_nama", _("Wajib diisi, mis. III/a."))
    kp = cells.choice(
        "jenis_kp_nama", siasn.JENIS_KP, "Awal, Reguler, Pilihan, Penyesuaian Ijazah, Pengabdian, Anumerta"
    )
    return {
        "golongan": gol,
        "tmt": cells.date("tmt_golongan", required=True),
        "jenis_kp": kp or RiwayatGolongan.JenisKp.REGULER,
        "mk_tahun": cells.integer("mk_tahun", low=0, high=60, default=0),
        "mk_bulan": cells.integer("mk_bulan", low=0, high=11, default=0),
        **_decree(cells, RiwayatGolongan),
    }


def _jabatan(cells: Cells, ctx) -> dict:
    jenis = cells.choice(
        "jenis_jabatan_nama", siasn.JENIS_JABATAN, siasn.choices_text(siasn.JENIS_JABATAN_OUT), required=True
    )
    nama = cells.text("jabatan_nama", RiwayatJabatan, "nama", required=True)
    jf = ctx.lookups.find_jf(cells, "jabatan_fungsional_nama")
    jenjang = siasn.jenjang_code(cells.raw("jenjang"))
    if jf is None and jenis == "fungsional" and not cells.raw("jabatan_fungsional_nama"):
        jf, matched = ctx.lookups.match_jf(nama)
        jenjang = jenjang or matched
    if jf is not None and jenjang and jenjang not in jf.jenjang:
        cells.fail(
            "jenjang",
            _("Jenjang %(value)r tidak ada pada %(jf)s (pilihan: %(choices)s).")
            % {"value": cells.raw("jenjang"), "jf": jf.name, "choices": ", ".join(jf.jenjang)},
        )
    eselon = ""
    if cells.raw("eselon"):
        eselon = siasn.ESELON.get(siasn.key(cells.raw("eselon")), "")
        if not eselon:
            cells.fail(
                "eselon",
                _("Eselon %(value)r tidak dikenal (II.a sampai IV.b).") % {"value": cells.raw("eselon")},
            )
    opd = unit = None
    column = "satuan_kerja_kerja_nama" if cells.raw("satuan_kerja_kerja_nama") else "unor_nama"
    if cells.raw(column):
        opd = ctx.lookups.find_opd(cells.raw(column))
        if not hasattr(opd, "pk"):
            cells.fail(
                column,
                _("OPD %(name)r tidak dikenal; kosongkan bila di luar instansi ini.")
                % {"name": cells.raw(column)},
            )
            opd = None
        elif cells.raw("unor_nama") and column != "unor_nama":
            unit = ctx.lookups.find_unit(opd, cells.raw("unor_nama"))
    tmt = cells.date("tmt_jabatan", required=True)
    selesai = cells.date("tmt_selesai")
    _ends_after(cells, "tmt_selesai", tmt, selesai)
    return {
        "jenis": jenis,
        "nama": nama,
        "jabatan_fungsional": jf,
        "jenjang": jenjang if len(jenjang) <= 30 else "",
        "eselon": eselon,
        "opd": opd,
        "unit": unit,
        "tmt": tmt,
        "tmt_selesai": selesai,
        **_decree(cells, RiwayatJabatan),
    }


def _pendidikan(cells: Cells, ctx) -> dict:
    tingkat = cells.choice(
        "tingkat_pendidikan_nama", siasn.PENDIDIKAN, siasn.choices_text(siasn.PENDIDIKAN_OUT), required=True
    )
    return {
        "tingkat": tingkat,
        "jurusan": cells.text("pendidikan_nama", RiwayatPendidikan, "jurusan"),
        "institusi": cells.text("nama_sekolah", RiwayatPendidikan, "institusi"),
        "tahun_lulus": cells.integer("tahun_lulus", low=1900, high=ctx.today.year, required=True),
        "terakreditasi": cells.choice("terakreditasi", siasn.YA_TIDAK, "Ya, Tidak") != "0",
        "izin_belajar": cells.choice("izin_belajar", siasn.YA_TIDAK, "Ya, Tidak") == "1",
        **_decree(cells, RiwayatPendidikan, "nomor_ijazah", "tanggal_ijazah"),
    }


def _diklat(cells: Cells, ctx, *, jenis: str | None = None, name_column: str = "nama_diklat") -> dict:
    if jenis is None:
        jenis = cells.choice(
            "jenis_diklat_nama",
            siasn.JENIS_DIKLAT,
            "Kepemimpinan, Fungsional, Teknis, Seminar",
            required=True,
        )
    return {
        "jenis": jenis,
        "nama": cells.text(name_column, RiwayatDiklat, "nama", required=True),
        "penyelenggara": cells.text("penyelenggara", RiwayatDiklat, "penyelenggara"),
        "tahun": _year(cells, "tahun", ctx),
        "jam": cells.integer("jumlah_jam", low=0, high=32767, default=0),
        **_decree(cells, RiwayatDiklat, "nomor_sertifikat", "tanggal_sertifikat"),
    }


def _skp(cells: Cells, ctx) -> dict:
    nilai = cells.number("nilai_skp", RiwayatSkp, "nilai")
    predikat = cells.choice("predikat", PREDIKAT, PREDIKAT_NAMES)
    if not cells.raw("nilai_skp") and not cells.raw("predikat"):
        cells.fail("nilai_skp", _("Isi nilai_skp atau predikat."))
    return {"tahun": _year(cells, "tahun", ctx), "nilai": nilai, "predikat": predikat}


def _hukdis(cells: Cells, ctx) -> dict:
    tmt = cells.date("tmt_hukuman", required=True)
    selesai = cells.date("akhir_hukuman")
    _ends_after(cells, "akhir_hukuman", tmt, selesai)
    return {
        "tingkat": cells.choice("tingkat_hukuman", siasn.HUKDIS, "Ringan, Sedang, Berat", required=True),
        "jenis": cells.text("jenis_hukuman_nama", RiwayatHukdis, "jenis", required=True),
        "tmt": tmt,
        "tmt_selesai": selesai,
        **_decree(cells, RiwayatHukdis),
    }


def _angka_kredit(cells: Cells, ctx) -> dict:
    return {
        "tahun": _year(cells, "tahun", ctx),
        "jenjang": siasn.jenjang_code(cells.text("jenjang", RiwayatAngkaKredit, "jenjang", required=True)),
        "angka_kredit": cells.number("angka_kredit", RiwayatAngkaKredit, "angka_kredit", required=True),
        "kumulatif": cells.number("kumulatif", RiwayatAngkaKredit, "kumulatif"),
        **_decree(cells, RiwayatAngkaKredit),
    }


@dataclass(frozen=True)
class Spec:
    model: type
    parse: Callable[[Cells, Any], dict]
    key: Callable[[Any], tuple]  # the natural key, of a values dict (as an object) or a row


def _attr(*names: str) -> Callable[[Any], tuple]:
    def key(obj) -> tuple:
        return tuple(siasn.key(v) if isinstance(v, str) else v for v in (getattr(obj, n) for n in names))

    return key


SPECS = {
    "rw-golongan": Spec(RiwayatGolongan, _golongan, _attr("golongan_id")),
    "rw-jabatan": Spec(RiwayatJabatan, _jabatan, _attr("tmt")),
    "rw-pendidikan": Spec(RiwayatPendidikan, _pendidikan, _attr("tingkat", "tahun_lulus")),
    "rw-diklat": Spec(RiwayatDiklat, _diklat, _attr("jenis", "nama", "tahun")),
    "rw-kursus": Spec(
        RiwayatDiklat,
        lambda cells, ctx: _diklat(cells, ctx, jenis=RiwayatDiklat.Jenis.SEMINAR, name_column="nama_kursus"),
        _attr("jenis", "nama", "tahun"),
    ),
    "rw-skp": Spec(RiwayatSkp, _skp, _attr("tahun")),
    "rw-hukdis": Spec(RiwayatHukdis, _hukdis, _attr("tmt", "jenis")),
    "rw-angkakredit": Spec(RiwayatAngkaKredit, _angka_kredit, _attr("tahun", "jenjang")),
}


class HistoryImporter:
    def __init__(self, kind, table, *, actor, today, result, write: bool) -> None:
        self.spec = SPECS[kind.code]
        self.model = self.spec.model
        self.fields = history_fields(self.model)
        self.table = table
        self.actor = actor
        self.today = today
        self.result = result
        self.write = write
        self.present = set(table.columns)
        self.seen: dict[tuple, int] = {}  # (pegawai pk, natural key) → line

    def prepare(self) -> None:
        self.lookups = Lookups()

    def _pegawai(self, cells_list: list[Cells]) -> tuple[dict, dict]:
        nips = [c.nip_text for c in cells_list if c.nip_text]
        pns_ids = [c.raw("pns_id") for c in cells_list if c.raw("pns_id")]
        found: dict[int, Pegawai] = {}
        for batch in _chunks(nips):
            found |= {x.pk: x for x in Pegawai.objects.filter(nip__in=batch)}
        for batch in _chunks(pns_ids):
            found |= {x.pk: x for x in Pegawai.objects.filter(pns_id__in=batch)}
        return {x.nip: x for x in found.values()}, {x.pns_id: x for x in found.values() if x.pns_id}

    def run_chunk(self, rows) -> None:
        cells_list = [Cells(row, self.present) for row in rows]
        by_nip, by_pns = self._pegawai(cells_list)
        valid = []
        for cells in cells_list:
            nip = cells.nip()
            pegawai = by_pns.get(cells.raw("pns_id")) if cells.raw("pns_id") else None
            pegawai = pegawai or by_nip.get(cells.nip_text)
            if pegawai is None and nip is not None:
                cells.fail(
                    "nip_baru", _("Pegawai dengan NIP ini belum ada di Pelita; impor Data ASN lebih dulu.")
                )
            if cells.row.overflow:
                cells.fail(
                    "-", _("Baris ini berisi sel lebih banyak dari judul kolom; periksa pemisah kolom.")
                )
            values = self.spec.parse(cells, self)
            if pegawai is not None and not cells.errors:
                natural = self.spec.key(_Values(values))
                earlier = self.seen.setdefault((pegawai.pk, natural), cells.row.line)
                if earlier != cells.row.line:
                    cells.fail(
                        "-",
                        _("Riwayat yang sama sudah ada di baris %(line)s pada berkas ini.")
                        % {"line": earlier},
                    )
            if cells.errors:
                self.result.rejections.extend(
                    Rejection(cells.row.line, column, reason, cells.nip_text)
                    for column, reason in cells.errors
                )
                continue
            valid.append((pegawai, values))
        self._apply(valid)

    def _apply(self, valid: list[tuple[Pegawai, dict]]) -> None:
        ids = sorted({p.pk for p, _values in valid})
        existing = history_rows(self.model, ids)
        state_rows = (
            {m: (existing if m is self.model else history_rows(m, ids)) for m in STATE_MODELS}
            if self.model in STATE_MODELS
            else {}
        )
        index = {(pk, self.spec.key(r)): r for pk, rs in existing.items() for r in rs}
        created, updated = [], []
        audit: dict[int, dict] = {}
        for pegawai, values in valid:
            row = index.get((pegawai.pk, self.spec.key(_Values(values))))
            note = audit.setdefault(pegawai.pk, {"pegawai": pegawai, "before": {}, "after": {}})
            label = self.model._meta.model_name
            if row is None:
                row = self.model(pegawai=pegawai, **values)
                created.append(row)
                existing[pegawai.pk].append(row)
                note["after"].setdefault(label, []).append(snapshot(row, self.fields))
                self.result.imported += 1
                continue
            old = snapshot(row, self.fields)
            for name, value in values.items():
                setattr(row, name, value)
            was, now = changed(old, snapshot(row, self.fields))
            if now:
                updated.append((row, now))
                note["before"].setdefault(label, []).append(was)
                note["after"].setdefault(label, []).append(now)
                self.result.updated += 1
            else:
                self.result.unchanged += 1
        summaries = []
        for pk, note in audit.items():
            if not note["after"] or not state_rows:
                continue
            pegawai = note["pegawai"]
            before = snapshot(pegawai, CURRENT_STATE_FIELDS)
            state = current_state(*(state_rows[m].get(pk, ()) for m in STATE_MODELS))
            for name, value in state.items():
                setattr(pegawai, name, value)
            was, now = changed(before, snapshot(pegawai, CURRENT_STATE_FIELDS))
            if now:
                note["before"] |= was
                note["after"] |= now
                summaries.append((pegawai, now))
        if not self.write:
            return
        self.model.objects.bulk_create(created)
        if updated:
            self.model.objects.bulk_update(
                [r for r, _now in updated], sorted({n for _r, now in updated for n in now})
            )
        if summaries:
            Pegawai.objects.bulk_update(
                [p for p, _now in summaries], sorted({n for _p, now in summaries for n in now})
            )
        announce(
            "pegawai.riwayat_diimpor", Pegawai._meta.label_lower, (n["pegawai"].pk for n in audit.values())
        )
        AuditLog.objects.bulk_create(
            entry(
                actor=self.actor,
                event="pegawai.riwayat_diimpor",
                obj=note["pegawai"],
                before=note["before"],
                after=note["after"],
            )
            for note in audit.values()
            if note["after"]
        )


class _Values:
    """A values dict seen as an object, so one key function reads dicts and rows alike."""

    def __init__(self, values: dict) -> None:
        self._values = values

    def __getattr__(self, name: str):
        if name.endswith("_id") and name[:-3] in self._values:
            value = self._values[name[:-3]]
            return None if value is None else value.pk
        return self._values[name]
