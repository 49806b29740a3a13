"""Importing the organisation tree from the national system's unor list (``import_opd``).

A file row is one unor: ``unor_id, unor_nama, unor_induk_id`` (plus optional columns, see
docs/installation.md). A unor without induk, or whose induk is the instansi's own root
unor, becomes an OPD; every other one becomes a unit kerja under its induk (an OPD or
another unit), so the tree follows the file.

Rows are matched by ``unor_id`` (stored on Opd/UnitKerja), so a re-import renames and
adds and never duplicates; an OPD or unit created by hand with the same name under the
same induk is adopted (its unor_id is filled in) instead of clashing with it.

All or nothing: every row is checked first and one bad row means nothing is written; the
caller lists every rejection with its line. The writes then go through the audited
org actions, in one transaction.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from django.db import transaction
from django.utils.translation import gettext as _

from org.models import Instansi, Opd, UnitKerja
from org.units.actions import do_create_opd, do_create_unit, do_update_instansi, do_update_opd, do_update_unit

REQUIRED_COLUMNS = ("unor_id", "unor_nama", "unor_induk_id")
# Optional: unor_kode → the OPD's code, unor_singkatan → its short name; the others are the
# national list's descriptive columns, accepted so an export can be imported as it is.
OPTIONAL_COLUMNS = (
    "unor_kode",
    "unor_singkatan",
    "eselon_id",
    "eselon_nama",
    "nama_jabatan",
    "instansi_id",
    "instansi_nama",
)
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
_MAX = {
    "unor_id": Opd._meta.get_field("unor_id").max_length,
    "unor_nama": Opd._meta.get_field("name").max_length,
    "unor_kode": Opd._meta.get_field("code").max_length,
    "unor_singkatan": Opd._meta.get_field("short_name").max_length,
}
_MAX_DEPTH = 50  # a real unor tree is a handful of levels deep; a chain longer than this is a broken file
_SPACES = re.compile(r"\s+")


class UnorFileError(ValueError):
    """The file as a whole does not fit (columns); nothing was changed."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class TableRow(Protocol):
    line: int
    values: Mapping[str, str]


@dataclass(frozen=True)
class UnorRejection:
    line: int
    unor_id: str
    reason: str


@dataclass
class _Item:
    line: int
    unor_id: str
    name: str
    parent_id: str
    code: str
    short_name: str
    # resolved while planning
    is_opd: bool = False
    parent_item: _Item | None = None
    existing: Opd | UnitKerja | None = None  # the row it updates (matched or adopted)
    adopt: bool = False
    db_parent: Opd | UnitKerja | None = None  # the induk, when it is in Pelita and not in the file


@dataclass
class UnorPlan:
    instansi: Instansi
    columns: frozenset[str]
    items: list[_Item] = field(default_factory=list)  # parents before children
    root_id: str = ""
    root_line: int = 0
    refused_ids: dict[str, int] = field(default_factory=dict)  # unor_id → line, of rows refused while reading
    taken_codes: set[str] = field(default_factory=set)  # OPD codes in use or claimed by the file
    rejections: list[UnorRejection] = field(default_factory=list)


@dataclass
class UnorResult:
    opd_created: int = 0
    opd_updated: int = 0
    opd_unchanged: int = 0
    unit_created: int = 0
    unit_updated: int = 0
    unit_unchanged: int = 0
    rejections: list[UnorRejection] = field(default_factory=list)
    dry_run: bool = False

    @property
    def summary(self) -> str:
        return (
            f"OPD: {self.opd_created} baru, {self.opd_updated} diubah, {self.opd_unchanged} tetap; "
            f"unit kerja: {self.unit_created} baru, {self.unit_updated} diubah, {self.unit_unchanged} tetap"
        )


def _text(value: str) -> str:
    return _SPACES.sub(" ", value or "").strip()


def _key(value: str) -> str:
    return _text(value).casefold()


def check_columns(columns: Sequence[str]) -> None:
    unknown = [c for c in columns if c not in COLUMNS]
    if unknown:
        raise UnorFileError(
            _("Kolom tidak dikenal untuk daftar unor: %(cols)s. Kolom yang dikenal: %(known)s.")
            % {"cols": ", ".join(unknown), "known": ", ".join(COLUMNS)}
        )
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise UnorFileError(
            _("Kolom wajib tidak ada pada daftar unor: %(cols)s.") % {"cols": ", ".join(missing)}
        )


