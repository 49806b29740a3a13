"""The standard disposition chain of BKD services (seeds 001 and 004, "Sistem, mekanisme dan
prosedur"), as data: the catalogue seeds each service's Step and Transition rows from it, and
an Admin may edit them per service afterwards.

Petugas Administrasi registers the letter and gives the agenda number → Kasubbag Umum sorts
→ Sekretaris initials → Kepala Badan disposes → Kepala Bidang → Unit Pengolah verifies
(returns to the applicant with reasons, or processes) → the product is issued → done.
"""

from __future__ import annotations

from dataclasses import dataclass

from accounts.roles import Role
from layanan.models import Action


@dataclass(frozen=True)
class StepSpec:
    code: str
    name: str
    role: str
    escalate_to: str
    target_minutes: int  # office minutes; a service may scale them to fit its duration


@dataclass(frozen=True)
class TransitionSpec:
    from_step: str
    action: str
    to_step: str | None
    label: str
    note_required: bool = False
    bulk: bool = False


DEFAULT_STEPS = (
    StepSpec("registrasi", "Registrasi dan nomor agenda", Role.PETUGAS_ADMINISTRASI, Role.KASUBBAG_UMUM, 30),
    StepSpec("pemilahan", "Pemilahan surat", Role.KASUBBAG_UMUM, Role.SEKRETARIS, 30),
    StepSpec("paraf", "Paraf Sekretaris", Role.SEKRETARIS, Role.KEPALA_BADAN, 60),
    StepSpec("disposisi", "Disposisi Kepala Badan", Role.KEPALA_BADAN, Role.SEKRETARIS, 60),
    StepSpec("bidang", "Kepala Bidang", Role.KEPALA_BIDANG, Role.KEPALA_BADAN, 60),
    StepSpec("verifikasi", "Verifikasi berkas", Role.UNIT_PENGOLAH, Role.KEPALA_BIDANG, 120),
    StepSpec("penerbitan", "Penerbitan produk", Role.UNIT_PENGOLAH, Role.KEPALA_BIDANG, 60),
)

DEFAULT_TRANSITIONS = (
    TransitionSpec("registrasi", Action.FORWARD, "pemilahan", "Registrasi dan teruskan"),
    TransitionSpec("pemilahan", Action.FORWARD, "paraf", "Teruskan ke Sekretaris", bulk=True),
    TransitionSpec("paraf", Action.FORWARD, "disposisi", "Paraf dan teruskan", bulk=True),
    TransitionSpec("disposisi", Action.FORWARD, "bidang", "Disposisi ke Kepala Bidang", bulk=True),
    TransitionSpec("bidang", Action.FORWARD, "verifikasi", "Teruskan ke Unit Pengolah", bulk=True),
    TransitionSpec("verifikasi", Action.RETURN, None, "Kembalikan ke pemohon", note_required=True),
    TransitionSpec("verifikasi", Action.REJECT, None, "Tolak permohonan", note_required=True),
    TransitionSpec("verifikasi", Action.FORWARD, "penerbitan", "Berkas lengkap, proses"),
    TransitionSpec("penerbitan", Action.COMPLETE, None, "Terbitkan produk dan selesaikan"),
)
ENTRY_STEP = "registrasi"
