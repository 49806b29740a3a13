"""Every read of employee master data, scoped to what the user may see.

The row-level rule is ``org.units.queries.opds_for_user``: BKD staff (view_all_opds) see every
Pegawai, an Operator OPD only the Pegawai of their own OPD, anyone else none. A single
Pegawai outside the scope is a 404, so its existence is not revealed.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import F, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from accounts.roles import Capability
from core.permissions import user_can
from org.units.queries import opds_for_user
from people.models import (
    Keluarga,
    Pegawai,
    RiwayatAngkaKredit,
    RiwayatDiklat,
    RiwayatGolongan,
    RiwayatHukdis,
    RiwayatJabatan,
    RiwayatPendidikan,
    RiwayatSkp,
    SertifikatUjian,
)


def _by(field: str):
    return F(field).asc(nulls_last=True)


def _by_desc(field: str):
    return F(field).desc(nulls_last=True)


# The only orderings the list accepts: the ``sort`` parameter is a key of this table, never
# a field name passed to order_by. Employees without a rank sort last in both directions.
SORTS: dict[str, tuple] = {
    "nama": ("nama", "nip"),
    "-nama": ("-nama", "-nip"),
    "nip": ("nip",),
    "-nip": ("-nip",),
    "golongan": (_by("golongan__order"), "nama", "nip"),
    "-golongan": (_by_desc("golongan__order"), "nama", "nip"),
    "tmt_golongan": (_by("tmt_golongan"), "nama", "nip"),
    "-tmt_golongan": (_by_desc("tmt_golongan"), "nama", "nip"),
}
DEFAULT_SORT = "nama"


def pegawai_for_user(user) -> QuerySet[Pegawai]:
    if not user_can(user, Capability.VIEW_PEGAWAI):
        return Pegawai.objects.none()
    if user_can(user, Capability.VIEW_ALL_OPDS):
        return Pegawai.objects.all()
    return Pegawai.objects.filter(opd__in=opds_for_user(user))


def list_pegawai_for_user(
    user,
    *,
    q: str = "",
    opd=None,
    golongan=None,
    jenis_jabatan: str = "",
    pendidikan: str = "",
    status: str = "",
    sort: str = DEFAULT_SORT,
) -> QuerySet[Pegawai]:
    """The employee list (screen and XLSX export) with everything a row shows joined in.

    ``opd`` outside the user's scope yields nothing rather than widening it: the filter is
    applied on top of the scoped queryset.
    """
    pegawai = pegawai_for_user(user).select_related("opd", "unit", "golongan")
    q = q.strip()
    if q:
        digits = q.replace(" ", "")
        if digits.isdigit():
            # A NIP is often pasted in its printed grouping "19850517 201003 1 001".
            pegawai = pegawai.filter(Q(nip__contains=digits) | Q(nama__icontains=q))
        else:
            pegawai = pegawai.filter(nama__icontains=q)
    if opd:
        pegawai = pegawai.filter(opd=opd)
    if golongan:
        pegawai = pegawai.filter(golongan=golongan)
    if jenis_jabatan:
        pegawai = pegawai.filter(jenis_jabatan=jenis_jabatan)
    if pendidikan:
        pegawai = pegawai.filter(pendidikan=pendidikan)
    if status:
        pegawai = pegawai.filter(status=status)
    return pegawai.order_by(*SORTS.get(sort, SORTS[DEFAULT_SORT]))


def _with_histories(pegawai: QuerySet[Pegawai]) -> QuerySet[Pegawai]:
    """One query per history kind, whatever the number of rows: newest first."""
    return pegawai.select_related("opd", "unit", "golongan", "jabatan_fungsional").prefetch_related(
        Prefetch(
            "riwayat_golongan",
            queryset=RiwayatGolongan.objects.select_related("golongan").order_by("-tmt", "-pk"),
        ),
        Prefetch(
            "riwayat_jabatan",
            queryset=RiwayatJabatan.objects.select_related("opd", "unit", "jabatan_fungsional").order_by(
                "-tmt", "-pk"
            ),
        ),
        Prefetch("riwayat_pendidikan", queryset=RiwayatPendidikan.objects.order_by("-tahun_lulus", "-pk")),
        Prefetch("riwayat_diklat", queryset=RiwayatDiklat.objects.order_by("-tahun", "-pk")),
        Prefetch("riwayat_skp", queryset=RiwayatSkp.objects.order_by("-tahun")),
        Prefetch("riwayat_hukdis", queryset=RiwayatHukdis.objects.order_by("-tmt", "-pk")),
        Prefetch("riwayat_angka_kredit", queryset=RiwayatAngkaKredit.objects.order_by("-tahun", "-pk")),
        Prefetch("keluarga", queryset=Keluarga.objects.order_by("hubungan", "tanggal_lahir", "pk")),
        Prefetch("sertifikat_ujian", queryset=SertifikatUjian.objects.order_by("tanggal_lulus", "pk")),
    )


def get_pegawai_for_user(user, pk: int) -> Pegawai:
    return get_object_or_404(_with_histories(pegawai_for_user(user)), pk=pk)


# --- The employee this user is, and the employees this user may act for -------------------
# One definition for every app: the own record ("Data Saya", "Isian saya", own requests), the
# on-behalf scope of an Operator OPD (submit_on_behalf: the OPDs of opds_for_user), and the
# own record together with the readable ones (scans, corrections).


def pegawai_of_user(user) -> QuerySet[Pegawai]:
    """The Pegawai linked to the user's account as a queryset (empty for the anonymous or an
    account without a record), for callers that load it their own way."""
    if not user.is_authenticated:
        return Pegawai.objects.none()
    return Pegawai.objects.filter(user=user)


def own_pegawai_or_none(user, *related: str) -> Pegawai | None:
    """The Pegawai linked to the user's account, or None (anonymous, or no record).

    ``related``: the relations the caller reads, fetched in the same query (the OPD always)."""
    return pegawai_of_user(user).select_related("opd", *related).first()


def own_pegawai(user, *related: str, histories: bool = False) -> Pegawai:
    """The Pegawai linked to the user's account; 404 when there is none.

    ``histories``: with every history table prefetched, for the profile page ("Data Saya")."""
    rows = pegawai_of_user(user).select_related("opd", *related)
    return get_object_or_404(_with_histories(rows) if histories else rows)


def own_or_readable_pegawai(user) -> QuerySet[Pegawai]:
    """The user's own record and every Pegawai they may read (pegawai_for_user): an employee
    may see the scans of their own record and propose a fix of it, staff the same on the
    records in their scope."""
    return pegawai_for_user(user) | pegawai_of_user(user)


def get_own_or_readable_pegawai(user, pk: int, *related: str) -> Pegawai:
    """One Pegawai of :func:`own_or_readable_pegawai`; 404 otherwise."""
    return get_object_or_404(own_or_readable_pegawai(user).select_related("opd", *related), pk=pk)


def pegawai_user_may_act_for(user) -> QuerySet[Pegawai]:
    """The employees an operator may act for (submit_on_behalf): those of the OPDs in their
    scope. Their own record is not in it unless it lies there too: see :func:`may_act_for`."""
    if not user_can(user, Capability.SUBMIT_ON_BEHALF):
        return Pegawai.objects.none()
    return Pegawai.objects.filter(opd__in=opds_for_user(user))


def get_pegawai_user_may_act_for(user, pk: int, *related: str) -> Pegawai:
    """One employee the user may act for: 403 without submit_on_behalf, 404 outside the scope."""
    if not user_can(user, Capability.SUBMIT_ON_BEHALF):
        raise PermissionDenied
    return get_object_or_404(pegawai_user_may_act_for(user).select_related("opd", *related), pk=pk)


def may_act_for(user, pegawai: Pegawai, *, as_reader: bool = False) -> bool:
    """Whether ``user`` may act for ``pegawai``: their own record, or an employee inside the
    on-behalf scope (requests, campaign forms). ``as_reader``: inside what the user may read
    instead (:func:`own_or_readable_pegawai`): anyone who may read a record may propose a
    correction of it."""
    if not user.is_authenticated:
        return False
    if pegawai.user_id is not None and pegawai.user_id == user.pk:
        return True
    scope = pegawai_for_user(user) if as_reader else pegawai_user_may_act_for(user)
    return scope.filter(pk=pegawai.pk).exists()