def plan_unor_import(
    columns: Sequence[str], rows: Iterable[TableRow], *, instansi: Instansi, root_id: str = ""
) -> UnorPlan:
    """Check every row and resolve each into an OPD or a unit; the plan lists every rejection."""
    check_columns(columns)
    plan = UnorPlan(instansi=instansi, columns=frozenset(columns))
    items = _parse(rows, plan)
    plan.root_id = _text(root_id) or instansi.unor_id
    if not plan.root_id:
        # The instansi's own unor: no induk and the instansi's name.
        roots = [i for i in items if not i.parent_id and _key(i.name) == _key(instansi.name)]
        if len(roots) == 1:
            plan.root_id = roots[0].unor_id
    root_items = [i for i in items if plan.root_id and i.unor_id == plan.root_id]
    if root_items:
        plan.root_line = root_items[0].line
        items = [i for i in items if i.unor_id != plan.root_id]
    _resolve(items, plan)
    return plan


def _parse(rows: Iterable[TableRow], plan: UnorPlan) -> list[_Item]:
    items: list[_Item] = []
    for row in rows:
        get = row.values.get
        item = _Item(
            line=row.line,
            unor_id=_text(get("unor_id", "")),
            name=_text(get("unor_nama", "")),
            parent_id=_text(get("unor_induk_id", "")),
            code=_text(get("unor_kode", "")),
            short_name=_text(get("unor_singkatan", "")),
        )
        reasons = []
        if not item.unor_id:
            reasons.append(_("unor_id wajib diisi."))
        if not item.name:
            reasons.append(_("unor_nama wajib diisi."))
        for column, value in (
            ("unor_id", item.unor_id),
            ("unor_nama", item.name),
            ("unor_kode", item.code),
            ("unor_singkatan", item.short_name),
        ):
            if len(value) > _MAX[column]:
                reasons.append(
                    _("%(column)s terlalu panjang: %(length)d karakter, paling banyak %(max)d.")
                    % {"column": column, "length": len(value), "max": _MAX[column]}
                )
        if item.unor_id and item.parent_id == item.unor_id:
            reasons.append(_("unor_induk_id sama dengan unor_id-nya sendiri."))
        if reasons:
            _reject(plan, item, " ".join(reasons))
            if item.unor_id:
                plan.refused_ids.setdefault(item.unor_id, item.line)
        else:
            items.append(item)
    # The same unor twice: which row is right cannot be told, so every one of them is refused.
    lines: dict[str, list[int]] = {}
    for item in items:
        lines.setdefault(item.unor_id, []).append(item.line)
    repeated = {uid for uid, found in lines.items() if len(found) > 1}
    for item in [i for i in items if i.unor_id in repeated]:
        plan.refused_ids.setdefault(item.unor_id, item.line)
        others = ", ".join(str(n) for n in lines[item.unor_id] if n != item.line)
        _reject(
            plan,
            item,
            _("unor_id %(id)s juga ada di baris %(lines)s; semua baris itu ditolak.")
            % {"id": item.unor_id, "lines": others},
        )
    return [i for i in items if i.unor_id not in repeated]


def _reject(plan: UnorPlan, item: _Item, reason: str) -> None:
    plan.rejections.append(UnorRejection(item.line, item.unor_id, reason))


