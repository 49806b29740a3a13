"""The numbers on the dashboard, each computed from a scoped query (what the user may see)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from accounts.roles import Capability
from core.models import AuditLog, Holiday
from core.permissions import user_can
from org.models import UnitKerja
from org.units.queries import opds_for_user
from people.models import JenisJabatan
from people.records.queries import pegawai_for_user


@dataclass(frozen=True)
class Card:
    key: str
    label: str | Promise
    value: int | str
    detail: str = ""

    @property
    def is_count(self) -> bool:
        """Counts are shown big; text values (a date) smaller so they do not break mid-word."""
        return isinstance(self.value, int)


def dashboard_cards(user) -> list[Card]:
    today = timezone.localdate()
    cards: list[Card] = []
    if user_can(user, Capability.VIEW_ORG):
        opds = opds_for_user(user)
        cards.append(Card("opd", _("OPD"), opds.filter(is_active=True).count()))
        cards.append(Card("unit", _("Unit kerja"), UnitKerja.objects.filter(opd__in=opds).count()))
        users = get_user_model().objects.filter(is_active=True)
        if not user_can(user, Capability.VIEW_ALL_OPDS):
            users = users.filter(opd__in=opds)
        cards.append(Card("users", _("Pengguna aktif"), users.count()))
    if user_can(user, Capability.VIEW_PEGAWAI):
        # The same scope and total as the employee list without filters.
        pegawai = pegawai_for_user(user)
        cards.append(Card("pegawai", _("Pegawai"), pegawai.count()))
        cards.append(
            Card(
                "jafung",
                _("Jabatan fungsional"),
                pegawai.filter(jenis_jabatan=JenisJabatan.FUNGSIONAL).count(),
            )
        )
    if user_can(user, Capability.VIEW_AUDIT):
        start = timezone.make_aware(dt.datetime.combine(today, dt.time.min))
        cards.append(
            Card("audit_today", _("Perubahan data hari ini"), AuditLog.objects.filter(at__gte=start).count())
        )
    holidays = Holiday.objects.filter(is_active=True, date__year=today.year)
    cards.append(Card("holidays", _("Hari libur tahun ini"), holidays.count()))
    upcoming = Holiday.objects.filter(is_active=True, date__gte=today).order_by("date").first()
    if upcoming is not None:
        cards.append(
            Card(
                "next_holiday", _("Hari libur berikutnya"), date_format(upcoming.date, "j F Y"), upcoming.name
            )
        )
    return cards
