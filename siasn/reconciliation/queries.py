"""Every read of the reconciliation worklist, scoped like the employee data it is about.

Staff who may import employee data (capability import_pegawai) see the differences of the
employees they may see: BKD staff all, an Operator OPD their own OPD's. A difference outside
the scope is a 404.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from accounts.roles import Capability
from core.permissions import user_can
from people.corrections.actions import model_field, shown
from people.models import Pegawai, RiwayatGolongan
from people.records.queries import pegawai_for_user
from siasn.models import SiasnDifference, SiasnPull
from siasn.reconciliation.rules import HISTORY_PREFIX, history_row


def differences_for_user(user) -> QuerySet[SiasnDifference]:
    if not user_can(user, Capability.IMPORT_PEGAWAI):
        return SiasnDifference.objects.none()
    return SiasnDifference.objects.filter(pegawai__in=pegawai_for_user(user))


def list_differences_for_user(
    user, *, status: str = "terbuka", search: str = ""
) -> QuerySet[SiasnDifference]:
    rows = differences_for_user(user).select_related("pegawai", "pegawai__opd", "decided_by")
    if status in SiasnDifference.Status.values:
        rows = rows.filter(status=status)
    if search:
        rows = rows.filter(Q(pegawai__nip__startswith=search) | Q(pegawai__nama__icontains=search))
    return rows.order_by("pegawai__nama", "pegawai_id", "field")


def get_difference_for_user(user, pk: int) -> SiasnDifference:
    return get_object_or_404(differences_for_user(user).select_related("pegawai"), pk=pk)


def pulls_for_user(user) -> QuerySet[SiasnPull]:
    """Runs the user may follow: BKD staff every run, an Operator OPD the runs of their OPD."""
    if not user_can(user, Capability.IMPORT_PEGAWAI):
        return SiasnPull.objects.none()
    pulls = SiasnPull.objects.select_related("opd").defer("nips", "rejections")
    if user_can(user, Capability.VIEW_ALL_OPDS):
        return pulls
    return pulls.filter(opd_id=user.opd_id) if user.opd_id else pulls.none()


def value_text(difference: SiasnDifference, which: str) -> str:
    """A stored value as the worklist shows it (choice labels, dates in the locale)."""
    text = getattr(difference, which)
    if not text:
        return ""
    if difference.field.startswith(HISTORY_PREFIX):
        row = history_row(text)
        return _("%(golongan)s TMT %(tmt)s") % {
            "golongan": row["golongan"],
            "tmt": shown(model_field(RiwayatGolongan, "tmt"), row["tmt"]),
        }
    if difference.field == "golongan":
        return text
    field = model_field(Pegawai, difference.field)
    try:
        value = field.to_python(text)
    except ValidationError:
        return text
    return shown(field, value)


def field_label(difference: SiasnDifference) -> str:
    if difference.field.startswith(HISTORY_PREFIX):
        return _("Riwayat golongan")
    from django.utils.text import capfirst

    return capfirst(model_field(Pegawai, difference.field).verbose_name)