def _resolve(items: list[_Item], plan: UnorPlan) -> None:
    instansi = plan.instansi
    by_id = {i.unor_id: i for i in items}
    opds = {o.unor_id: o for o in Opd.objects.filter(instansi=instansi).exclude(unor_id="")}
    units = {
        u.unor_id: u
        for u in UnitKerja.objects.filter(opd__instansi=instansi).exclude(unor_id="").select_related("opd")
    }
    elsewhere = set(
        Opd.objects.exclude(instansi=instansi).exclude(unor_id="").values_list("unor_id", flat=True)
    ) | set(
        UnitKerja.objects.exclude(opd__instansi=instansi)
        .exclude(unor_id="")
        .values_list("unor_id", flat=True)
    )
    bad: set[str] = set()
    ordered: list[_Item] = []
    state: dict[str, str] = {}  # unor_id → "visiting" / "done"

    def visit(item: _Item, chain: list[_Item]) -> bool:
        """Resolve ``item`` after its induk; False when it (or an induk) is rejected."""
        if state.get(item.unor_id) == "done":
            return item.unor_id not in bad
        if state.get(item.unor_id) == "visiting":
            loop = chain[chain.index(item) :]
            for member in loop:
                if member.unor_id not in bad:
                    bad.add(member.unor_id)
                    _reject(
                        plan,
                        member,
                        _("Induk melingkar: %(ids)s saling menjadi induk.")
                        % {"ids": " → ".join(m.unor_id for m in [*loop, loop[0]])},
                    )
            return False
        if len(chain) > _MAX_DEPTH:
            _reject(
                plan,
                item,
                _("Pohon unor lebih dari %(n)d tingkat; periksa unor_induk_id.") % {"n": _MAX_DEPTH},
            )
            bad.add(item.unor_id)
            return False
        state[item.unor_id] = "visiting"
        ok = _place(item, [*chain, item])
        state[item.unor_id] = "done"
        if ok:
            ordered.append(item)
        else:
            bad.add(item.unor_id)
        return ok

    def _place(item: _Item, chain: list[_Item]) -> bool:
        if item.unor_id in elsewhere:
            _reject(plan, item, _("unor_id %(id)s sudah dipakai instansi lain.") % {"id": item.unor_id})
            return False
        parent = item.parent_id
        if not parent or parent == plan.root_id:
            item.is_opd = True
        elif parent in by_id:
            if not visit(by_id[parent], chain):
                if by_id[parent].unor_id in bad and item.unor_id not in bad:
                    _reject(
                        plan,
                        item,
                        _("Induknya (baris %(line)d) ditolak, jadi baris ini juga.")
                        % {"line": by_id[parent].line},
                    )
                return False
            item.parent_item = by_id[parent]
        elif parent in opds or parent in units:
            item.db_parent = opds.get(parent) or units.get(parent)
        elif parent in plan.refused_ids:
            _reject(
                plan,
                item,
                _("Induknya (baris %(line)d) ditolak, jadi baris ini juga.")
                % {"line": plan.refused_ids[parent]},
            )
            return False
        else:
            _reject(
                plan,
                item,
                _("Induk %(id)s tidak ada di berkas maupun di Pelita; impor induknya lebih dulu.")
                % {"id": parent},
            )
            return False
        existing = opds.get(item.unor_id) or units.get(item.unor_id)
        if existing is not None and isinstance(existing, Opd) != item.is_opd:
            _reject(
                plan,
                item,
                _(
                    "Unor ini sudah ada di Pelita sebagai %(was)s; pindah tingkat OPD/unit tidak didukung lewat impor."
                )
                % {"was": _("OPD") if isinstance(existing, Opd) else _("unit kerja")},
            )
            return False
        item.existing = existing
        if not item.is_opd and isinstance(existing, UnitKerja) and existing.opd_id != _opd_pk(item):
            _reject(
                plan,
                item,
                _("Unit kerja ini sudah ada di %(opd)s; pindah ke OPD lain tidak didukung lewat impor.")
                % {"opd": existing.opd.name},
            )
            return False
        return True

    for item in items:
        visit(item, [])
    _check_names(ordered, plan, opds, units)
    rejected = {r.line for r in plan.rejections}
    plan.items = [i for i in ordered if i.line not in rejected]


def _opd_pk(item: _Item) -> int | None:
    """The id of the existing OPD ``item`` will sit in (None: an OPD new in this file)."""
    while item.parent_item is not None:
        item = item.parent_item
    if item.is_opd:
        return item.existing.pk if item.existing is not None else None
    above = item.db_parent
    return above.pk if isinstance(above, Opd) else above.opd_id if above is not None else None


def _check_names(items: list[_Item], plan: UnorPlan, opds: dict, units: dict) -> None:
    """Names are unique per instansi (OPD) and per induk (unit); a row created by hand with
    the same name in the same place is adopted instead of clashing."""
    instansi = plan.instansi
    all_opds = list(Opd.objects.filter(instansi=instansi))
    by_name = {_key(o.name): o for o in all_opds}
    codes: dict[str, Opd | _Item] = {o.code: o for o in all_opds}
    seen: dict[tuple, _Item] = {}
    for item in items:
        if item.is_opd:
            place: tuple = ("opd",)
        elif item.parent_item is not None:
            place = ("item", item.parent_item.unor_id)
        elif item.parent_id in opds:
            place = ("opd-unit", opds[item.parent_id].pk)
        else:
            place = ("unit", units[item.parent_id].pk)
        name_key = (*place, _key(item.name))
        if name_key in seen:
            first = seen[name_key]
            _reject(
                plan,
                item,
                _("Nama %(name)r sudah dipakai baris %(line)d di bawah induk yang sama.")
                % {"name": item.name, "line": first.line},
            )
            continue
        seen[name_key] = item
        if item.is_opd:
            holder = by_name.get(_key(item.name))
            if holder is not None and holder != item.existing:
                if item.existing is None and not holder.unor_id:
                    item.existing, item.adopt = holder, True
                else:
                    _reject(
                        plan,
                        item,
                        _("Nama OPD %(name)r sudah dipakai OPD lain (%(other)s).")
                        % {"name": item.name, "other": holder.unor_id or holder.code},
                    )
                    continue
            if item.code:
                owner = codes.get(item.code)
                if owner is not None and owner is not item.existing:
                    _reject(
                        plan,
                        item,
                        _("Kode OPD %(code)s sudah dipakai %(name)s.")
                        % {"code": item.code, "name": owner.name},
                    )
                    continue
                codes[item.code] = item
        elif item.existing is None and (above := _above_in_pelita(item)) is not None:
            # A unit under an OPD/unit already in Pelita: adopt a hand-made namesake there.
            opd_pk, parent_pk = (above.pk, None) if isinstance(above, Opd) else (above.opd_id, above.pk)
            namesake = UnitKerja.objects.filter(
                opd_id=opd_pk, parent_id=parent_pk, name__iexact=item.name
            ).first()
            if namesake is not None:
                if namesake.unor_id:
                    _reject(
                        plan,
                        item,
                        _(
                            "Nama %(name)r sudah dipakai unit kerja lain (unor %(other)s) di bawah induk yang sama."
                        )
                        % {"name": item.name, "other": namesake.unor_id},
                    )
                    continue
                item.existing, item.adopt = namesake, True
    plan.taken_codes = set(codes)


