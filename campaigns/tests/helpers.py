"""Building campaigns for tests, through the actions."""

from __future__ import annotations

import datetime as dt
import io

from django.utils import timezone

from campaigns.design.actions import do_add_question, do_create_campaign, do_publish_campaign

NOW = dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC)


def tiny_pdf(text: str = "laporan") -> bytes:
    return b"%PDF-1.4\n% " + text.encode() + b"\n%%EOF\n"


def pdf_of_size(size: int, text: str = "laporan") -> bytes:
    """A PDF of exactly ``size`` bytes. Its filler does not repeat within 251 bytes, so parts
    joined in the wrong order, or one part twice, give another SHA-256."""
    body = tiny_pdf(text)
    head, tail = body[:-6], body[-6:]  # tail: b"%%EOF\n"
    return head + b"%" + bytes(i % 251 for i in range(size - len(body) - 1)) + tail


def make_campaign(
    actor,
    *,
    slug: str = "like-asn-uji",
    opds=(),
    jenis_jabatan=(),
    opens_at=None,
    closes_at=None,
    publish: bool = True,
    questions: str = "standard",
):
    """A campaign with a yes/no, a conditional text, a number 0–100, a choice and a PDF file."""
    opens_at = opens_at or timezone.now() - dt.timedelta(days=1)
    closes_at = closes_at or opens_at + dt.timedelta(days=30)
    audience = {}
    if opds:
        audience["opds"] = [o.pk for o in opds]
    if jenis_jabatan:
        audience["jenis_jabatan"] = list(jenis_jabatan)
    campaign = do_create_campaign(
        actor=actor,
        slug=slug,
        kind="performance_report",
        title="Laporan Kinerja Uji",
        period="PPK/SKP 2025",
        opens_at=opens_at,
        closes_at=closes_at,
        audience=audience,
    )
    if questions == "standard":
        do_add_question(campaign, actor=actor, code="nama", label="Nama", kind="text", prefill="nama")
        do_add_question(
            campaign, actor=actor, code="tugas_tambahan", label="Ada tugas tambahan?", kind="yes_no"
        )
        do_add_question(
            campaign,
            actor=actor,
            code="uraian",
            label="Uraikan tugas tambahan",
            kind="text",
            show_if_code="tugas_tambahan",
            show_if_value="ya",
        )
        do_add_question(
            campaign,
            actor=actor,
            code="capaian",
            label="Capaian (%)",
            kind="number",
            min_value=0,
            max_value=100,
        )
        do_add_question(
            campaign,
            actor=actor,
            code="predikat",
            label="Predikat SKP",
            kind="choice",
            options=["Sangat baik", "Baik", "Butuh perbaikan"],
            required=False,
        )
        do_add_question(
            campaign,
            actor=actor,
            code="laporan",
            label="Laporan kinerja (PDF)",
            kind="file",
            allowed_types=["pdf"],
            max_kb=200,
        )
    if publish:
        do_publish_campaign(campaign, actor=actor)
    return campaign


def valid_answers(**extra) -> dict:
    return {"tugas_tambahan": "tidak", "capaian": "87,5", "predikat": "Baik", **extra}


def chunks(data: bytes, size: int):
    stream = io.BytesIO(data)
    offset = 0
    while block := stream.read(size):
        yield offset, block
        offset += len(block)
