"""The Data ASN import: one row per employee, upserted by pns_id, else by NIP.

A row sets the Pegawai fields of the columns the file has (a missing column leaves its
field alone) and the current-state history rows its columns describe: gol_akhir (and
gol_awal) → RiwayatGolongan, jabatan → RiwayatJabatan, tingkat pendidikan →
RiwayatPendidikan. The summary fields on the Pegawai row are then recomputed from all
its history rows by ``people.records.rules.state.current_state``, the rule the actions follow too.

Speed (bench/import_bench.py, docs/import.md): ten thousand employees must import in a
small multiple of a plain INSERT of the same rows. So every row is still validated cell by
cell, but the plan is made of plain dicts (``Record``: field name → value, foreign keys
as ids) rather than model instances, the rows already in the database are read as tuples
(one query per table per 900 keys), and the writes are one ``executemany`` per table and
kind of change (``people.imports.files.bulk``). Validation is the parser's (``Cells``): it checks every
constraint of the fields it fills (lengths, choices, dates, NIP/NIK), so no ``full_clean``
runs on top of it; the database constraints (unique NIP/NIK/pns_id, golongan once per
employee) still guard the writes.
"""

from __future__ import annotations

import functools
import operator
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import SYSTEM_LABEL, announce
from core.models import AuditLog
from people.imports.files import siasn
from people.imports.files.bulk import insert_values, update_values
from people.imports.files.cells import Cells, Lookups
from people.imports.files.tables import Rejection
from people.models import Pegawai, RiwayatGolongan, RiwayatJabatan, RiwayatPendidikan
from people.records.actions import PEGAWAI_FIELDS, history_fields
from people.records.rules.state import current_state

HISTORY = (RiwayatGolongan, RiwayatJabatan, RiwayatPendidikan)
HISTORY_FIELDS = {model: history_fields(model) for model in HISTORY}
_IN_BATCH = 900  # ids per IN (...) query: below SQLite's historical 999-parameter limit
# Columns holding the same person's identity: a value seen on two rows rejects both.
_UNIQUE_COLUMNS = ("nip_baru", "nik", "pns_id")
_AUDIT_FIELDS = (
    "at",
    "actor",
    "actor_label",
    "event",
    "object_type",
    "object_id",
    "object_repr",
    "before",
    "after",
)
_PEGAWAI_TYPE = Pegawai._meta.label_lower
# Data ASN column → Pegawai field, for the plain-text fields a file may carry
_TEXT_COLUMNS = (
    ("gelar_depan", "gelar_depan"),
    ("gelar_belakang", "gelar_belakang"),
    ("tempat_lahir_nama", "tempat_lahir"),
    ("alamat", "alamat"),
    ("nomor_hp", "nomor_hp"),
)
_pegawai_values = operator.itemgetter(*PEGAWAI_FIELDS)
# The names an operator may use, for the error messages (built once, not per cell).
_AGAMA_NAMES = siasn.choices_text(siasn.AGAMA_OUT)
_KAWIN_NAMES = siasn.choices_text(siasn.KAWIN_OUT)
_KEDUDUKAN_NAMES = siasn.choices_text(siasn.KEDUDUKAN_OUT)
_JENIS_JABATAN_NAMES = siasn.choices_text(siasn.JENIS_JABATAN_OUT)
_PENDIDIKAN_NAMES = siasn.choices_text(siasn.PENDIDIKAN_OUT)


def _chunks(values: list, size: int = _IN_BATCH):
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _id_from(out: dict, value: str) -> str | None:
    """The code whose exported id is ``value`` (the id column is read when the name is empty)."""
    return next((code for code, names in out.items() if names[0] == value), None)


def history_rows(model, pegawai_ids: list[int]) -> dict[int, list]:
    """The ``model`` history rows of these employees (instances), by employee, oldest first."""
    related = {RiwayatGolongan: ["golongan"], RiwayatJabatan: ["jabatan_fungsional"]}.get(model)
    rows: dict[int, list] = defaultdict(list)
    for batch in _chunks(pegawai_ids):
        query = model.objects.filter(pegawai_id__in=batch).order_by("pk")
        if related:
            query = query.select_related(*related)
        for row in query:
            rows[row.pegawai_id].append(row)
    return rows


class Record(dict):
    """One row as field name → value (foreign keys as ids, dates as dates).

    Readable as attributes too, so ``people.records.rules.state.current_state`` takes it as it takes a
    model instance: the import and the actions derive the summary by one rule.
    """

    __slots__ = ()

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