def _above_in_pelita(item: _Item) -> Opd | UnitKerja | None:
    """The induk of ``item`` as a row already in Pelita (matched or adopted), if it is one."""
    return item.parent_item.existing if item.parent_item is not None else item.db_parent


def free_opd_codes(taken: set[str]) -> Iterator[str]:
    """Codes for new OPDs without unor_kode: the next free numbers after the highest in use."""
    number = max((int(c) for c in taken if c.isdigit()), default=0)
    while True:
        number += 1
        code = f"{number:02d}"
        if code not in taken:
            yield code


@transaction.atomic
def do_import_unor(plan: UnorPlan, *, actor, dry_run: bool = False) -> UnorResult:
    """Write a plan without rejections (OPDs and units, parents first); ``dry_run`` counts only.

    Raises ValueError for a plan with rejections: the file is all or nothing.
    """
    if plan.rejections:
        raise ValueError("a unor plan with rejections is not written")
    result = UnorResult(dry_run=dry_run)
    instansi = plan.instansi
    if plan.root_id and instansi.unor_id != plan.root_id and not dry_run:
        do_update_instansi(instansi, changes={"unor_id": plan.root_id}, actor=actor)
    written: dict[str, Opd | UnitKerja] = {}
    codes = free_opd_codes(plan.taken_codes)
    for item in plan.items:
        if item.is_opd:
            _write_opd(item, plan, result, written, codes, actor=actor, dry_run=dry_run)
        else:
            _write_unit(item, result, written, actor=actor, dry_run=dry_run)
    return result


def _write_opd(item: _Item, plan: UnorPlan, result: UnorResult, written, codes, *, actor, dry_run) -> None:
    opd = item.existing
    if opd is None:
        result.opd_created += 1
        if not dry_run:
            written[item.unor_id] = do_create_opd(
                actor=actor,
                instansi=plan.instansi,
                code=item.code or next(codes),
                name=item.name,
                short_name=item.short_name,
                unor_id=item.unor_id,
            )
        return
    assert isinstance(opd, Opd)
    written[item.unor_id] = opd
    changes = {"name": item.name, "unor_id": item.unor_id}
    if "unor_singkatan" in plan.columns:
        changes["short_name"] = item.short_name
    if item.code:
        changes["code"] = item.code
    if all(getattr(opd, k) == v for k, v in changes.items()):
        result.opd_unchanged += 1
        return
    result.opd_updated += 1
    if not dry_run:
        do_update_opd(opd, changes=changes, actor=actor)


def _above(item: _Item, written) -> Opd | UnitKerja | None:
    """The OPD or unit ``item`` goes under; None in a dry run when that induk is new too."""
    if item.parent_item is None:
        return item.db_parent
    return written.get(item.parent_item.unor_id) or item.parent_item.existing


def _write_unit(item: _Item, result: UnorResult, written, *, actor, dry_run) -> None:
    above = _above(item, written)
    if isinstance(above, Opd):
        opd, parent = above, None
    else:
        opd, parent = (above.opd if above is not None else None), above
    unit = item.existing
    if unit is None:
        result.unit_created += 1
        if not dry_run:
            written[item.unor_id] = do_create_unit(
                actor=actor, opd=opd, parent=parent, name=item.name, unor_id=item.unor_id
            )
        return
    assert isinstance(unit, UnitKerja)
    written[item.unor_id] = unit
    changes = {"name": item.name, "unor_id": item.unor_id}
    if above is not None:
        changes["parent"] = parent
    same_parent = above is None or unit.parent_id == (parent.pk if parent else None)
    if same_parent and unit.name == item.name and unit.unor_id == item.unor_id:
        result.unit_unchanged += 1
        return
    result.unit_updated += 1
    if not dry_run:
        do_update_unit(unit, changes=changes, actor=actor)
