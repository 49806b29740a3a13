"""The KGB list of a month and the SK KGB letters, scoped to the user's OPDs."""

from __future__ import annotations

from datetime import date

from django.db.models import Q
from django.shortcuts import get_object_or_404

from accounts.roles import Capability
from core.permissions import user_can
from kpo.inputs.queries import active_pns, load_records
from kpo.kgb.rules import KgbRow, due_in_month
from kpo.models import SkKgb
from org.units.queries import opds_for_user
from people.models import Pegawai
from people.records.queries import pegawai_for_user


def kgb_rows(pegawai, year: int, month: int, *, opd: int | None = None, search: str = "") -> list[KgbRow]:
    pegawai = active_pns(pegawai)
    if opd:
        pegawai = pegawai.filter(opd_id=opd)
    if search:
        pegawai = pegawai.filter(Q(nama__icontains=search) | Q(nip__startswith=search.replace(" ", "")))
    return due_in_month(load_records(pegawai, skp_from=year - 1, golongan_history=True), year, month)


def kgb_for_user(user, year: int, month: int, **filters) -> list[KgbRow]:
    return kgb_rows(pegawai_for_user(user), year, month, **filters)


def kgb_all(year: int, month: int) -> list[KgbRow]:
    return kgb_rows(Pegawai.objects.all(), year, month)


def letters_for_user(user):
    """The SK KGB the user may download: BKD staff every OPD's, an Operator OPD their own
    (by the OPD the employee was in when the letter was issued)."""
    if not user_can(user, Capability.VIEW_PEGAWAI):
        return SkKgb.objects.none()
    letters = SkKgb.objects.select_related("pegawai", "document")
    if user_can(user, Capability.VIEW_ALL_OPDS):
        return letters
    return letters.filter(opd__in=opds_for_user(user))


def letters_of_month(user, year: int, month: int, *, opd: int | None = None):
    letters = letters_for_user(user).filter(tmt=date(year, month, 1))
    return (letters.filter(opd_id=opd) if opd else letters).order_by("opd__name", "pegawai__nama", "pk")


def letter_for_user(user, pk: int) -> SkKgb:
    return get_object_or_404(letters_for_user(user), pk=pk)


def letter_by_code(code: str) -> SkKgb | None:
    """The letter a QR code names (the public verification page), or None."""
    return SkKgb.objects.select_related("pegawai", "opd__instansi").filter(verification_code=code).first()
