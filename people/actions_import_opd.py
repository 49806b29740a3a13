"""The OPDs a Data ASN file names but Pelita does not have yet: found, previewed and created
before the employees are imported (``import_pegawai --create-opd`` and the upload form's
"Buat OPD yang belum ada"), and the one message a fresh installation gets instead of every
row rejected for its unknown OPD.

The OPD of a row is read exactly as the import reads it (``satuan_kerja_kerja_nama``, else
``unor_nama``, matched by ``Lookups.find_opd``), so what is created here is what the import
then finds. The national id beside the name (``satuan_kerja_kerja_id``/``unor_id``) is kept
as the OPD's ``unor_id`` when it has the national form (32 hexadecimal digits), so a later
``import_opd`` matches it; a short id (Pelita's own exports write the OPD code there)
becomes the OPD's code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from core.audit import record
from org.actions import do_create_opd
from org.actions_unor import free_opd_codes
from org.models import Instansi, Opd
from people import siasn
from people.import_cells import Lookups
from people.import_jobs import rejections_json
from people.imports import Table, UnreadableFile, do_import_pegawai
from people.models import ImportJob

_NATIONAL_ID = re.compile(r"[0-9A-Fa-f]{32}")
_NAME_MAX = Opd._meta.get_field("name").max_length
_CODE_MAX = Opd._meta.get_field("code").max_length
_COUNTS = ("imported", "updated", "unchanged", "rejected")


def no_opd_message(*, can_create: bool, command: bool) -> str:
    """What a fresh installation (no OPD at all) says instead of rejecting every Data ASN row."""
    if command:
        return _(
            "Belum ada OPD di Pelita, jadi setiap baris berkas Data ASN akan ditolak. Impor daftar OPD "
            "lebih dulu (manage.py import_opd BERKAS-UNOR, lihat docs/installation.md), atau ulangi dengan "
            "--create-opd untuk membuat OPD yang disebut berkas ini."
        )
    if can_create:
        return _(
            "Belum ada OPD di Pelita, jadi setiap baris berkas Data ASN akan ditolak. Impor daftar OPD "
            "lebih dulu (manage.py import_opd, lihat docs/installation.md), atau centang “Buat OPD yang "
            "belum ada” agar OPD yang disebut berkas ini dibuat."
        )
    return _(
        "Belum ada OPD di Pelita, jadi setiap baris berkas Data ASN akan ditolak. Minta Admin mengimpor "
        "daftar OPD lebih dulu (lihat docs/installation.md)."
    )


def needs_opds_first(kind: str) -> bool:
    """A Data ASN file on an installation without any OPD: every row would be refused."""
    return kind == "data-asn" and not Opd.objects.exists()


@dataclass(frozen=True)
class NewOpd:
    name: str
    instansi: Instansi
    national_id: str = ""  # satuan_kerja_kerja_id / unor_id beside the name
    rows: int = 0  # file rows naming it


def opds_to_create(table: Table) -> list[NewOpd]:
    """The OPDs the rows of a Data ASN ``table`` name that Pelita lacks, in file order.

    Raises UnreadableFile when there is no instansi to put them in (or several and the
    file does not say which).
    """
    present = set(table.columns)
    lookups = Lookups()
    instansi = list(Instansi.objects.order_by("pk"))
    found: dict[str, dict] = {}
    for row in table.rows:
        get = row.values.get
        column = "satuan_kerja_kerja_nama" if get("satuan_kerja_kerja_nama", "") else "unor_nama"
        if column not in present:
            continue
        name = " ".join(get(column, "").split())
        instansi_name = get("instansi_kerja_nama", "")
        if not name or len(name) > _NAME_MAX or lookups.find_opd(name, instansi_name) is not None:
            continue  # empty or too long: the import rejects the row with its own reason
        entry = found.get(siasn.key(name))
        if entry is None:
            id_column = "satuan_kerja_kerja_id" if column == "satuan_kerja_kerja_nama" else "unor_id"
            entry = found[siasn.key(name)] = {
                "name": name,
                "instansi": _instansi_for(instansi, instansi_name, row.line),
                "national_id": get(id_column, ""),
                "rows": 0,
            }
        entry["rows"] += 1
    return [NewOpd(**entry) for entry in found.values()]


def _instansi_for(instansi: list[Instansi], name: str, line: int) -> Instansi:
    if not instansi:
        raise UnreadableFile(
            _(
                "Belum ada instansi untuk OPD baru. Jalankan setup_instansi lebih dulu (lihat docs/installation.md)."
            )
        )
    if len(instansi) == 1:
        return instansi[0]
    match = [i for i in instansi if name and siasn.key(i.name) == siasn.key(name)]
    if len(match) != 1:
        raise UnreadableFile(
            _(
                "Baris %(line)s: instansi OPD baru tidak dapat ditentukan karena Pelita memuat beberapa "
                "instansi; isi instansi_kerja_nama dengan nama instansi seperti di Pelita."
            )
            % {"line": line}
        )
    return match[0]


@transaction.atomic
def do_create_import_opds(new: list[NewOpd], *, actor) -> list[Opd]:
    """Create the OPDs ``opds_to_create`` found (each audited as opd.dibuat)."""
    created = []
    codes: dict[int, Iterator[str]] = {}
    used_ids = set(Opd.objects.exclude(unor_id="").values_list("unor_id", flat=True))
    for opd in new:
        taken = set(Opd.objects.filter(instansi=opd.instansi).values_list("code", flat=True))
        national = opd.national_id
        unor_id = national if _NATIONAL_ID.fullmatch(national) and national not in used_ids else ""
        if not unor_id and national and len(national) <= _CODE_MAX and national not in taken:
            code = national
        else:
            generator = codes.setdefault(opd.instansi.pk, free_opd_codes(taken))
            code = next(c for c in generator if c not in taken)
        created.append(
            do_create_opd(actor=actor, instansi=opd.instansi, code=code, name=opd.name, unor_id=unor_id)
        )
        used_ids.add(unor_id)
    return created


def dry_run_with_new_opds(table: Table, new: list[NewOpd], *, actor, kind: str | None = None):
    """What importing ``table`` would do once ``new`` exist: the OPDs are created inside a
    savepoint that is rolled back, so nothing (audit rows included) stays."""
    with transaction.atomic():
        do_create_import_opds(new, actor=actor)
        result = do_import_pegawai(table, actor=actor, kind=kind, dry_run=True)
        transaction.set_rollback(True)  # leaves this block's savepoint (or transaction) undone
    return result


@transaction.atomic
def do_preview_import_with_new_opds(job: ImportJob, table: Table, new: list[NewOpd], *, actor) -> None:
    """Replace a previewed job's counts by those of importing it after creating ``new``.

    The upload's dry run ran without them (every row of a new OPD rejected); the preview
    must show what "Impor sekarang" will do, which creates them first.
    """
    result = dry_run_with_new_opds(table, new, actor=actor, kind=job.kind)
    before = {name: getattr(job, name) for name in _COUNTS}
    job.imported, job.updated, job.unchanged = result.imported, result.updated, result.unchanged
    job.rejected = result.rejected
    job.rejections = rejections_json(result)
    job.save(update_fields=[*_COUNTS, "rejections"])
    # The counts only: the rejection list can be thousands of rows and stays on the job.
    record(
        actor=actor,
        event="impor_pegawai.pratinjau_opd_baru",
        obj=job,
        before=before,
        after={**{name: getattr(job, name) for name in _COUNTS}, "opd_baru": [o.name for o in new]},
    )
