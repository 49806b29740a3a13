"""Every write of employee master data.

History rows are added through ``do_add_riwayat``, which also refreshes the current-state
summary on the Pegawai row (rank, position, education) from the latest history, so the two
can never drift apart.
"""

from __future__ import annotations

from django.db import models, transaction

from core.audit import create_object, record, snapshot, update_fields
from people.models import (
    Pegawai,
    RiwayatGolongan,
    RiwayatJabatan,
    RiwayatPendidikan,
)
from people.records.rules import state

PEGAWAI_FIELDS = tuple(f.name for f in Pegawai._meta.concrete_fields if f.name not in {"id", "user"})


@transaction.atomic
def do_create_pegawai(*, actor, **values) -> Pegawai:
    return create_object(Pegawai(**values), PEGAWAI_FIELDS, actor=actor, event="pegawai.dibuat")


@transaction.atomic
def do_update_pegawai(pegawai: Pegawai, *, changes: dict, actor) -> bool:
    return update_fields(pegawai, changes, actor=actor, event="pegawai.diubah")


def history_fields(model: type[models.Model]) -> list[str]:
    return [f.name for f in model._meta.concrete_fields if f.name not in {"id", "pegawai"}]


@transaction.atomic
def do_add_riwayat(pegawai: Pegawai, model: type[models.Model], *, actor, **values) -> models.Model:
    """Add one history row of ``model`` (a Riwayat* class) and refresh the current state."""
    row = model(pegawai=pegawai, **values)
    row.full_clean()
    row.save()
    record(
        actor=actor,
        event=f"{model._meta.model_name}.ditambah",
        obj=row,
        object_repr=f"{pegawai.nip} {row}",
        after={"pegawai": pegawai.nip, **snapshot(row, history_fields(model))},
    )
    refresh_current_state(pegawai, actor=actor)
    return row


def current_state(pegawai: Pegawai) -> dict:
    """The summary fields as the latest history rows say they should be (see people.records.rules.state)."""
    return state.current_state(
        RiwayatGolongan.objects.filter(pegawai=pegawai).select_related("golongan").order_by("-tmt")[:1],
        RiwayatJabatan.objects.filter(pegawai=pegawai)
        .select_related("jabatan_fungsional")
        .order_by("-tmt")[:1],
        RiwayatPendidikan.objects.filter(pegawai=pegawai).order_by("-tahun_lulus")[:1],
    )


def refresh_current_state(pegawai: Pegawai, *, actor) -> bool:
    return update_fields(
        pegawai, current_state(pegawai), actor=actor, event="pegawai.diperbarui_dari_riwayat"
    )
