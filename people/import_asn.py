"""The Data ASN import: one row per employee, upserted by pns_id, else by NIP.

A row sets the Pegawai fields of the columns the file has (a missing column leaves its
field alone) and the current-state history rows its columns describe: gol_akhir (and
gol_awal) → RiwayatGolongan, jabatan → RiwayatJabatan, tingkat pendidikan →
RiwayatPendidikan. The summary fields on the Pegawai row are then recomputed from all
its history rows by ``people.state.current_state``, the rule the actions follow too.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from core.audit import changed, entry, snapshot
from core.models import AuditLog
from people import siasn
from people.actions import PEGAWAI_FIELDS, history_fields
from people.bulk import insert_rows
from people.import_cells import Cells, Lookups
from people.imports import Rejection
from people.models import Pegawai, RiwayatGolongan, RiwayatJabatan, RiwayatPendidikan
from people.state import current_state

HISTORY = (RiwayatGolongan, RiwayatJabatan, RiwayatPendidikan)
HISTORY_FIELDS = {model: history_fields(model) for model in HISTORY}
_IN_BATCH = 900  # ids per IN (...) query: below SQLite's historical 999-parameter limit
# Columns holding the same person's identity: a value seen on two rows rejects both.
_UNIQUE_COLUMNS = ("nip_baru", "nik", "pns_id")


def _chunks(values: list, size: int = _IN_BATCH):
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _id_from(out: dict, value: str) -> str | None:
    """The code whose exported id is ``value`` (the id column is read when the name is empty)."""
    return next((code for code, names in out.items() if names[0] == value), None)


def history_rows(model, pegawai_ids: list[int]) -> dict[int, list]:
    """The ``model`` history rows of these employees, by employee, oldest first."""
    related = {RiwayatGolongan: ["golongan"], RiwayatJabatan: ["jabatan_fungsional"]}.get(model)
    rows: dict[int, list] = defaultdict(list)
    for batch in _chunks(pegawai_ids):
        query = model.objects.filter(pegawai_id__in=batch).order_by("pk")
        if related:
            query = query.select_related(*related)
        for row in query:
            rows[row.pegawai_id].append(row)
    return rows


@dataclass
class Parsed:
    cells: Cells
    values: dict[str, Any] = field(default_factory=dict)
    opd_given: bool = False
    gol_akhir: dict | None = None
    gol_awal: dict | None = None
    jabatan: dict | None = None
    pendidikan: dict | None = None


@dataclass
class Change:
    """One history row the import creates or updates, with its before/after for the audit."""

    row: Any
    created: bool
    before: dict
    after: dict = field(default_factory=dict)


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
        self.duplicates: dict[str, dict[str, list[int]]] = {}
        self.seen: dict[int, int] = {}  # pegawai pk → the line that matched it
        for column in _UNIQUE_COLUMNS:
            if column in self.present:
                lines: dict[str, list[int]] = defaultdict(list)
                for row in self.table.rows:
                    value = "".join(row.values[column].split())
                    if value:
                        lines[value].append(row.line)
                self.duplicates[column] = {v: ls for v, ls in lines.items() if len(ls) > 1}

    # --- reading -------------------------------------------------------------------------

    def parse(self, row) -> Parsed:
        cells = Cells(row, self.present)
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
        for column, duplicates in self.duplicates.items():
            value = "".join(row.values[column].split())
            if value in duplicates:
                others = ", ".join(str(line) for line in duplicates[value] if line != row.line)
                cells.fail(
                    column,
                    _("Nilai %(value)s juga ada di baris %(lines)s pada berkas ini; semua baris itu ditolak.")
                    % {"value": value, "lines": others},
                )
        if cells.has("pns_id"):
            v["pns_id"] = cells.text("pns_id", Pegawai, "pns_id") or None
        if cells.has("nik"):
            v["nik"] = cells.nik(nip, self.today)
        v["nama"] = cells.text("nama", Pegawai, "nama", required=True)
        for column, name in (
            ("gelar_depan", "gelar_depan"),
            ("gelar_belakang", "gelar_belakang"),
            ("tempat_lahir_nama", "tempat_lahir"),
            ("alamat", "alamat"),
            ("nomor_hp", "nomor_hp"),
        ):
            if cells.has(column):
                v[name] = cells.text(column, Pegawai, name)
        if cells.has("email"):
            v["email"] = cells.email("email", Pegawai, "email")
        born = cells.date("tanggal_lahir", required=True)
        if born is not None and born > self.today:
            cells.fail("tanggal_lahir", _("Tanggal lahir tidak boleh setelah hari ini."))
        v["tanggal_lahir"] = born
        v["jenis_kelamin"] = cells.choice(
            "jenis_kelamin", siasn.GENDER, "L/M (laki-laki), P/F (perempuan)", required=True
        )
        self._coded(p, "agama", "agama_nama", "agama_id", siasn.AGAMA, siasn.AGAMA_OUT)
        self._coded(p, "status_kawin", "jenis_kawin_nama", "jenis_kawin_id", siasn.KAWIN, siasn.KAWIN_OUT)
        self._coded(
            p, "status", "kedudukan_hukum_nama", "kedudukan_hukum_id", siasn.KEDUDUKAN, siasn.KEDUDUKAN_OUT
        )
        if not v.get("status", True):
            del v["status"]  # empty: keep what the employee has (a new one starts aktif)
        self._jenis_pegawai(p)
        for column in ("tmt_cpns", "tmt_pns"):
            if cells.has(column):
                v[column] = cells.date(column)
        self._place(p)
        self._histories(p)
        return p

    def _coded(self, p: Parsed, name: str, name_column: str, id_column: str, vocabulary, out) -> None:
        cells = p.cells
        if not (cells.has(name_column) or cells.has(id_column)):
            return
        if cells.raw(name_column) or not cells.raw(id_column):
            p.values[name] = cells.choice(name_column, vocabulary, siasn.choices_text(out))
            return
        code = _id_from(out, cells.raw(id_column))
        if code is None:
            cells.fail(id_column, _("Kode %(value)r tidak dikenal.") % {"value": cells.raw(id_column)})
        p.values[name] = code or ""

    def _jenis_pegawai(self, p: Parsed) -> None:
        cells = p.cells
        jenis = siasn.key(cells.raw("jenis_pegawai_nama"))
        status = cells.raw("status_cpns_pns")
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
        if not (cells.has("satuan_kerja_kerja_nama") or cells.has("unor_nama")):
            return
        p.opd_given = True
        column = "satuan_kerja_kerja_nama" if cells.raw("satuan_kerja_kerja_nama") else "unor_nama"
        name = cells.raw(column)
        if not name:
            cells.fail(column, _("OPD wajib diisi (satuan_kerja_kerja_nama atau unor_nama)."))
            return
        opd = self.lookups.find_opd(name, cells.raw("instansi_kerja_nama"))
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
        p.values["opd"] = opd
        unor = cells.raw("unor_nama")
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
                p.values["unit"] = unit
            # An unor Pelita's unit tree lacks leaves the unit as it is: national unor
            # names are finer than most OPD trees, and rejecting would block whole OPDs.
        else:
            p.values["unit"] = None

    def _histories(self, p: Parsed) -> None:
        cells, lookups = p.cells, self.lookups
        if cells.has("gol_akhir_nama") or cells.has("gol_akhir_id"):
            gol = lookups.find_golongan(
                cells, "gol_akhir_nama", "gol_akhir_id" if cells.has("gol_akhir_id") else None
            )
            if gol is not None:
                if not cells.raw("tmt_golongan"):
                    cells.fail("tmt_golongan", _("Wajib diisi bila gol_akhir_nama diisi."))
                p.gol_akhir = {
                    "golongan": gol,
                    "tmt": cells.date("tmt_golongan"),
                    "mk_tahun": cells.integer("mk_tahun", low=0, high=60, default=0),
                    "mk_bulan": cells.integer("mk_bulan", low=0, high=11, default=0),
                }
        if cells.has("gol_awal_nama") or cells.has("gol_awal_id"):
            gol = lookups.find_golongan(
                cells, "gol_awal_nama", "gol_awal_id" if cells.has("gol_awal_id") else None
            )
            if gol is not None:
                if not cells.raw("tmt_cpns"):
                    cells.fail("tmt_cpns", _("Wajib diisi bila gol_awal_nama diisi."))
                p.gol_awal = {
                    "golongan": gol,
                    "tmt": cells.date("tmt_cpns"),
                    "nomor_sk": cells.text("nomor_sk_cpns", RiwayatGolongan, "nomor_sk"),
                    "tanggal_sk": cells.date("tanggal_sk_cpns"),
                }
        if cells.has("jabatan_nama") and cells.raw("jabatan_nama"):
            jenis = ""
            if cells.raw("jenis_jabatan_nama") or not cells.raw("jenis_jabatan_id"):
                jenis = cells.choice(
                    "jenis_jabatan_nama",
                    siasn.JENIS_JABATAN,
                    siasn.choices_text(siasn.JENIS_JABATAN_OUT),
                    required=True,
                )
            else:
                jenis = _id_from(siasn.JENIS_JABATAN_OUT, cells.raw("jenis_jabatan_id")) or ""
                if not jenis:
                    cells.fail(
                        "jenis_jabatan_id",
                        _("Kode %(value)r tidak dikenal.") % {"value": cells.raw("jenis_jabatan_id")},
                    )
            nama = cells.text("jabatan_nama", RiwayatJabatan, "nama")
            jf, jenjang = lookups.match_jf(nama) if jenis == "fungsional" else (None, "")
            p.jabatan = {
                "jenis": jenis,
                "nama": nama,
                "tmt": cells.date("tmt_jabatan", required=True),
                "jabatan_fungsional": jf,
                "jenjang": jenjang,
            }
        if cells.raw("tingkat_pendidikan_nama") or cells.raw("tingkat_pendidikan_id"):
            if cells.raw("tingkat_pendidikan_nama"):
                tingkat = cells.choice(
                    "tingkat_pendidikan_nama", siasn.PENDIDIKAN, siasn.choices_text(siasn.PENDIDIKAN_OUT)
                )
            else:
                tingkat = _id_from(siasn.PENDIDIKAN_OUT, cells.raw("tingkat_pendidikan_id")) or ""
                if not tingkat:
                    cells.fail(
                        "tingkat_pendidikan_id",
                        _("Kode %(value)r tidak dikenal.") % {"value": cells.raw("tingkat_pendidikan_id")},
                    )
            p.pendidikan = {
                "tingkat": tingkat,
                "tahun_lulus": cells.integer("tahun_lulus", low=1900, high=self.today.year, required=True),
            }
            if cells.has("pendidikan_nama"):
                p.pendidikan["jurusan"] = cells.text("pendidikan_nama", RiwayatPendidikan, "jurusan")
            if cells.has("nama_sekolah"):
                p.pendidikan["institusi"] = cells.text("nama_sekolah", RiwayatPendidikan, "institusi")

    # --- matching with the database -------------------------------------------------------

    def _existing(self, parsed: list[Parsed]):
        nips = [p.values["nip"] for p in parsed if p.values["nip"]]
        pns_ids = [p.values["pns_id"] for p in parsed if p.values.get("pns_id")]
        niks = [p.values["nik"] for p in parsed if p.values.get("nik")]
        found: dict[int, Pegawai] = {}
        for batch in _chunks(nips):
            found |= {x.pk: x for x in Pegawai.objects.filter(nip__in=batch)}
        for batch in _chunks(pns_ids):
            found |= {x.pk: x for x in Pegawai.objects.filter(pns_id__in=batch)}
        nik_owner: dict[str, tuple[int, str]] = {}
        for batch in _chunks(niks):
            nik_owner |= {
                nik: (pk, nip)
                for pk, nik, nip in Pegawai.objects.filter(nik__in=batch).values_list("pk", "nik", "nip")
            }
        history = {model: history_rows(model, list(found)) for model in HISTORY}
        by_nip = {x.nip: x for x in found.values()}
        by_pns = {x.pns_id: x for x in found.values() if x.pns_id}
        return by_nip, by_pns, nik_owner, history

    def run_chunk(self, rows) -> None:
        parsed = [self.parse(row) for row in rows]
        by_nip, by_pns, nik_owner, history = self._existing(parsed)
        plans = []
        for p in parsed:
            cells, v = p.cells, p.values
            target = by_pns.get(v.get("pns_id")) if v.get("pns_id") else None
            if target is None:
                target = by_nip.get(v["nip"])
            elif v["nip"] in by_nip and by_nip[v["nip"]].pk != target.pk:
                cells.fail("nip_baru", _("NIP ini sudah dipakai pegawai lain dengan ID PNS berbeda."))
            elif v["nip"] != target.nip and v["nip"] not in by_nip:
                pass  # the national system corrected the NIP of this pns_id: take it
            if target is not None:
                if target.pk in self.seen:
                    cells.fail(
                        "nip_baru",
                        _("Pegawai ini sudah ada di baris %(line)s pada berkas ini (lewat pns_id atau NIP).")
                        % {"line": self.seen[target.pk]},
                    )
                self.seen.setdefault(target.pk, cells.row.line)
            nik = v.get("nik")
            if nik and nik in nik_owner and (target is None or nik_owner[nik][0] != target.pk):
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
            if plan["pegawai"].pk is None:
                self.result.imported += 1
            elif plan["fields"] or plan["changes"]:
                self.result.updated += 1
            else:
                self.result.unchanged += 1
        if self.write:
            self._write(plans)

    # --- planning -------------------------------------------------------------------------

    def _plan(self, p: Parsed, target: Pegawai | None, history) -> dict:
        values = dict(p.values)
        if target is None:
            pegawai = Pegawai(**values)
            before: dict = {}
            rows = {model: [] for model in HISTORY}
        else:
            pegawai = target
            before = snapshot(pegawai, PEGAWAI_FIELDS)
            for name, value in values.items():
                setattr(pegawai, name, value)
            rows = {model: list(history[model].get(pegawai.pk, ())) for model in HISTORY}
        changes: list[Change] = []

        def upsert(model, existing, values: dict) -> None:
            if existing is None:
                row = model(pegawai=pegawai, **values)
                rows[model].append(row)
                changes.append(Change(row, True, {}))
                return
            old = snapshot(existing, HISTORY_FIELDS[model])
            for name, value in values.items():
                setattr(existing, name, value)
            was, now = changed(old, snapshot(existing, HISTORY_FIELDS[model]))
            if now:
                changes.append(Change(existing, False, was, now))

        by_golongan = {row.golongan_id: row for row in rows[RiwayatGolongan]}
        akhir, awal = p.gol_akhir, p.gol_awal
        # gol_awal only ensures the appointment rank exists; rw-golongan owns its details.
        if (
            awal
            and (akhir is None or awal["golongan"] != akhir["golongan"])
            and awal["golongan"].pk not in by_golongan
        ):
            upsert(RiwayatGolongan, None, {**awal, "jenis_kp": RiwayatGolongan.JenisKp.AWAL})
        if akhir:
            existing = by_golongan.get(akhir["golongan"].pk)
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
            existing = next((r for r in rows[RiwayatJabatan] if r.tmt == p.jabatan["tmt"]), None)
            values = {"jenis": p.jabatan["jenis"], "nama": p.jabatan["nama"]}
            if p.jabatan["jabatan_fungsional"] is not None or existing is None:
                # a name the catalogue does not fit keeps the JF an rw-jabatan import set
                values |= {
                    "jabatan_fungsional": p.jabatan["jabatan_fungsional"],
                    "jenjang": p.jabatan["jenjang"],
                }
            if existing is None:
                values |= {"tmt": p.jabatan["tmt"], "opd": pegawai.opd, "unit": pegawai.unit}
            upsert(RiwayatJabatan, existing, values)
        if p.pendidikan:
            same = [r for r in rows[RiwayatPendidikan] if r.tingkat == p.pendidikan["tingkat"]]
            if len(same) > 1:
                same = [r for r in same if r.tahun_lulus == p.pendidikan["tahun_lulus"]]
            upsert(RiwayatPendidikan, same[0] if same else None, p.pendidikan)

        for name, value in current_state(
            rows[RiwayatGolongan], rows[RiwayatJabatan], rows[RiwayatPendidikan]
        ).items():
            setattr(pegawai, name, value)
        after = snapshot(pegawai, PEGAWAI_FIELDS)
        if target is None:
            fields = after
        else:
            before, fields = changed(before, after)
        return {"pegawai": pegawai, "before": before, "fields": fields, "changes": changes}

    # --- writing --------------------------------------------------------------------------

    def _write(self, plans: list[dict]) -> None:
        created = [plan["pegawai"] for plan in plans if plan["pegawai"].pk is None]
        insert_rows(Pegawai, created)
        # executemany returns no keys: read them back by the unique NIP
        ids: dict[str, int] = {}
        for batch in _chunks([p.nip for p in created]):
            ids |= dict(Pegawai.objects.filter(nip__in=batch).values_list("nip", "pk"))
        for pegawai in created:
            pegawai.pk = ids[pegawai.nip]
            pegawai._state.adding = False
        for model in HISTORY:
            new_rows = [
                c.row for plan in plans for c in plan["changes"] if c.created and isinstance(c.row, model)
            ]
            for row in new_rows:
                row.pegawai_id = row.pegawai.pk  # the employee may have been created just above
            insert_rows(model, new_rows)
            updated = [
                c for plan in plans for c in plan["changes"] if not c.created and isinstance(c.row, model)
            ]
            if updated:
                fields = sorted({name for c in updated for name in c.after})
                model.objects.bulk_update([c.row for c in updated], fields)
        created_ids = {id(x) for x in created}
        updated_pegawai = [
            plan for plan in plans if id(plan["pegawai"]) not in created_ids and plan["fields"]
        ]
        if updated_pegawai:
            fields = sorted({name for plan in updated_pegawai for name in plan["fields"]})
            Pegawai.objects.bulk_update([plan["pegawai"] for plan in updated_pegawai], fields)
        entries = []
        for plan in plans:
            pegawai = plan["pegawai"]
            is_new = id(pegawai) in created_ids
            if not (is_new or plan["fields"] or plan["changes"]):
                continue
            before, after = dict(plan["before"]), dict(plan["fields"])
            for c in plan["changes"]:
                label = c.row._meta.model_name
                after.setdefault(label, []).append(
                    snapshot(c.row, HISTORY_FIELDS[type(c.row)]) if c.created else c.after
                )
                if not c.created:
                    before.setdefault(label, []).append(c.before)
            entries.append(
                entry(
                    actor=self.actor,
                    event="pegawai.diimpor" if is_new else "pegawai.diubah_impor",
                    obj=pegawai,
                    before=before,
                    after=after,
                )
            )
        insert_rows(AuditLog, entries)
