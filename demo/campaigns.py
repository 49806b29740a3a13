"""The two seeded campaigns of the demo province.

``seed_demo_campaigns(seed)`` creates, once:

- ``like-asn-2025`` "LIKE ASN – Penilaian Kinerja 2025": every active employee; questions:
  the master-data facts shown read-only (name, NIP, OPD, rank, position), a data
  confirmation, the SKP 2025 predikat (taken from the employee's own SKP history where it
  has one) and the PDF of the performance report. A share of 66–93 % per OPD has already
  submitted, each with its own small, valid PDF.
- ``si-jafung-2025`` "SI JAFUNG 2025": every active functional official (audience
  ``jenis_jabatan = fungsional``); questions ``tahun_dalam_pangkat`` (from TMT golongan),
  ``progres_angka_kredit`` (percent of the AKK of the next rank, from the latest credit
  points of the current jenjang), ``sesuai_peta_jabatan``, ``tugas_tambahan`` +
  ``tugas_tambahan_uraian`` (shown if yes) and ``kendala``; 60–92 % per OPD submitted.
  How often an OPD's officials report a misplacement or extra duties varies by OPD, so the
  jafung monitoring has a ranking to show.

Determinism: who submits, when and what is derived from ``random.Random(seed)`` and the
master data only. The campaign windows are the one exception, on purpose: they are set
around the day the seed runs (``today``), so a fresh demo always has both campaigns open,
with two weeks of submissions behind them and three weeks to go.

Speed: the ~8,000 LIKE ASN reports are not sent one by one through
core.documents.do_attach_document (a file, a hash, a check and an audit row each: over a
minute). The same storage layout and permissions are written directly, the rows go in with
bulk_create, and one audit row per campaign records the load. Every stored file is a real,
distinct PDF whose size and SHA-256 are those of its Document row.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections import defaultdict
from fractions import Fraction
from random import Random
from zoneinfo import ZoneInfo

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from campaigns.design.files import QuestionSet, question_set
from campaigns.models import Campaign, Question, Submission, SubmissionVersion, UploadSession
from campaigns.submissions.queries import targeted_pegawai
from core.audit import record
from core.documents import STORAGE_DIR, storage
from core.models import Document
from org.models import Instansi
from people.models import Pegawai, RiwayatAngkaKredit, RiwayatSkp
from regulations.credit_points import Jenjang, akk_kenaikan_pangkat
from regulations.skp import Predikat

# The demo collects this year's reports: the standard question sets filled in for it.
YEAR = 2025
LIKE_ASN_SET = question_set("like-asn", year=YEAR)
SI_JAFUNG_SET = question_set("si-jafung", year=YEAR)
LIKE_ASN = LIKE_ASN_SET.slug
SI_JAFUNG = SI_JAFUNG_SET.slug
PREDIKAT_OPTIONS = LIKE_ASN_SET.option_list("predikat_skp")
# The answers below pick by position: first "no obstacle", then three about the career path,
# the training gap, and last "extra duties take time".
KENDALA = SI_JAFUNG_SET.option_list("kendala")
# Extra duties the demo officials report (free text answers, not options).
URAIAN = [
    "Bendahara pengeluaran pembantu",
    "Pengelola barang milik daerah",
    "Operator aplikasi keuangan (SIPD)",
    "Sekretaris panitia pengadaan",
    "Pengelola kepegawaian unit",
    "Admin media sosial dinas",
]


def tiny_pdf(lines: list[str]) -> bytes:
    """A small, valid one-page PDF showing ``lines`` (built by hand: no library, ~700 bytes)."""

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    text = " ".join(
        f"BT /F1 {14 if i == 0 else 11} Tf 56 {780 - 22 * i} Td ({escape(line)}) Tj ET"
        for i, line in enumerate(lines)
    ).encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text) + 1, text),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _window(today: dt.date, tz: str) -> tuple[dt.datetime, dt.datetime]:
    zone = ZoneInfo(tz)
    opens = dt.datetime.combine(today - dt.timedelta(days=14), dt.time(8, 0), zone)
    closes = dt.datetime.combine(today + dt.timedelta(days=21), dt.time(23, 59), zone)
    return opens, closes


def _questions(campaign: Campaign, questions: QuestionSet) -> None:
    Question.objects.bulk_create(Question(campaign=campaign, **fields) for fields in questions.questions)


def _golongan_label(code: str | None, pangkat: str | None) -> str:
    return f"{code} – {pangkat}" if code else ""


def _nama_lengkap(depan: str, nama: str, belakang: str) -> str:
    return f"{depan + ' ' if depan else ''}{nama}{', ' + belakang if belakang else ''}"


def _when(rng: Random, opens: dt.datetime, until: dt.datetime) -> dt.datetime:
    # Most employees answer in the first days and just before a deadline; a triangular
    # draw skewed to the start gives the participation chart its familiar shape.
    span = (until - opens).total_seconds()
    return opens + dt.timedelta(seconds=rng.triangular(0, span, span * 0.15))


def _status(rng: Random, submitted_at: dt.datetime, now: dt.datetime):
    """Review state: older submissions are more often already looked at."""
    roll = rng.random()
    if now - submitted_at > dt.timedelta(days=3) and roll < 0.45:
        return Submission.Status.ACCEPTED
    if roll > 0.975:
        return Submission.Status.NEEDS_FIX
    return Submission.Status.SUBMITTED


def seed_demo_campaigns(seed: int, *, today: dt.date | None = None, actor=None) -> dict:
    """Create both demo campaigns once (idempotent). Returns counts per campaign slug."""
    if not Pegawai.objects.exists():
        return {}  # nothing to target yet: a later run with employees creates them
    instansi = Instansi.objects.order_by("pk").first()
    tz = instansi.time_zone if instansi else "Asia/Jakarta"
    today = today or timezone.localdate()
    result = {}
    with transaction.atomic():
        result[LIKE_ASN] = _like_asn(Random(f"{seed}-like-asn"), today, tz, actor)
    with transaction.atomic():
        result[SI_JAFUNG] = _si_jafung(Random(f"{seed}-si-jafung"), today, tz, actor)
    return result


def _now_for(today: dt.date, tz: str) -> dt.datetime:
    # The moment the demo describes: the seed day at 07:00, before the offices open.
    return dt.datetime.combine(today, dt.time(7, 0), ZoneInfo(tz))


def _create(questions: QuestionSet, today, tz, actor) -> Campaign:
    opens, closes = _window(today, tz)
    campaign = Campaign.objects.create(
        slug=questions.slug,
        kind=questions.kind,
        title=questions.title,
        period=questions.period,
        description=questions.description,
        opens_at=opens,
        closes_at=closes,
        audience=questions.audience,
        published=True,
        published_at=opens,
        created_by=actor,
        created_at=opens - dt.timedelta(days=3),
    )
    _questions(campaign, questions)
    return campaign


def _rates(rng: Random, opd_ids, low: float, high: float) -> dict[int, float]:
    return {opd_id: rng.uniform(low, high) for opd_id in sorted(opd_ids)}


def _write_versions(submissions: list[Submission]) -> None:
    Submission.objects.bulk_create(submissions, batch_size=1000)
    SubmissionVersion.objects.bulk_create(
        (
            SubmissionVersion(
                submission=s,
                number=1,
                answers=s.answers,
                created_at=s.submitted_at,
                created_by=s.submitted_by,
                on_behalf=s.on_behalf,
            )
            for s in submissions
        ),
        batch_size=1000,
    )


def _like_asn(rng: Random, today: dt.date, tz: str, actor) -> dict:
    if Campaign.objects.filter(slug=LIKE_ASN).exists():
        return {"created": False}
    campaign = _create(LIKE_ASN_SET, today, tz, actor)
    now = _now_for(today, tz)
    targets = list(
        targeted_pegawai(campaign)
        .order_by("pk")
        .values_list(
            "pk",
            "opd_id",
            "opd__name",
            "nip",
            "gelar_depan",
            "nama",
            "gelar_belakang",
            "golongan__code",
            "golongan__pangkat",
            "jabatan",
            "user_id",
        )
    )
    skp = dict(
        RiwayatSkp.objects.filter(tahun=2025, pegawai__in=[t[0] for t in targets]).values_list(
            "pegawai", "predikat"
        )
    )
    rates = _rates(rng, {t[1] for t in targets}, 0.66, 0.93)
    keep_open = _demo_logins_left_open()
    labels = {p.value: p.label for p in Predikat}
    chosen = []
    for row in targets:
        pk, opd_id, *_rest, user_id = row
        if user_id is not None and user_id in keep_open:
            continue  # the demo login keeps something to do: its campaign is still open
        if rng.random() < rates[opd_id]:
            chosen.append(row)
    # Documents are owned by their upload session: create the sessions first (ids needed).
    fallback_user = _fallback_user(actor)
    sessions = []
    files = []
    submissions = []
    store = storage()
    for pk, opd_id, opd_name, nip, depan, nama, belakang, gol, pangkat, jabatan, _user in chosen:
        submitted_at = _when(rng, campaign.opens_at, now)
        nama_lengkap = _nama_lengkap(depan, nama, belakang)
        predikat = labels.get(skp.get(pk, ""), "") or rng.choice(PREDIKAT_OPTIONS[:2])
        data = tiny_pdf(
            [
                "Dokumen Penilaian Kinerja Tahun 2025",
                f"Nama: {nama_lengkap}",
                f"NIP: {nip}",
                f"OPD: {opd_name}",
                f"Predikat kinerja: {predikat}",
                "Dokumen sintetis untuk demo Pelita.",
            ]
        )
        storage_name = f"{STORAGE_DIR}/{now:%Y}/{now:%m}/{secrets.token_hex(16)}.pdf"
        filename = f"laporan-kinerja-2025-{nip}.pdf"
        files.append((storage_name, data))
        sessions.append(
            UploadSession(
                campaign=campaign,
                pegawai_id=pk,
                question_code="laporan_kinerja",
                user_id=_user or fallback_user,
                filename=filename,
                size=len(data),
                received=len(data),
                status=UploadSession.Status.COMPLETE,
                created_at=submitted_at,
                updated_at=submitted_at,
            )
        )
        status = _status(rng, submitted_at, now)
        submissions.append(
            Submission(
                campaign=campaign,
                pegawai_id=pk,
                opd_id=opd_id,
                status=status,
                answers={
                    "nama": nama_lengkap,
                    "nip": nip,
                    "opd": opd_name,
                    "golongan": _golongan_label(gol, pangkat),
                    "jabatan": jabatan,
                    "konfirmasi_data": "ya" if rng.random() < 0.96 else "tidak",
                    "predikat_skp": predikat,
                },
                submitted_by_id=_user,
                submitted_at=submitted_at,
                updated_at=submitted_at,
                **_review_fields(status, submitted_at, now, actor),
            )
        )
    sessions = _bulk_sessions(sessions)
    content_type = ContentType.objects.get_for_model(UploadSession)
    documents = []
    for session, (storage_name, data) in zip(sessions, files, strict=True):
        # Through the storage, not a path: the demo also seeds an S3 bucket (PELITA_STORAGE=s3).
        storage_name = store.save(storage_name, ContentFile(data))
        documents.append(
            Document(
                content_type=content_type,
                object_id=session.pk,
                kind=Document.Kind.ISIAN_KAMPANYE,
                original_name=session.filename,
                mime_type="application/pdf",
                size=len(data),
                sha256=hashlib.sha256(data).hexdigest(),
                storage_name=storage_name,
                uploaded_by_id=session.user_id,
                uploaded_at=session.created_at,
            )
        )
    documents = Document.objects.bulk_create(documents, batch_size=1000)
    if documents and documents[0].pk is None:  # a backend that returns no ids
        by_name = dict(
            Document.objects.filter(storage_name__in=[d.storage_name for d in documents]).values_list(
                "storage_name", "pk"
            )
        )
        for document in documents:
            document.pk = by_name[document.storage_name]
    for document, submission in zip(documents, submissions, strict=True):
        submission.answers["laporan_kinerja"] = document.pk
    # One UPDATE … FROM subquery instead of a bulk_update of thousands of rows.
    UploadSession.objects.filter(campaign=campaign).update(
        document=Subquery(
            Document.objects.filter(content_type=content_type, object_id=OuterRef("pk")).values("pk")[:1]
        )
    )
    _write_versions(submissions)
    return _summarise(campaign, submissions, len(targets), actor, files=len(documents))


def _demo_logins_left_open() -> set[int]:
    from django.contrib.auth import get_user_model

    return set(get_user_model().objects.filter(username="pegawai.dinkes").values_list("pk", flat=True))


def _fallback_user(actor):
    """Upload sessions need a user: the employee's own account, else the seeding actor or the admin."""
    if actor is not None:
        return actor.pk
    from django.contrib.auth import get_user_model

    user = (
        get_user_model().objects.filter(username="admin").first()
        or get_user_model().objects.order_by("pk").first()
    )
    return user.pk


