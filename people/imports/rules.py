"""The Operator OPD rule for imports: a row may only touch employees of the importer's OPD.

``split_by_scope`` runs before the importers see the file. A row is outside the scope
when the employee it names (by pns_id or NIP) already belongs to another OPD, or when a
Data ASN row places the employee in another OPD; such rows are rejected with an
Indonesian reason and removed, so the importers never plan them. Names the OPD lookup
does not know are left to the importers, which reject them with their own reasons.
"""

from __future__ import annotations

from collections.abc import Collection

from django.utils.translation import gettext as _

from core.tables import Table
from people.imports.files.asn import _chunks
from people.imports.files.cells import Lookups
from people.imports.files.tables import Rejection
from people.models import Pegawai


def _nip(row) -> str:
    return "".join(row.values.get("nip_baru", "").split())


def _owners(rows) -> tuple[dict[str, int], dict[str, int]]:
    """The OPD id of every existing employee the rows name, by NIP and by pns_id."""
    nips = sorted({_nip(r) for r in rows} - {""})
    pns_ids = sorted({r.values.get("pns_id", "") for r in rows} - {""})
    by_nip: dict[str, int] = {}
    by_pns: dict[str, int] = {}
    for batch in _chunks(nips):
        by_nip |= dict(Pegawai.objects.filter(nip__in=batch).values_list("nip", "opd_id"))
    for batch in _chunks(pns_ids):
        by_pns |= dict(Pegawai.objects.filter(pns_id__in=batch).values_list("pns_id", "opd_id"))
    return by_nip, by_pns


def split_by_scope(table: Table, kind: str, scope: Collection[int]) -> tuple[Table, list[Rejection]]:
    """The rows inside ``scope`` (OPD ids) as a new table, and one rejection per other row."""
    scope = frozenset(scope)
    by_nip, by_pns = _owners(table.rows)
    lookups = Lookups() if kind == "data-asn" else None
    kept, rejections = [], []
    for row in table.rows:
        nip, pns_id = _nip(row), row.values.get("pns_id", "")
        owners = {by_nip.get(nip), by_pns.get(pns_id)} - {None}
        if owners - scope:
            column = "nip_baru" if by_nip.get(nip) not in (None, *scope) else "pns_id"
            rejections.append(
                Rejection(
                    row.line,
                    column,
                    _(
                        "Pegawai ini terdaftar di OPD lain; Operator OPD hanya boleh mengimpor pegawai OPD sendiri."
                    ),
                    nip,
                )
            )
            continue
        if lookups is not None:
            column = "satuan_kerja_kerja_nama" if row.values.get("satuan_kerja_kerja_nama") else "unor_nama"
            name = row.values.get(column, "")
            opd = lookups.find_opd(name, row.values.get("instansi_kerja_nama", "")) if name else None
            if hasattr(opd, "pk") and opd.pk not in scope:
                rejections.append(
                    Rejection(
                        row.line,
                        column,
                        _(
                            "OPD %(name)s bukan OPD Anda; Operator OPD hanya boleh mengimpor pegawai OPD sendiri."
                        )
                        % {"name": name},
                        nip,
                    )
                )
                continue
        kept.append(row)
    scoped = Table(table.columns, kept, table.file_format, table.encoding, table.delimiter)
    return scoped, rejections
