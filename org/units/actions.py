"""Every write of the organisation: instansi, OPD, unit kerja and office hours."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.db import transaction

from core.audit import create_object, record, snapshot, update_fields
from org.models import Instansi, OfficeHours, Opd, UnitKerja
from regulations.sla import OfficeDay

INSTANSI_FIELDS = ("code", "name", "kind", "time_zone", "address", "unor_id")
OPD_FIELDS = ("instansi", "code", "name", "short_name", "is_active", "unor_id")
UNIT_FIELDS = ("opd", "parent", "name", "unor_id")
HOURS_FIELDS = ("weekday", "opens", "closes", "break_start", "break_end")


@transaction.atomic
def do_create_instansi(*, actor, **values) -> Instansi:
    return create_object(Instansi(**values), INSTANSI_FIELDS, actor=actor, event="instansi.dibuat")


@transaction.atomic
def do_update_instansi(instansi: Instansi, *, changes: dict, actor) -> bool:
    return update_fields(instansi, changes, actor=actor, event="instansi.diubah")


@transaction.atomic
def do_create_opd(*, actor, **values) -> Opd:
    return create_object(Opd(**values), OPD_FIELDS, actor=actor, event="opd.dibuat")


@transaction.atomic
def do_update_opd(opd: Opd, *, changes: dict, actor) -> bool:
    return update_fields(opd, changes, actor=actor, event="opd.diubah")


@transaction.atomic
def do_create_unit(*, actor, **values) -> UnitKerja:
    return create_object(UnitKerja(**values), UNIT_FIELDS, actor=actor, event="unit_kerja.dibuat")


@transaction.atomic
def do_update_unit(unit: UnitKerja, *, changes: dict, actor) -> bool:
    return update_fields(unit, changes, actor=actor, event="unit_kerja.diubah")


@transaction.atomic
def do_set_office_hours(
    instansi: Instansi,
    *,
    weekday: int,
    opens: dt.time | None,
    closes: dt.time | None,
    break_start: dt.time | None = None,
    break_end: dt.time | None = None,
    actor,
) -> bool:
    """Set one weekday's hours; ``opens=None`` closes the office that day. Audited."""
    current = OfficeHours.objects.select_for_update().filter(instansi=instansi, weekday=weekday).first()
    before = snapshot(current, HOURS_FIELDS) if current else {}
    if opens is None:
        if current is None:
            return False
        current.delete()
        record(
            actor=actor, event="jam_kerja.ditutup", obj=instansi, before=before, after={"weekday": weekday}
        )
        return True
    values = {"opens": opens, "closes": closes, "break_start": break_start, "break_end": break_end}
    if current is None:
        hours = OfficeHours(instansi=instansi, weekday=weekday, **values)
        hours.full_clean()
        hours.save()
        # Logged against the instansi (not the hours row), like the updates and closures.
        record(actor=actor, event="jam_kerja.diubah", obj=instansi, after=snapshot(hours, HOURS_FIELDS))
        return True
    return update_fields(current, values, actor=actor, event="jam_kerja.diubah")


@transaction.atomic
def do_set_office_week(instansi: Instansi, week: Mapping[int, OfficeDay | None], *, actor) -> int:
    """Set several weekdays at once (None closes a day); returns how many days changed."""
    changed_days = 0
    for weekday, day in sorted(week.items()):
        changed_days += do_set_office_hours(
            instansi,
            weekday=weekday,
            opens=day.opens if day else None,
            closes=day.closes if day else None,
            break_start=day.break_start if day else None,
            break_end=day.break_end if day else None,
            actor=actor,
        )
    return changed_days
