"""The demo helpdesk: the seeded problem types, canned answers and FAQ, the demo Operator
Helpdesk in both teams, and a few dozen tickets of the last weeks in every state (received,
in progress, waiting for the applicant, answered, closed, one merged duplicate, some late).

Idempotent and quick: nothing is added once any ticket exists. Tickets are filed and moved
through the same actions the screens use, at past moments, so their SLA clocks and the
monthly report are those of real tickets.
"""

from __future__ import annotations

import datetime as dt
from random import Random

from django.utils import timezone

from accounts.models import User
from helpdesk.catalogue.actions import do_seed_helpdesk
from helpdesk.models import ProblemType, Team, Ticket
from helpdesk.queue import actions as queue
from helpdesk.sla.actions import do_check_helpdesk_sla
from helpdesk.tickets.actions import do_reply_ticket, do_submit_ticket

NAMES = (
    "Siti Rahmawati",
    "Agus Setiawan",
    "Dewi Lestari",
    "Rudi Hartono",
    "Nur Aisyah",
    "Yohanes Ading",
    "Fransiska Lusi",
    "Hendra Gunawan",
    "Rina Marlina",
    "Muhammad Rizki",
    "Yuliana Sari",
    "Stefanus Apui",
)
QUESTIONS = {
    "nik-kk-tidak-ditemukan": "NIK dan nomor KK saya tidak ditemukan saat registrasi SSCASN.",
    "data-tidak-sesuai": "Nama saya tampil berbeda dengan yang ada di KTP.",
    "lupa-password": "Saya lupa password akun SSCASN dan tautan atur ulang tidak datang.",
    "lupa-jawaban-pengaman-1": "Saya lupa jawaban pertanyaan pengaman pertama.",
    "lupa-jawaban-pengaman-2": "Saya lupa jawaban pertanyaan pengaman kedua.",
    "tempat-lahir": "Tempat lahir saya (Sekadau) tidak ada dalam pilihan.",
    "perbaikan-email": "Alamat e-mail saya salah ketik saat registrasi.",
    "hubungi-petugas": "Apakah formasi guru di provinsi ini menerima lulusan D3?",
}
# The outcome of each demo ticket, in turn: most get answered, some wait, some are still open.
FATES = ("closed", "answered", "answered", "waiting", "progress", "received", "closed", "reopened")


def seed_demo_helpdesk(seed: int) -> str:
    created = do_seed_helpdesk(actor=None)
    operator = User.objects.filter(username="helpdesk").first()
    if operator is not None:
        for team in Team.objects.all():
            team.members.add(operator)
    if Ticket.objects.exists() or operator is None:
        return f"Helpdesk demo: konten baru {sum(created.values())}, tiket sudah ada (tidak ditambah)."
    rng = Random(seed)
    types = {t.code: t for t in ProblemType.objects.filter(code__in=QUESTIONS)}
    now = timezone.now()
    made = []
    for n in range(40):
        code = rng.choice(list(QUESTIONS))
        name = rng.choice(NAMES)
        received = now - dt.timedelta(
            days=rng.randint(0, 34), hours=rng.randint(0, 8), minutes=rng.randint(0, 59)
        )
        ticket = do_submit_ticket(
            problem_type=types[code],
            name=name,
            email=f"{name.split()[0].lower()}.{n}@example.org",
            phone="",
            question=QUESTIONS[code],
            details={},
            scans={},
            actor=None,
            now=received,
            mail=False,
        )
        fate = FATES[n % len(FATES)]
        if fate != "received" and received < now - dt.timedelta(hours=3):
            _move(ticket, fate, operator, received, now, rng)
        made.append(ticket)
    # One applicant asked twice: the later, still open ticket is merged into the first.
    duplicate = Ticket.objects.filter(status=Ticket.Status.RECEIVED).exclude(pk=made[0].pk).first()
    if duplicate is not None:
        queue.do_merge_ticket(duplicate, made[0], actor=operator, now=now)
    do_check_helpdesk_sla(actor=None, now=now)
    return f"Helpdesk demo: {len(made)} tiket dalam setiap status, {sum(created.values())} butir konten."


def _move(ticket, fate, operator, received, now, rng) -> None:
    step = received + dt.timedelta(hours=rng.randint(1, 30))
    step = min(step, now - dt.timedelta(hours=2))
    ticket = queue.do_claim_ticket(ticket, actor=operator)
    if fate == "progress":
        return
    if fate == "waiting":
        queue.do_ask_applicant(
            ticket, body="Mohon kirim pindaian KTP yang terbaca jelas.", actor=operator, now=step, mail=False
        )
        return
    ticket = queue.do_answer_ticket(
        ticket,
        body="Sudah kami periksa dan perbaiki. Silakan coba kembali.",
        actor=operator,
        now=step,
        mail=False,
    )
    if fate == "closed":
        queue.do_close_ticket(ticket, actor=operator, now=min(step + dt.timedelta(hours=2), now))
    elif fate == "reopened":
        do_reply_ticket(
            ticket, body="Masih belum bisa.", actor=None, now=min(step + dt.timedelta(hours=1), now)
        )