def _bulk_sessions(sessions: list[UploadSession]) -> list[UploadSession]:
    created = UploadSession.objects.bulk_create(sessions, batch_size=1000)
    if created and created[0].pk is None:
        by_token = dict(
            UploadSession.objects.filter(token__in=[s.token for s in created]).values_list("token", "pk")
        )
        for session in created:
            session.pk = by_token[session.token]
    return created


def _review_fields(status, submitted_at, now, actor) -> dict:
    if status == Submission.Status.SUBMITTED:
        return {}
    reviewed_at = min(submitted_at + dt.timedelta(days=2), now)
    fields = {"reviewed_at": reviewed_at, "reviewed_by": actor}
    if status == Submission.Status.NEEDS_FIX:
        fields |= {
            "fix_reason": "Dokumen belum ditandatangani atasan langsung; unggah ulang yang sudah ditandatangani.",
            "fix_deadline": now + dt.timedelta(days=7),
        }
    return fields


def _si_jafung(rng: Random, today: dt.date, tz: str, actor) -> dict:
    if Campaign.objects.filter(slug=SI_JAFUNG).exists():
        return {"created": False}
    campaign = _create(SI_JAFUNG_SET, today, tz, actor)
    now = _now_for(today, tz)
    targets = list(
        targeted_pegawai(campaign)
        .order_by("pk")
        .values_list(
            "pk",
            "opd_id",
            "gelar_depan",
            "nama",
            "gelar_belakang",
            "jabatan_fungsional__name",
            "jenjang",
            "tmt_golongan",
            "user_id",
        )
    )
    latest_ak: dict[int, tuple[str, object]] = {}
    for pegawai_id, jenjang, kumulatif in (
        RiwayatAngkaKredit.objects.filter(pegawai__in=[t[0] for t in targets])
        .order_by("pegawai_id", "tahun", "pk")
        .values_list("pegawai_id", "jenjang", "kumulatif")
    ):
        latest_ak[pegawai_id] = (jenjang, kumulatif)
    opd_ids = {t[1] for t in targets}
    rates = _rates(rng, opd_ids, 0.60, 0.92)
    keep_open = _demo_logins_left_open()
    # How often an OPD's officials sit outside the job map / carry extra duties.
    misplaced = {opd_id: rng.choice((0.04, 0.08, 0.12, 0.25, 0.35)) for opd_id in sorted(opd_ids)}
    extra = {opd_id: rng.choice((0.10, 0.18, 0.30, 0.45)) for opd_id in sorted(opd_ids)}
    as_of = now.date()
    submissions = []
    for pk, opd_id, depan, nama, belakang, jf_name, jenjang, tmt_golongan, user_id in targets:
        if user_id is not None and user_id in keep_open:
            continue
        if rng.random() >= rates[opd_id]:
            continue
        submitted_at = _when(rng, campaign.opens_at, now)
        answers = {
            "nama": _nama_lengkap(depan, nama, belakang),
            "jabatan_fungsional": jf_name or "",
            "jenjang": jenjang,
            "tmt_golongan": _date_id(tmt_golongan),
        }
        if tmt_golongan:
            answers["tahun_dalam_pangkat"] = max(0, (as_of - tmt_golongan).days // 365)
        else:
            answers["tahun_dalam_pangkat"] = rng.randint(0, 6)
        progress = _ak_progress(jenjang, latest_ak.get(pk))
        if progress is not None:
            answers["progres_angka_kredit"] = progress
        answers["sesuai_peta_jabatan"] = "tidak" if rng.random() < misplaced[opd_id] else "ya"
        if rng.random() < extra[opd_id]:
            answers["tugas_tambahan"] = "ya"
            answers["tugas_tambahan_uraian"] = rng.choice(URAIAN)
        else:
            answers["tugas_tambahan"] = "tidak"
        stuck = answers["tahun_dalam_pangkat"] > 4
        answers["kendala"] = (
            rng.choice(KENDALA[1:4])
            if stuck
            else KENDALA[5]
            if answers["tugas_tambahan"] == "ya" and rng.random() < 0.5
            else rng.choice(KENDALA[:1] * 3 + KENDALA[3:5])
        )
        status = _status(rng, submitted_at, now)
        submissions.append(
            Submission(
                campaign=campaign,
                pegawai_id=pk,
                opd_id=opd_id,
                status=status,
                answers=answers,
                submitted_by_id=user_id,
                submitted_at=submitted_at,
                updated_at=submitted_at,
                **_review_fields(status, submitted_at, now, actor),
            )
        )
    _write_versions(submissions)
    return _summarise(campaign, submissions, len(targets), actor)


_MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def _date_id(value: dt.date | None) -> str:
    # What facts_of shows on the form ("17 Agustus 2026"), without depending on the active language.
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}" if value else ""


def _ak_progress(jenjang: str, latest) -> int | None:
    """Percent of the next rank's AKK held in the current jenjang; None when unknown."""
    if latest is None:
        return None
    ak_jenjang, kumulatif = latest
    try:
        target = akk_kenaikan_pangkat(Jenjang(jenjang))
    except ValueError:
        return None
    if not target or kumulatif is None or ak_jenjang != jenjang:
        return 0 if target and ak_jenjang != jenjang else None
    return min(300, round(Fraction(str(kumulatif)) * 100 / target))


def _summarise(campaign, submissions, targets: int, actor, files: int = 0) -> dict:
    counts = defaultdict(int)
    for s in submissions:
        counts[s.status] += 1
    summary = {
        "created": True,
        "targets": targets,
        "submissions": len(submissions),
        "files": files,
        **{str(k): v for k, v in sorted(counts.items())},
    }
    record(
        actor=actor,
        event="kampanye.demo_dimuat",
        obj=campaign,
        object_repr=f"Kampanye demo {campaign.slug}",
        after=summary,
    )
    return summary
