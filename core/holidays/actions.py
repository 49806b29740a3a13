"""Every write of the holiday calendar, and loading the national holidays."""

from __future__ import annotations

import datetime as dt

import holidays as holidays_lib
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.audit import create_object, record, update_fields
from core.models import Holiday

HOLIDAY_FIELDS = ("date", "name", "kind", "is_active")


class HolidayExists(ValueError):
    pass


@transaction.atomic
def do_add_holiday(*, date: dt.date, name: str, actor) -> Holiday:
    """Add a local holiday (or bring back a cancelled day of any kind under this name)."""
    existing = Holiday.objects.select_for_update().filter(date=date).first()
    if existing is not None:
        if existing.is_active:
            raise HolidayExists(
                _("Tanggal %(date)s sudah tercatat sebagai hari libur: %(name)s.")
                % {"date": date.isoformat(), "name": existing.name}
            )
        update_fields(existing, {"name": name, "is_active": True}, actor=actor, event="hari_libur.diaktifkan")
        return existing
    holiday = Holiday(date=date, name=name, kind=Holiday.Kind.LOKAL)
    return create_object(holiday, HOLIDAY_FIELDS, actor=actor, event="hari_libur.ditambah")


@transaction.atomic
def do_rename_holiday(holiday: Holiday, *, name: str, actor) -> bool:
    return update_fields(holiday, {"name": name}, actor=actor, event="hari_libur.diubah")


@transaction.atomic
def do_cancel_holiday(holiday: Holiday, *, actor) -> bool:
    """Make the day a working day again. The row stays so a national reload keeps it cancelled."""
    return update_fields(holiday, {"is_active": False}, actor=actor, event="hari_libur.dibatalkan")


def national_holidays(year: int) -> dict[dt.date, tuple[str, str]]:
    """Indonesian national holidays and cuti bersama of ``year``: date → (name, kind).

    The ``government`` category holds cuti bersama; the default ``public`` one omits them.
    """
    public = holidays_lib.country_holidays("ID", years=year, categories=("public",), language="id")
    government = holidays_lib.country_holidays("ID", years=year, categories=("government",), language="id")
    days = {d: (name, Holiday.Kind.CUTI_BERSAMA) for d, name in government.items()}
    days.update({d: (name, Holiday.Kind.NASIONAL) for d, name in public.items()})
    return dict(sorted(days.items()))


@transaction.atomic
def do_load_national_holidays(years: list[int], *, actor) -> int:
    """Add the national days of ``years`` that are not in the table yet; returns how many.

    Existing rows are never touched: an Admin's rename or cancellation wins over the
    package, and a second run changes nothing.
    """
    wanted = {d: v for year in years for d, v in national_holidays(year).items()}
    known = set(Holiday.objects.filter(date__in=wanted).values_list("date", flat=True))
    new = [Holiday(date=d, name=name, kind=kind) for d, (name, kind) in wanted.items() if d not in known]
    Holiday.objects.bulk_create(new)
    if new:
        record(
            actor=actor,
            event="hari_libur.dimuat",
            object_type="core.holiday",
            object_repr=ngettext(
                "%(count)d hari libur nasional %(years)s", "%(count)d hari libur nasional %(years)s", len(new)
            )
            % {"count": len(new), "years": ", ".join(map(str, years))},
            after={"dates": [h.date.isoformat() for h in new]},
        )
    return len(new)
