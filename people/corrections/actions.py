"""Corrections of employee data: proposed with a scan, decided by a verifier.

Who may (docs/corrections.md):
- propose: the Pegawai for their own record, and staff for the Pegawai inside their scope
  (``people.records.queries.pegawai_for_user``: an Operator OPD their OPD, BKD staff everyone);
- decide: holders of ``verify_corrections`` (Unit Pengolah, Admin) inside their scope,
  never on a proposal of their own.

Only the fields in ``CORRECTABLE`` may be corrected this way: identity numbers, rank and
position are changed by their own procedures, not by a correction. The new value is
converted and validated with the model field's own rules when proposed, and again when
applied (the row may have changed in between).
"""

from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from accounts.roles import Capability
from core.audit import record, update_fields
from core.documents import DocumentRejected, do_attach_document
from core.notifications.actions import do_notify
from core.permissions import user_can
from people.models import (
    Correction,
    Pegawai,
    RiwayatDiklat,
    RiwayatGolongan,
    RiwayatJabatan,
    RiwayatPendidikan,
    RiwayatSkp,
)
from people.records.actions import do_update_pegawai, refresh_current_state
from people.records.queries import may_act_for, pegawai_for_user

_DECREE = ("nomor_sk", "tanggal_sk")
CORRECTABLE: dict[type[models.Model], tuple[str, ...]] = {
    Pegawai: (
        "nama",
        "gelar_depan",
        "gelar_belakang",
        "tempat_lahir",
        "alamat",
        "nomor_hp",
        "email",
        "agama",
        "status_kawin",
    ),
    RiwayatGolongan: (*_DECREE, "tmt"),
    RiwayatJabatan: (*_DECREE, "tmt"),
    RiwayatPendidikan: (*_DECREE, "jurusan", "institusi", "tahun_lulus"),
    RiwayatDiklat: (*_DECREE, "nama", "penyelenggara", "tahun"),
    # An SKP missing for a year (recorded under another one) or with a wrong value blocks a
    # KP months ahead (kpo): the employee proposes the right year or value.
    RiwayatSkp: ("tahun", "predikat", "nilai"),
}
_SNAPSHOT = ("field", "old_value", "new_value", "reason", "status")


# --- Values -------------------------------------------------------------------------------


def model_field(model: type[models.Model], name: str) -> models.Field:
    return model._meta.get_field(name)


def field_label(model: type[models.Model], name: str) -> str:
    return capfirst(model_field(model, name).verbose_name)


def shown(field: models.Field, value) -> str:
    """A value as the screens show it: choice labels, dates as "17 Mei 1985", empty as ""."""
    if value is None or value == "":
        return ""
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, dt.date):
        return date_format(value, "j F Y")
    return str(value)


def _canonical(value) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def convert(model: type[models.Model], name: str, text: str, *, instance=None):
    """``text`` converted and validated by the model field; ValidationError in Indonesian."""
    field = model_field(model, name)
    text = (text or "").strip()
    raw = None if text == "" and field.null else text
    try:
        return field.clean(raw, instance)
    except ValidationError as exc:
        raise ValidationError(
            {
                "new_value": _("Nilai baru untuk %(field)s tidak sah: %(errors)s")
                % {"field": field_label(model, name), "errors": " ".join(exc.messages)}
            }
        ) from None


def new_value_shown(correction: Correction) -> str:
    model = target_model(correction)
    return shown(model_field(model, correction.field), convert(model, correction.field, correction.new_value))


def target_model(correction: Correction) -> type[models.Model]:
    return correction.content_type.model_class() if correction.content_type_id else Pegawai


def target_row(correction: Correction) -> models.Model:
    if not correction.content_type_id:
        return correction.pegawai
    model = correction.content_type.model_class()
    row = model.objects.filter(pk=correction.object_id, pegawai=correction.pegawai_id).first()
    if row is None:
        # The history row was removed after the proposal was made: nothing left to correct.
        raise ValidationError(_("Riwayat yang diusulkan untuk diperbaiki sudah tidak ada."))
    return row


