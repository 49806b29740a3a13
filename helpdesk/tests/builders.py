"""Builders shared by the helpdesk tests, the role matrix and the audit-trail entries."""

from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from helpdesk.models import ProblemType

NIK = "6171015508990001"  # Pontianak, born 15 August 1999 (a woman: day + 40)
KK = "6171010101990002"
PASSWORD = "Rahasia#Uji2026"


def seed(actor=None):
    from helpdesk.catalogue.actions import do_seed_helpdesk

    do_seed_helpdesk(actor=actor)
    return ProblemType.objects.get(code="nik-kk-tidak-ditemukan")


def make_operator(username="petugas.hd", name="Petugas Helpdesk"):
    from accounts.roles import Role
    from accounts.users.actions import do_create_user

    return do_create_user(
        username=username, name=name, password=PASSWORD, roles=[Role.OPERATOR_HELPDESK], opd=None, actor=None
    )


def jpg(kb: float = 150, name: str = "ktp.jpg") -> SimpleUploadedFile:
    head = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    size = int(kb * 1024)
    return SimpleUploadedFile(
        name, head + b"\x00" * (size - len(head) - 2) + b"\xff\xd9", content_type="image/jpeg"
    )


def exe_as_jpg() -> SimpleUploadedFile:
    return SimpleUploadedFile("ktp.jpg", b"MZ\x90\x00" + b"\x00" * 4000, content_type="image/jpeg")


def solved_captcha() -> dict:
    """A real captcha and its answer, read from its row as a person would read the picture."""
    from captcha.models import CaptchaStore

    key = CaptchaStore.generate_key()
    return {"captcha_0": key, "captcha_1": CaptchaStore.objects.get(hashkey=key).response}


def form_data(**overrides) -> dict:
    data = {
        "name": "Siti Rahmawati",
        "email": "siti@example.org",
        "phone": "081234567890",
        "question": "NIK saya tidak ditemukan saat registrasi SSCASN, padahal KTP-el sudah jadi.",
        "isian_nik": NIK,
        "isian_nama_ktp": "SITI RAHMAWATI",
        "isian_tempat_lahir": "Pontianak",
        "isian_tanggal_lahir": "1999-08-15",
        "isian_nomor_kk": KK,
        **solved_captcha(),
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def submit(problem_type=None, *, at: dt.datetime | None = None, actor=None, **values):
    """A ticket filed through the action (as the public form would)."""
    from helpdesk.tickets.actions import do_submit_ticket

    problem_type = problem_type or ProblemType.objects.get(code="nik-kk-tidak-ditemukan")
    return do_submit_ticket(
        problem_type=problem_type,
        name=values.get("name", "Siti Rahmawati"),
        email=values.get("email", "siti@example.org"),
        phone="",
        question=values.get("question", "NIK saya tidak ditemukan."),
        details={"nik": NIK},
        scans=values.get("scans", {}),
        actor=actor,
        now=at,
    )
