"""Issuing the SK KGB (Surat Pemberitahuan Kenaikan Gaji Berkala) of an employee due in a month.

The numbers come from the same rule as the KGB list (kpo.kgb.rules: PP 7/1977 Pasal 18, the
gaji pokok table of PP 5/2024), read again from the master data when the letter is issued,
so a letter never prints a verdict older than the data. A letter is issued only for an
employee who meets the conditions that month; issuing twice returns the first letter.
"""

from __future__ import annotations

import secrets
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core import progress
from core.audit import record
from core.documents import do_attach_document
from core.models import Document
from kpo.inputs.queries import active_pns, load_records
from kpo.kgb import files
from kpo.kgb.rules import KgbError, due_in_month, next_after, previous_step
from kpo.models import SkKgb
from people.models import Pegawai

CODE_BYTES = 18  # 24 URL-safe characters, as the layanan products


def verification_url(code: str) -> str:
    from django.conf import settings

    return settings.PELITA_BASE_URL.rstrip("/") + reverse("kpo:sk_kgb_verify", args=[code])


def _due_row(pegawai: Pegawai, year: int, month: int):
    records = load_records(
        active_pns(Pegawai.objects.filter(pk=pegawai.pk)), skp_from=year - 1, golongan_history=True
    )
    rows = due_in_month(records, year, month)
    if not rows:
        raise KgbError(
            _("%(nama)s tidak jatuh tempo kenaikan gaji berkala pada %(bulan)s.")
            % {"nama": pegawai.nama, "bulan": f"{month:02d}/{year}"}
        )
    row = rows[0]
    if not row.result.eligible:
        raise KgbError(
            _("Kenaikan gaji berkala %(nama)s belum memenuhi syarat: %(why)s")
            % {"nama": pegawai.nama, "why": " ".join(r.message for r in row.result.verdict.reasons)}
        )
    return row


def do_issue_sk_kgb(pegawai: Pegawai, year: int, month: int, *, actor) -> tuple[SkKgb, bool]:
    """The SK KGB of ``pegawai`` for the KGB with TMT 1 ``month``/``year``: rendered, numbered,
    stored privately (core.documents) and audited; (letter, created). KgbError when the
    employee is not due or not eligible that month.

    Numbers: the next sequence of the year, under the row lock of the employee (so a double
    click issues one letter) and the unique (year, sequence) as the last guard."""
    tmt = date(year, month, 1)
    with transaction.atomic():
        pegawai = (
            Pegawai.objects.select_for_update(of=("self",))
            .select_related("opd__instansi", "golongan")
            .get(pk=pegawai.pk)
        )
        existing = SkKgb.objects.filter(pegawai=pegawai, tmt=tmt).first()
        if existing is not None:
            return existing, False
        row = _due_row(pegawai, year, month)
        k = row.result
        settings = files.letter_settings()
        issued_at = timezone.now()
        number_year = timezone.localtime(issued_at).year
        sequence = (SkKgb.objects.filter(year=number_year).aggregate(m=Max("sequence"))["m"] or 0) + 1
        sk = SkKgb(
            pegawai=pegawai,
            opd=pegawai.opd,
            tmt=tmt,
            golongan=k.golongan.code,
            mkg_lama=previous_step(k.golongan, k.mkg_baru),
            gaji_lama=k.gaji_lama or 0,
            mkg_baru=k.mkg_baru,
            gaji_baru=k.gaji_baru,
            tmt_berikutnya=next_after(row.record, tmt),
            number=settings.number(sequence, number_year),
            year=number_year,
            sequence=sequence,
            verification_code=secrets.token_urlsafe(CODE_BYTES),
            title=settings.title,
            official_name=settings.official_name,
            issued_at=issued_at,
            issued_by=actor if actor is not None and actor.is_authenticated else None,
        )
        # Rendered before anything is stored: a failing render leaves no row and no file.
        pdf = files.letter_pdf(
            files.letter_html(
                sk, pegawai, verify_url=verification_url(sk.verification_code), settings=settings
            )
        )
        sk.save()
        upload = SimpleUploadedFile(files.filename(sk), pdf, content_type="application/pdf")
        sk.document = do_attach_document(sk, upload, kind=Document.Kind.PRODUK, actor=actor)
        sk.save(update_fields=["document"])
        record(
            actor=actor,
            event="kpo.sk_kgb_issued",
            obj=sk,
            after={
                "pegawai": pegawai.nip,
                "number": sk.number,
                "tmt": tmt.isoformat(),
                "golongan": sk.golongan,
                "mkg_lama": sk.mkg_lama,
                "gaji_lama": sk.gaji_lama,
                "mkg_baru": sk.mkg_baru,
                "gaji_baru": sk.gaji_baru,
            },
        )
    return sk, True


def progress_key(year: int, month: int, opd_ids) -> str:
    scope = "all" if opd_ids is None else "-".join(str(i) for i in sorted(opd_ids))
    return f"kpo.skkgb.{year:04d}-{month:02d}.{scope}"


def do_issue_sk_kgb_month(year: int, month: int, *, actor, opd_ids=None) -> dict:
    """Every missing SK KGB of the month for the eligible employees of ``opd_ids`` (None: every
    OPD), one transaction and one audit row per letter (do_issue_sk_kgb), with progress under
    :func:`progress_key` for the page. Returns {"issued": n, "existing": n, "total": n}."""
    pegawai = active_pns(Pegawai.objects.all())
    if opd_ids is not None:
        pegawai = pegawai.filter(opd_id__in=opd_ids)
    rows = [
        r
        for r in due_in_month(load_records(pegawai, skp_from=year - 1, golongan_history=True), year, month)
        if r.result.eligible
    ]
    key = progress_key(year, month, opd_ids)
    counts = {"issued": 0, "existing": 0, "total": len(rows)}
    progress.publish(key, 0, len(rows))
    by_pk = Pegawai.objects.in_bulk([r.record.pk for r in rows])
    for done, row in enumerate(rows, start=1):
        try:
            _sk, created = do_issue_sk_kgb(by_pk[row.record.pk], year, month, actor=actor)
        except KgbError:
            continue  # the data changed since the list was read: the list says why
        counts["issued" if created else "existing"] += 1
        progress.publish(key, done, len(rows))
    progress.publish(key, len(rows), len(rows))
    return counts