# --- Who may ------------------------------------------------------------------------------


def may_decide(user, correction: Correction) -> bool:
    return (
        user_can(user, Capability.VERIFY_CORRECTIONS)
        and correction.proposed_by_id != user.pk
        and pegawai_for_user(user).filter(pk=correction.pegawai_id).exists()
    )


# --- Actions ------------------------------------------------------------------------------


def _audit(correction: Correction, *, actor, event: str, before: dict | None = None) -> None:
    after = {name: getattr(correction, name) for name in _SNAPSHOT}
    after["target"] = (
        f"{target_model(correction)._meta.label_lower}:{correction.object_id or correction.pegawai_id}"
    )
    if correction.rejection_reason:
        after["rejection_reason"] = correction.rejection_reason
    record(actor=actor, event=event, obj=correction, before=before, after=after)


@transaction.atomic
def do_propose_correction(
    pegawai: Pegawai, *, field: str, new_value: str, reason: str, scan, actor, row=None
) -> Correction:
    """Record a proposal to set ``field`` of ``pegawai`` (or of its history ``row``) with a scan."""
    if not may_act_for(actor, pegawai, as_reader=True):
        raise PermissionDenied
    if row is not None and getattr(row, "pegawai_id", None) != pegawai.pk:
        raise ValidationError({"field": _("Riwayat ini bukan milik pegawai tersebut.")})
    target = row if row is not None else pegawai
    model = type(target)
    if field not in CORRECTABLE.get(model, ()):
        raise ValidationError({"field": _("Isian ini tidak dapat diperbaiki melalui usulan perbaikan.")})
    errors = {}
    if not (reason or "").strip():
        errors["reason"] = _("Tuliskan alasan perbaikan.")
    if scan is None:
        errors["scan"] = _("Lampirkan pindaian dokumen pendukung (PDF, JPG atau PNG).")
    try:
        value = convert(model, field, new_value, instance=target)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    else:
        current = getattr(target, model_field(model, field).attname)
        if value == current or (value in (None, "") and current in (None, "")):
            errors["new_value"] = _("Nilai baru sama dengan nilai sekarang.")
    if errors:
        raise ValidationError(errors)
    content_type = ContentType.objects.get_for_model(model) if row is not None else None
    already = Correction.objects.filter(
        pegawai=pegawai,
        field=field,
        status=Correction.Status.DIAJUKAN,
        content_type=content_type,
        object_id=row.pk if row is not None else None,
    )
    if already.exists():
        raise ValidationError(
            {"field": _("Isian ini sudah memiliki usulan perbaikan yang belum diputuskan.")}
        )
    correction = Correction.objects.create(
        pegawai=pegawai,
        content_type=content_type,
        object_id=row.pk if row is not None else None,
        field=field,
        old_value=shown(model_field(model, field), getattr(target, field)),
        new_value=_canonical(value),
        reason=reason.strip(),
        proposed_by=actor,
    )
    _audit(correction, actor=actor, event="perbaikan.diajukan")
    try:
        do_attach_document(correction, scan, kind="lainnya", actor=actor)
    except DocumentRejected as exc:
        raise ValidationError({"scan": str(exc)}) from None
    return correction


def _check_open(correction: Correction, actor) -> None:
    if not may_decide(actor, correction):
        raise PermissionDenied
    if correction.status != Correction.Status.DIAJUKAN:
        raise ValidationError(_("Usulan ini sudah diputuskan."))


def _decide(correction: Correction, status: str, *, actor, rejection_reason: str = "") -> None:
    before = {"status": correction.status}
    correction.status = status
    correction.decided_by = actor
    correction.decided_at = timezone.now()
    correction.rejection_reason = rejection_reason
    correction.save(update_fields=["status", "decided_by", "decided_at", "rejection_reason"])
    event = "perbaikan.disetujui" if status == Correction.Status.DISETUJUI else "perbaikan.ditolak"
    _audit(correction, actor=actor, event=event, before=before)
    _tell_the_proposer(correction, actor=actor)


