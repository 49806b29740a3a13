"""Demo feedback: a semester of SKM answers for the demo's completed requests, and a few
complaints in each state. Idempotent: a second run adds nothing."""

from __future__ import annotations

import datetime as dt
import secrets
from random import Random

from django.db import transaction
from django.utils import timezone

from feedback.complaints import actions as complaints
from feedback.models import Complaint, SurveyInvitation, SurveyResponse
from feedback.survey.rules import PROFILE_FIELDS, profile, unit_for_service
from layanan.models import Request

# How often each answer 1–4 is given: most users are satisfied, few very unhappy. Biaya
# (u4) is free at BKD, so it is nearly always "Gratis"; waiting time (u3) scores lowest.
_SPREAD = (1, 6, 48, 45)
_SPREAD_BY_UNSUR = {4: (0, 1, 9, 90), 3: (3, 14, 53, 30), 9: (2, 10, 55, 33)}
_SUGGESTIONS = (
    "Antrean di loket terlalu lama pada hari Senin.",
    "Mohon status permohonan dikabarkan lewat WhatsApp.",
    "Petugas ramah dan membantu, terima kasih.",
    "Ruang tunggu panas, mohon ditambah kipas angin.",
    "Persyaratan di situs web berbeda dengan yang diminta di loket.",
)
_COMPLAINTS = (
    ("langsung", "Berkas kenaikan pangkat belum diproses", "Sudah tiga minggu belum ada kabar."),
    ("lapor", "Permohonan pensiun terlambat", "SK pensiun belum terbit padahal sudah lewat TMT."),
    ("email", "Salah nama di SK", "Nama saya tertulis salah pada SK kenaikan pangkat."),
    ("kotak_saran", "Toilet rusak", "Toilet di ruang tunggu tidak berfungsi."),
    ("telepon", "Telepon tidak diangkat", "Nomor layanan tidak pernah diangkat pada jam kerja."),
)


def _answer(rng: Random, unsur: int) -> int:
    return rng.choices((1, 2, 3, 4), weights=_SPREAD_BY_UNSUR.get(unsur, _SPREAD))[0]


@transaction.atomic
def seed_demo_feedback(seed: int) -> str:
    if SurveyInvitation.objects.exists() or Complaint.objects.exists():
        return "Survei dan pengaduan demo sudah ada: tidak ada yang ditambahkan."
    rng = Random(seed)
    since = timezone.now() - dt.timedelta(days=183)
    done = list(
        Request.objects.filter(status=Request.Status.DONE, finished_at__gte=since)
        .select_related("service", "pegawai__user")
        .order_by("finished_at")
    )
    choices = {code: [c for c, _label in profile()[code].choices] for code in PROFILE_FIELDS}
    invitations, answered = [], []
    for request in done:
        used = rng.random() < 0.7  # about seven in ten applicants answer
        invitation = SurveyInvitation(
            token=secrets.token_urlsafe(24),
            source=SurveyInvitation.Source.LAYANAN,
            object_id=str(request.pk),
            reference=request.number,
            service=request.service,
            opd=request.opd,
            unit=unit_for_service(request.service.slug),
            user=getattr(request.pegawai, "user", None),
            created_at=request.finished_at,
            used_at=request.finished_at + dt.timedelta(hours=rng.randint(1, 72)) if used else None,
        )
        invitations.append(invitation)
        if used:
            answered.append(invitation)
    SurveyInvitation.objects.bulk_create(invitations)
    responses = [
        SurveyResponse(
            service=inv.service,
            unit=inv.unit,
            invitation=inv,
            channel=SurveyResponse.Channel.INVITATION,
            submitted_at=inv.used_at,
            **{f"u{i}": _answer(rng, i) for i in range(1, 10)},
            age_band=rng.choices(choices["age_band"], weights=(3, 25, 35, 27, 10))[0],
            gender=rng.choice(choices["gender"]),
            education=rng.choices(choices["education"], weights=(0, 1, 15, 14, 55, 15))[0],
            occupation=rng.choices(choices["occupation"], weights=(85, 10, 0, 1, 1, 0, 3))[0],
            suggestion=rng.choice(_SUGGESTIONS) if rng.random() < 0.2 else "",
        )
        for inv in answered
    ]
    SurveyResponse.objects.bulk_create(responses)

    # Two complaints per state, the oldest furthest along.
    states = ("selesai", "tidak_dapat", "ditindaklanjuti", "diverifikasi", "diterima")
    filed = 0
    for index, state in enumerate(states * 2):
        channel, subject, body = _COMPLAINTS[index % len(_COMPLAINTS)]
        received = timezone.now() - dt.timedelta(days=40 - 4 * index, hours=rng.randint(0, 6))
        complaint = complaints.do_file_complaint(
            channel=channel,
            subject=subject,
            body=body,
            service=done[index % len(done)].service if done else None,
            anonymous=channel == "kotak_saran",
            name="" if channel == "kotak_saran" else f"Pengadu Demo {index + 1}",
            # No e-mail: a demo server with a real mailer must not write to invented addresses.
            lapor_number=f"LAPOR-{received:%Y%m}-{1000 + index}" if channel == "lapor" else "",
            received_at=received,
            actor=None,
        )
        filed += 1
        if state == "diterima":
            continue
        if state == "tidak_dapat":
            complaints.do_reject_complaint(
                complaint, reason="Bukan kewenangan BKD; diteruskan ke OPD terkait.", actor=None
            )
            continue
        complaints.do_verify_complaint(complaint, note="Diteruskan ke bidang terkait.", actor=None)
        if state == "diverifikasi":
            continue
        complaints.do_follow_up_complaint(complaint, note="Sedang diperiksa oleh bidang.", actor=None)
        if state == "selesai":
            complaints.do_close_complaint(
                complaint, answer="Sudah kami tindak lanjuti; terima kasih atas laporannya.", actor=None
            )
    return f"Survei demo: {len(responses)} jawaban dari {len(invitations)} permohonan selesai; {filed} pengaduan."