@functools.cache
def _defaults(model: type[models.Model], names: tuple[str, ...]) -> dict[str, Any]:
    """What a new row of ``model`` holds in the fields a file row does not set."""
    return {name: model._meta.get_field(name).get_default() for name in names}


def _records(model, names: tuple[str, ...], column: str, keys: list, *, whole: bool) -> list[Record]:
    """The rows of ``model`` whose ``column`` is one of ``keys``, as Records, oldest first.

    ``whole`` reads the whole table and keeps the wanted rows: cheaper than IN lists
    (whose every value Django prepares one by one) when most of the table is wanted.
    """
    if not keys:
        return []
    if whole:
        wanted = set(keys)
        index = names.index(column)
        query = model.objects.order_by("pk").values_list(*names)
        return [Record(zip(names, row, strict=True)) for row in query if row[index] in wanted]
    found = []
    for batch in _chunks(keys):
        query = model.objects.filter(**{f"{column}__in": batch}).order_by("pk").values_list(*names)
        found.extend(Record(zip(names, row, strict=True)) for row in query)
    return found


def _repr(pegawai: dict) -> str:
    """str(Pegawai) of a Record: "Dr. Nama, S.T. (NIP)"."""
    front = f"{pegawai['gelar_depan']} " if pegawai["gelar_depan"] else ""
    back = f", {pegawai['gelar_belakang']}" if pegawai["gelar_belakang"] else ""
    return f"{front}{pegawai['nama']}{back} ({pegawai['nip']})"[:255]


@dataclass(slots=True)
class Parsed:
    cells: Cells
    values: dict[str, Any] = field(default_factory=dict)  # Pegawai field name → value (ids for FKs)
    opd_given: bool = False
    gol_akhir: dict | None = None
    gol_awal: dict | None = None
    jabatan: dict | None = None
    pendidikan: dict | None = None


@dataclass(slots=True)
class Change:
    """One history row the import creates or updates, with its before/after for the audit."""

    model: type[models.Model]
    created: bool
    row: Record
    before: dict
    after: dict


@dataclass(slots=True)
class Plan:
    """What one valid file row does: the employee as it will be, and what changes."""

    pegawai: Record
    new: bool
    before: dict  # changed Pegawai fields, before (empty for a new employee)
    fields: dict  # changed Pegawai fields, after (empty for a new employee: all of it is new)
    changes: list[Change]