def _tell_the_proposer(correction: Correction, *, actor) -> None:
    """The proposer, and the employee if someone else proposed, learn the decision."""
    approved = correction.status == Correction.Status.DISETUJUI
    params = {"field": target_label(correction), "nama": correction.pegawai.nama}
    title = (
        _("Usulan perbaikan %(field)s (%(nama)s) disetujui") % params
        if approved
        else _("Usulan perbaikan %(field)s (%(nama)s) ditolak") % params
    )
    body = _("Data sudah diperbarui.") if approved else correction.rejection_reason
    recipients = [
        u for u in (correction.proposed_by, correction.pegawai.user) if u is not None and u != actor
    ]
    do_notify(
        recipients,
        title=title,
        body=body,
        url=reverse("people:correction_detail", args=[correction.pk]),
        actor=actor,
        event="perbaikan.diberitahukan",
    )


@transaction.atomic
def do_approve_correction(correction: Correction, *, actor) -> None:
    """Apply the new value (audited as an ordinary edit) and mark the proposal approved."""
    correction = (
        Correction.objects.select_for_update(of=("self",))
        .select_related("pegawai", "content_type")
        .get(pk=correction.pk)
    )
    _check_open(correction, actor)
    target = target_row(correction)
    model = type(target)
    value = convert(model, correction.field, correction.new_value, instance=target)
    if isinstance(target, Pegawai):
        do_update_pegawai(target, changes={correction.field: value}, actor=actor)
    else:
        update_fields(
            target, {correction.field: value}, actor=actor, event=f"{model._meta.model_name}.diubah"
        )
        refresh_current_state(correction.pegawai, actor=actor)
    _decide(correction, Correction.Status.DISETUJUI, actor=actor)


@transaction.atomic
def do_reject_correction(correction: Correction, *, reason: str, actor) -> None:
    """Refuse the proposal with a reason the proposer will read; the data stays as it was."""
    correction = (
        Correction.objects.select_for_update(of=("self",))
        .select_related("pegawai", "content_type")
        .get(pk=correction.pk)
    )
    _check_open(correction, actor)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Tuliskan alasan penolakan.")})
    _decide(correction, Correction.Status.DITOLAK, actor=actor, rejection_reason=reason)


# --- Targets, for the proposal form and the lists -------------------------------------------


def target_label(correction: Correction) -> str:
    """ "Nomor HP" or "Riwayat pendidikan · Jurusan": no query, for list rows."""
    model = target_model(correction)
    label = field_label(model, correction.field)
    return label if model is Pegawai else f"{capfirst(model._meta.verbose_name)} · {label}"


def targets_of(pegawai: Pegawai) -> list[tuple[str, list[tuple[str, str]]]]:
    """The fields of ``pegawai`` one may propose to correct, as choices grouped by record: the
    main data, then each history row (one group each, not one list of some eighty lines)."""
    groups = [
        (_("Data utama"), [(f"pegawai::{name}", field_label(Pegawai, name)) for name in CORRECTABLE[Pegawai]])
    ]
    for model, names in CORRECTABLE.items():
        if model is Pegawai:
            continue
        for row in model.objects.filter(pegawai=pegawai).order_by("pk"):
            fields = [
                (f"{model._meta.model_name}:{row.pk}:{name}", field_label(model, name)) for name in names
            ]
            groups.append((f"{capfirst(model._meta.verbose_name)} {row}", fields))
    return groups


def resolve_target(pegawai: Pegawai, key: str) -> tuple[models.Model | None, str]:
    """(history row or None, field name) for a key of :func:`targets_of`; ValidationError otherwise."""
    kind, _sep, rest = key.partition(":")
    pk, _sep, field = rest.partition(":")
    if kind == "pegawai" and not pk:
        return None, field
    model = next((m for m in CORRECTABLE if m is not Pegawai and m._meta.model_name == kind), None)
    row = model.objects.filter(pk=pk, pegawai=pegawai).first() if model is not None and pk.isdigit() else None
    if row is None:
        raise ValidationError({"field": _("Isian ini tidak dapat diperbaiki melalui usulan perbaikan.")})
    return row, field
