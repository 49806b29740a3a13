"""Every read of corrections, scoped like the Pegawai they concern (people.records.queries)."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from accounts.roles import Capability
from core.documents import documents_of
from core.permissions import user_can
from people.corrections.actions import new_value_shown, target_label
from people.models import Correction
from people.records.queries import pegawai_for_user


def _with_related(corrections: QuerySet[Correction]) -> QuerySet[Correction]:
    return corrections.select_related("pegawai__opd", "content_type", "proposed_by", "decided_by")


def corrections_for_user(user) -> QuerySet[Correction]:
    """What the user may open: the Pegawai in their scope, their own record, their own proposals."""
    if not user.is_authenticated:
        return Correction.objects.none()
    return _with_related(
        Correction.objects.filter(
            Q(pegawai__in=pegawai_for_user(user)) | Q(pegawai__user=user) | Q(proposed_by=user)
        )
    )


def queue_for_user(user, *, status: str = "") -> QuerySet[Correction]:
    """The verifier queue: corrections of the Pegawai in scope, open ones first by default."""
    if not user_can(user, Capability.VERIFY_CORRECTIONS):
        return Correction.objects.none()
    corrections = _with_related(Correction.objects.filter(pegawai__in=pegawai_for_user(user)))
    if status:
        corrections = corrections.filter(status=status)
    return corrections.order_by("-proposed_at", "-pk")


def mine(user) -> QuerySet[Correction]:
    """ "Usulan saya": what the user proposed and what others proposed about their record."""
    if not user.is_authenticated:
        return Correction.objects.none()
    return _with_related(Correction.objects.filter(Q(proposed_by=user) | Q(pegawai__user=user))).order_by(
        "-proposed_at", "-pk"
    )


def get_correction_for_user(user, pk: int) -> Correction:
    correction = corrections_for_user(user).filter(pk=pk).first()
    if correction is None:
        raise Http404
    return correction


def for_display(corrections) -> list[Correction]:
    """The corrections with what a row shows set: ``scans`` (one query for the page),
    ``target`` ("Riwayat pendidikan · Jurusan") and ``new_shown`` (the new value as shown)."""
    corrections = list(corrections)
    scans = documents_of(Correction, [c.pk for c in corrections])
    for correction in corrections:
        correction.scans = scans.get(correction.pk, [])
        correction.target = target_label(correction)
        correction.new_shown = new_value_shown(correction)
    return corrections