class DataAsnImporter:
    def __init__(self, kind, table, *, actor, today, result, write: bool) -> None:
        self.kind = kind
        self.table = table
        self.actor = actor
        self.today = today
        self.result = result
        self.write = write
        self.present = set(table.columns)

    def prepare(self) -> None:
        self.lookups = Lookups()
        self.seen: dict[int, int] = {}  # pegawai pk → the line that matched it
        # Every employee's identity keys, read once (four narrow columns, no IN lists): the
        # rows are matched against these, and only the matched employees are read in full.
        self.by_nip: dict[str, int] = {}
        self.by_pns: dict[str, int] = {}
        self.nik_owner: dict[str, tuple[int, str]] = {}
        self.max_id = 0
        for pk, nip, pns_id, nik in Pegawai.objects.order_by().values_list("pk", "nip", "pns_id", "nik"):
            self._index(pk, nip, pns_id, nik)
        # line → [(column, value, the other lines)] for identity values the file repeats
        self.duplicates: dict[int, list[tuple[str, str, list[int]]]] = defaultdict(list)
        for column in _UNIQUE_COLUMNS:
            if column in self.present:
                lines: dict[str, list[int]] = defaultdict(list)
                for row in self.table.rows:
                    value = "".join(row.values[column].split())
                    if value:
                        lines[value].append(row.line)
                for value, found in lines.items():
                    if len(found) > 1:
                        for line in found:
                            self.duplicates[line].append((column, value, found))
        # the optional plain-text columns this file has, with their field and length limit
        self.text_columns = [
            (column, name, Pegawai._meta.get_field(name).max_length)
            for column, name in _TEXT_COLUMNS
            if column in self.present
        ]
        self.pegawai_defaults = _defaults(Pegawai, PEGAWAI_FIELDS)
        self.history_defaults = {m: _defaults(m, tuple(HISTORY_FIELDS[m])) for m in HISTORY}

    def _index(self, pk: int, nip: str, pns_id: str | None, nik: str | None) -> None:
        self.by_nip[nip] = pk
        if pns_id:
            self.by_pns[pns_id] = pk
        if nik:
            self.nik_owner[nik] = (pk, nip)
        self.max_id = max(self.max_id, pk)

    def _reindex(self, plans: list[Plan]) -> None:
        """Keep the key index as the database now is, for the next chunk."""
        for plan in plans:
            pegawai = plan.pegawai
            if not plan.new:
                for name, index in (("nip", self.by_nip), ("pns_id", self.by_pns), ("nik", self.nik_owner)):
                    if plan.before.get(name):
                        index.pop(plan.before[name], None)
            self._index(pegawai["id"], pegawai["nip"], pegawai["pns_id"], pegawai["nik"])

    # --- reading -------------------------------------------------------------------------

    def parse(self, row) -> Parsed:
        cells = Cells(row, self.present)
        present, get = self.present, cells.get
        if row.overflow:
            cells.fail(
                "-",
                _("Baris ini berisi %(n)s sel lebih banyak dari judul kolom; periksa pemisah kolom.")
                % {"n": row.overflow},
            )
        p = Parsed(cells)
        v = p.values
        nip = cells.nip()
        v["nip"] = cells.nip_text
        for column, value, lines in self.duplicates.get(row.line, ()):
            others = ", ".join(str(line) for line in lines if line != row.line)
            cells.fail(
                column,
                _("Nilai %(value)s juga ada di baris %(lines)s pada berkas ini; semua baris itu ditolak.")
                % {"value": value, "lines": others},
            )
        if "pns_id" in present:
            v["pns_id"] = cells.text("pns_id", Pegawai, "pns_id") or None
        if "nik" in present:
            v["nik"] = cells.nik(nip, self.today)
        v["nama"] = cells.text("nama", Pegawai, "nama", required=True)
        for column, name, limit in self.text_columns:
            value = get(column, "")
            # cells.text only for the rare value too long: it records why
            v[name] = value if len(value) <= limit else cells.text(column, Pegawai, name)
        if "email" in present:
            v["email"] = cells.email("email", Pegawai, "email")
        born = cells.date("tanggal_lahir", required=True)
        if born is not None and born > self.today:
            cells.fail("tanggal_lahir", _("Tanggal lahir tidak boleh setelah hari ini."))
        v["tanggal_lahir"] = born
        v["jenis_kelamin"] = cells.choice(
            "jenis_kelamin", siasn.GENDER, "L/M (laki-laki), P/F (perempuan)", required=True
        )
        self._coded(p, "agama", "agama_nama", "agama_id", siasn.AGAMA, siasn.AGAMA_OUT, _AGAMA_NAMES)
        self._coded(
            p,
            "status_kawin",
            "jenis_kawin_nama",
            "jenis_kawin_id",
            siasn.KAWIN,
            siasn.KAWIN_OUT,
            _KAWIN_NAMES,
        )
        self._coded(
            p,
            "status",
            "kedudukan_hukum_nama",
            "kedudukan_hukum_id",
            siasn.KEDUDUKAN,
            siasn.KEDUDUKAN_OUT,
            _KEDUDUKAN_NAMES,
        )
        if not v.get("status", True):
            del v["status"]  # empty: keep what the employee has (a new one starts aktif)
        self._jenis_pegawai(p)
        for column in ("tmt_cpns", "tmt_pns"):
            if column in present:
                v[column] = cells.date(column)
        self._place(p)
        self._histories(p)
        return p

    def _coded(
        self, p: Parsed, name: str, name_column: str, id_column: str, vocabulary, out, names: str
    ) -> None:
        cells = p.cells
        present, get = self.present, cells.get
        if not ((name_column in present) or (id_column in present)):
            return
        if get(name_column, "") or not get(id_column, ""):
            p.values[name] = cells.choice(name_column, vocabulary, names)
            return
        code = _id_from(out, get(id_column, ""))
        if code is None:
            cells.fail(id_column, _("Kode %(value)r tidak dikenal.") % {"value": get(id_column, "")})
        p.values[name] = code or ""

    def _jenis_pegawai(self, p: Parsed) -> None:
        get = p.cells.get
        cells = p.cells
        jenis = siasn.key(get("jenis_pegawai_nama", ""))
        status = get("status_cpns_pns", "")
        if "PPPK" in jenis:
            p.values["jenis_pegawai"] = Pegawai.Jenis.PPPK
        elif status:
            p.values["jenis_pegawai"] = cells.choice(
                "status_cpns_pns", siasn.STATUS_CPNS, "C (CPNS), P (PNS)"
            )
        elif jenis:
            p.values["jenis_pegawai"] = Pegawai.Jenis.CPNS if jenis.startswith("CPNS") else Pegawai.Jenis.PNS
        if not p.values.get("jenis_pegawai", True):
            del p.values["jenis_pegawai"]

    def _place(self, p: Parsed) -> None:
        """OPD from satuan_kerja_kerja_nama (else unor_nama); the unit from unor_nama inside it."""
        cells = p.cells
        present, get = self.present, cells.get
        if not (("satuan_kerja_kerja_nama" in present) or ("unor_nama" in present)):
            return
        p.opd_given = True
        column = "satuan_kerja_kerja_nama" if get("satuan_kerja_kerja_nama", "") else "unor_nama"
        name = get(column, "")
        if not name:
            cells.fail(column, _("OPD wajib diisi (satuan_kerja_kerja_nama atau unor_nama)."))
            return
        opd = self.lookups.find_opd(name, get("instansi_kerja_nama", ""))
        if opd == "ambiguous":
            cells.fail(
                column,
                _("Nama OPD %(name)r dipakai lebih dari satu instansi; isi instansi_kerja_nama.")
                % {"name": name},
            )
            return
        if opd is None:
            cells.fail(
                column, _("OPD %(name)r tidak dikenal; tulis nama OPD seperti di Pelita.") % {"name": name}
            )
            return
        p.values["opd"] = opd.pk
        unor = get("unor_nama", "")
        if (
            column == "satuan_kerja_kerja_nama"
            and unor
            and siasn.key(unor)
            not in {
                siasn.key(opd.name),
                siasn.key(opd.short_name),
            }
        ):
            unit = self.lookups.find_unit(opd, unor)
            if unit is not None:
                p.values["unit"] = unit.pk
            # An unor Pelita's unit tree lacks leaves the unit as it is: national unor
            # names are finer than most OPD trees, and rejecting would block whole OPDs.
        else:
            p.values["unit"] = None

    def _histories(self, p: Parsed) -> None:
        cells, lookups = p.cells, self.lookups
        present, get = self.present, cells.get
        if ("gol_akhir_nama" in present) or ("gol_akhir_id" in present):
            gol = lookups.find_golongan(
                cells, "gol_akhir_nama", "gol_akhir_id" if ("gol_akhir_id" in present) else None
            )
            if gol is not None:
                if not get("tmt_golongan", ""):
                    cells.fail("tmt_golongan", _("Wajib diisi bila gol_akhir_nama diisi."))
                p.gol_akhir = {
                    "golongan": gol.pk,
                    "tmt": cells.date("tmt_golongan"),
                    "mk_tahun": cells.integer("mk_tahun", low=0, high=60, default=0),
                    "mk_bulan": cells.integer("mk_bulan", low=0, high=11, default=0),
                }
        if ("gol_awal_nama" in present) or ("gol_awal_id" in present):
            gol = lookups.find_golongan(
                cells, "gol_awal_nama", "gol_awal_id" if ("gol_awal_id" in present) else None
            )
            if gol is not None:
                if not get("tmt_cpns", ""):
                    cells.fail("tmt_cpns", _("Wajib diisi bila gol_awal_nama diisi."))
                p.gol_awal = {
                    "golongan": gol.pk,
                    "tmt": cells.date("tmt_cpns"),
                    "nomor_sk": cells.text("nomor_sk_cpns", RiwayatGolongan, "nomor_sk"),
                    "tanggal_sk": cells.date("tanggal_sk_cpns"),
                }
        if ("jabatan_nama" in present) and get("jabatan_nama", ""):
            jenis = ""
            if get("jenis_jabatan_nama", "") or not get("jenis_jabatan_id", ""):
                jenis = cells.choice(
                    "jenis_jabatan_nama", siasn.JENIS_JABATAN, _JENIS_JABATAN_NAMES, required=True
                )
            else:
                jenis = _id_from(siasn.JENIS_JABATAN_OUT, get("jenis_jabatan_id", "")) or ""
                if not jenis:
                    cells.fail(
                        "jenis_jabatan_id",
                        _("Kode %(value)r tidak dikenal.") % {"value": get("jenis_jabatan_id", "")},
                    )
            nama = cells.text("jabatan_nama", RiwayatJabatan, "nama")
            jf, jenjang = lookups.match_jf(nama) if jenis == "fungsional" else (None, "")
            p.jabatan = {
                "jenis": jenis,
                "nama": nama,
                "tmt": cells.date("tmt_jabatan", required=True),
                "jabatan_fungsional": None if jf is None else jf.pk,
                "jenjang": jenjang,
            }
        if get("tingkat_pendidikan_nama", "") or get("tingkat_pendidikan_id", ""):
            if get("tingkat_pendidikan_nama", ""):
                tingkat = cells.choice("tingkat_pendidikan_nama", siasn.PENDIDIKAN, _PENDIDIKAN_NAMES)
            else:
                tingkat = _id_from(siasn.PENDIDIKAN_OUT, get("tingkat_pendidikan_id", "")) or ""
                if not tingkat:
                    cells.fail(
                        "tingkat_pendidikan_id",
                        _("Kode %(value)r tidak dikenal.") % {"value": get("tingkat_pendidikan_id", "")},
                    )
            p.pendidikan = {
                "tingkat": tingkat,
                "tahun_lulus": cells.integer("tahun_lulus", low=1900, high=self.today.year, required=True),
            }
            if "pendidikan_nama" in present:
                p.pendidikan["jurusan"] = cells.text("pendidikan_nama", RiwayatPendidikan, "jurusan")
            if "nama_sekolah" in present:
                p.pendidikan["institusi"] = cells.text("nama_sekolah", RiwayatPendidikan, "institusi")

    # --- matching with the database -------------------------------------------------------

    def _existing(self, parsed: list[Parsed]):
        """The employees these rows name (by NIP or pns_id), in full, and their history rows.

        Read as tuples, one query per table per 900 employees (or the whole table when
        the rows name most of it); no model instances are built.
        """
        matched = set()
        for p in parsed:
            for pk in (self.by_nip.get(p.values["nip"]), self.by_pns.get(p.values.get("pns_id") or "")):
                if pk is not None:
                    matched.add(pk)
        ids = sorted(matched)
        whole = len(ids) * 2 >= len(self.by_nip)
        names = ("id", *PEGAWAI_FIELDS)
        found = _records(Pegawai, names, "id", ids, whole=whole)
        history: dict[type, dict[int, list[Record]]] = {}
        for model in HISTORY:
            rows: dict[int, list[Record]] = defaultdict(list)
            columns = ("id", "pegawai", *HISTORY_FIELDS[model])
            for record in _records(model, columns, "pegawai", ids, whole=whole):
                rows[record["pegawai"]].append(record)
            history[model] = rows
        by_nip = {x["nip"]: x for x in found}
        by_pns = {x["pns_id"]: x for x in found if x["pns_id"]}
        return by_nip, by_pns, self.nik_owner, history

    def run_chunk(self, rows) -> None:
        parsed = [self.parse(row) for row in rows]
        by_nip, by_pns, nik_owner, history = self._existing(parsed)
        plans = []
        for p in parsed:
            cells, v = p.cells, p.values
            target = by_pns.get(v.get("pns_id")) if v.get("pns_id") else None
            if target is None:
                target = by_nip.get(v["nip"])
            elif v["nip"] in by_nip and by_nip[v["nip"]]["id"] != target["id"]:
                cells.fail("nip_baru", _("NIP ini sudah dipakai pegawai lain dengan ID PNS berbeda."))
            elif v["nip"] != target["nip"] and v["nip"] not in by_nip:
                pass  # the national system corrected the NIP of this pns_id: take it
            if target is not None:
                if target["id"] in self.seen:
                    cells.fail(
                        "nip_baru",
                        _("Pegawai ini sudah ada di baris %(line)s pada berkas ini (lewat pns_id atau NIP).")
                        % {"line": self.seen[target["id"]]},
                    )
                self.seen.setdefault(target["id"], cells.row.line)
            nik = v.get("nik")
            if nik and nik in nik_owner and (target is None or nik_owner[nik][0] != target["id"]):
                cells.fail(
                    "nik", _("NIK ini sudah dipakai pegawai lain (NIP %(nip)s).") % {"nip": nik_owner[nik][1]}
                )
            if target is None and not p.opd_given:
                cells.fail("satuan_kerja_kerja_nama", _("OPD wajib diisi untuk pegawai baru."))
            if cells.errors:
                self.result.rejections.extend(
                    Rejection(cells.row.line, column, reason, cells.nip_text)
                    for column, reason in cells.errors
                )
                continue
            plans.append(self._plan(p, target, history))
        for plan in plans:
            if plan.new:
                self.result.imported += 1
            elif plan.fields or plan.changes:
                self.result.updated += 1
            else:
                self.result.unchanged += 1
        if self.write:
            self._write(plans)

    # --- planning -------------------------------------------------------------------------

    def _plan(self, p: Parsed, target: Record | None, history) -> Plan:
        pegawai = Record(self.pegawai_defaults if target is None else target)
        pegawai.update(p.values)
        if target is None:
            rows: dict[type, list[Record]] = {model: [] for model in HISTORY}
        else:
            rows = {model: list(history[model].get(target["id"], ())) for model in HISTORY}
        changes: list[Change] = []

        def upsert(model, index: int | None, values: dict) -> None:
            """Create a history row (index None) or update rows[model][index] with ``values``."""
            if index is None:
                row = Record(self.history_defaults[model])
                row.update(values)
                rows[model].append(row)
                changes.append(Change(model, True, row, {}, {}))
                return
            old = rows[model][index]
            differ = [name for name, value in values.items() if old[name] != value]
            if differ:
                row = Record(old)
                row.update(values)
                rows[model][index] = row
                before = {name: old[name] for name in differ}
                changes.append(Change(model, False, row, before, {name: row[name] for name in differ}))

        by_golongan = {row["golongan"]: i for i, row in enumerate(rows[RiwayatGolongan])}
        akhir, awal = p.gol_akhir, p.gol_awal
        # gol_awal only ensures the appointment rank exists; rw-golongan owns its details.
        if (
            awal
            and (akhir is None or awal["golongan"] != akhir["golongan"])
            and awal["golongan"] not in by_golongan
        ):
            upsert(RiwayatGolongan, None, {**awal, "jenis_kp": RiwayatGolongan.JenisKp.AWAL})
        if akhir:
            existing = by_golongan.get(akhir["golongan"])
            if existing is None:
                first = awal is not None and awal["golongan"] == akhir["golongan"]
                extra = (
                    {
                        "jenis_kp": RiwayatGolongan.JenisKp.AWAL,
                        "nomor_sk": awal["nomor_sk"],
                        "tanggal_sk": awal["tanggal_sk"],
                    }
                    if first
                    else {"jenis_kp": RiwayatGolongan.JenisKp.REGULER}
                )
                upsert(RiwayatGolongan, None, {**akhir, **extra})
            else:
                upsert(RiwayatGolongan, existing, akhir)
        if p.jabatan:
            tmt = p.jabatan["tmt"]
            existing = next((i for i, r in enumerate(rows[RiwayatJabatan]) if r["tmt"] == tmt), None)
            values = {"jenis": p.jabatan["jenis"], "nama": p.jabatan["nama"]}
            if p.jabatan["jabatan_fungsional"] is not None or existing is None:
                # a name the catalogue does not fit keeps the JF an rw-jabatan import set
                values |= {
                    "jabatan_fungsional": p.jabatan["jabatan_fungsional"],
                    "jenjang": p.jabatan["jenjang"],
                }
            if existing is None:
                values |= {"tmt": tmt, "opd": pegawai["opd"], "unit": pegawai["unit"]}
            upsert(RiwayatJabatan, existing, values)
        if p.pendidikan:
            tingkat = p.pendidikan["tingkat"]
            same = [i for i, r in enumerate(rows[RiwayatPendidikan]) if r["tingkat"] == tingkat]
            if len(same) > 1:
                lulus = p.pendidikan["tahun_lulus"]
                same = [i for i in same if rows[RiwayatPendidikan][i]["tahun_lulus"] == lulus]
            upsert(RiwayatPendidikan, same[0] if same else None, p.pendidikan)

        pegawai.update(current_state(rows[RiwayatGolongan], rows[RiwayatJabatan], rows[RiwayatPendidikan]))
        if target is None:
            return Plan(pegawai, True, {}, {}, changes)
        differ = [name for name in PEGAWAI_FIELDS if target[name] != pegawai[name]]
        before = {name: target[name] for name in differ}
        return Plan(pegawai, False, before, {name: pegawai[name] for name in differ}, changes)

    # --- writing --------------------------------------------------------------------------

    def _write(self, plans: list[Plan]) -> None:
        created = [plan.pegawai for plan in plans if plan.new]
        insert_values(Pegawai, PEGAWAI_FIELDS, list(map(_pegawai_values, created)))
        if created:
            # executemany returns no keys: read them back by the unique NIP. Keys only grow,
            # so the new rows are above the highest id seen (a concurrent import's rows may
            # be there too, hence the NIP).
            query = Pegawai.objects.filter(pk__gt=self.max_id).order_by().values_list("nip", "pk")
            ids = dict(query)
            for pegawai in created:
                pegawai["id"] = ids[pegawai["nip"]]

        _update_grouped(
            Pegawai,
            [(plan.pegawai, plan.fields) for plan in plans if not plan.new and plan.fields],
        )
        for model in HISTORY:
            names = ("pegawai", *HISTORY_FIELDS[model])
            new_rows = []
            updated = []
            for plan in plans:
                for c in plan.changes:
                    if c.model is not model:
                        continue
                    if c.created:
                        c.row["pegawai"] = plan.pegawai["id"]  # the employee may be new
                        new_rows.append(c.row)
                    else:
                        updated.append((c.row, c.after))
            insert_values(model, names, list(map(operator.itemgetter(*names), new_rows)))
            _update_grouped(model, updated)
        self._audit(plans)
        self._reindex(plans)

    def _audit(self, plans: list[Plan]) -> None:
        """The audit rows of one chunk: a row per changed employee, one row for the new ones.

        A changed employee's row holds the fields and history rows that changed, before
        and after. The employees the chunk creates share one row naming each of them (id,
        NIP, name) with the count of history rows created for them: their values are the
        rows themselves, and every later change to them is audited with its before value,
        so a row per new employee repeating its values would add only volume (at ten
        thousand employees, the largest single cost of the import).
        """
        authenticated = self.actor is not None and self.actor.is_authenticated
        actor_id = self.actor.pk if authenticated else None
        actor_label = self.actor.get_username() if authenticated else SYSTEM_LABEL
        now = timezone.now()
        entries = []
        created: list[list] = []
        created_history: dict[str, int] = {}
        for plan in plans:
            if plan.new:
                pegawai = plan.pegawai
                created.append([pegawai["id"], pegawai["nip"], pegawai["nama"]])
                for c in plan.changes:
                    label = c.model._meta.model_name
                    created_history[label] = created_history.get(label, 0) + 1
                continue
            if not (plan.fields or plan.changes):
                continue
            before, after = dict(plan.before), dict(plan.fields)
            for c in plan.changes:
                label = c.model._meta.model_name
                after.setdefault(label, []).append(
                    {name: c.row[name] for name in HISTORY_FIELDS[c.model]} if c.created else c.after
                )
                if not c.created:
                    before.setdefault(label, []).append(c.before)
            entries.append(
                (
                    now,
                    actor_id,
                    actor_label,
                    "pegawai.diubah_impor",
                    _PEGAWAI_TYPE,
                    str(plan.pegawai["id"]),
                    _repr(plan.pegawai),
                    before,
                    after,
                )
            )
        if created:
            entries.append(
                (
                    now,
                    actor_id,
                    actor_label,
                    "pegawai.diimpor",
                    _PEGAWAI_TYPE,
                    "",
                    _("%(n)s pegawai baru dari impor Data ASN") % {"n": len(created)},
                    {},
                    {"jumlah": len(created), "pegawai": created, "riwayat": created_history},
                )
            )
        # dates inside before/after are written as ISO text, as core.audit.snapshot does
        insert_values(AuditLog, _AUDIT_FIELDS, entries, json_encoder=DjangoJSONEncoder)
        announce("pegawai.diubah_impor", _PEGAWAI_TYPE, [e[5] for e in entries if e[5]])
        announce("pegawai.diimpor", _PEGAWAI_TYPE, [row[0] for row in created])


def _update_grouped(model, rows: list[tuple[Record, dict]]) -> None:
    """UPDATE each row's changed fields: one executemany per set of changed fields."""
    groups: dict[tuple[str, ...], list[tuple]] = defaultdict(list)
    for record, changed in rows:
        names = tuple(changed)
        groups[names].append((record["id"], *(record[name] for name in names)))
    for names, values in groups.items():
        update_values(model, names, values)
