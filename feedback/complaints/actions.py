"""Every write of the complaint register: filing (public or entered by staff), routing,
moving through the states, closing with an answer, escalating overdue complaints, and
turning a survey suggestion into a complaint.

Each action is one transaction with one audit row per complaint; e-mail to the
complainant goes out on commit, and never to an anonymous complainant.
"""

from __future__ import annotations

import secrets
from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.roles import CAPABILITIES, Capability
from core.audit import record, snapshot
from core.documents import do_attach_document
from core.models import Document
from core.notifications.actions import do_notify
from feedback.complaints import rules
from feedback.models import Complaint, ComplaintStep, SurveyResponse
from org.calendar.queries import office_calendar_for
from org.models import Instansi
from regulations.sla import DEFAULT_OFFICE_HOURS, OfficeCalendar

FIELDS = (
    "number",
    "channel",
    "lapor_number",
    "service",
    "opd",
    "subject",
    "anonymous",
    "status",
    "due_at",
)
# Crockford's alphabet: no I, L, O, U, nothing a reader mistakes for another character.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
ESCALATION_EVENT = "pengaduan.dieskalasi"


class ComplaintRefused(ValueError):
    """A move the complaint's state does not allow; nothing changed."""


def _new_number(now) -> str:
    # 40 random bits: the public status page needs only the number, so it must not be guessable.
    tail = "".join(secrets.choice(_ALPHABET) for _ in range(8))
    return f"ADU-{now:%y%m}-{tail}"


def _calendar() -> OfficeCalendar:
    """The office calendar deadlines count on: the installation's instansi (one per
    installation, docs/installation.md), or the standard week before one is set up."""
    instansi = Instansi.objects.order_by("pk").first()
    if instansi is None:
        return OfficeCalendar(hours=DEFAULT_OFFICE_HOURS, holidays=frozenset())
    return office_calendar_for(instansi)


def status_url(complaint: Complaint) -> str:
    return reverse("feedback:complaint_status") + f"?nomor={complaint.number}"


def managers():
    """Who manages complaints: the holders of a role carrying MANAGE_COMPLAINTS."""
    roles = [role for role, caps in CAPABILITIES.items() if Capability.MANAGE_COMPLAINTS in caps]
    return User.objects.filter(is_active=True, role_assignments__role__in=roles).distinct()


def _mail_complainant(complaint: Complaint, subject: str, body: str) -> None:
    """On commit, to the complainant's e-mail; an anonymous complaint gets none."""
    if complaint.anonymous or not complaint.email:
        return
    link = f"{settings.PELITA_BASE_URL.rstrip('/')}{status_url(complaint)}"
    message = f"{body}\n\n{link}"
    transaction.on_commit(
        partial(
            send_mail, subject, message, settings.DEFAULT_FROM_EMAIL, [complaint.email], fail_silently=True
        )
    )


def _step(complaint: Complaint, note: str, actor) -> None:
    ComplaintStep.objects.create(
        complaint=complaint,
        status=complaint.status,
        at=timezone.now(),
        note=note,
        acted_by=actor if actor is not None and actor.is_authenticated else None,
    )


@transaction.atomic
def do_file_complaint(
    *,
    channel: str,
    subject: str,
    body: str,
    actor,
    service=None,
    opd=None,
    anonymous: bool = False,
    name: str = "",
    email: str = "",
    phone: str = "",
    lapor_number: str = "",
    complainant=None,
    received_at=None,
    attachments=(),
    from_response: SurveyResponse | None = None,
) -> Complaint:
    """Register a complaint: number, deadline from its channel, routed to ``opd`` when the
    complaint names one (else BKD routes it at verification). ``actor`` is the staff member
    who entered it, or the logged-in complainant, or None for the public form."""
    now = received_at or timezone.now()
    if channel not in rules.channels():
        raise ComplaintRefused(_("Saluran pengaduan tidak dikenal."))
    if channel != rules.LAPOR:
        lapor_number = ""
    if anonymous:
        name, email, phone, complainant = "", "", "", None
    complaint = Complaint(
        number=_new_number(now),
        channel=channel,
        lapor_number=lapor_number.strip(),
        service=service,
        opd=opd,
        subject=subject.strip(),
        body=body.strip(),
        anonymous=anonymous,
        name=name.strip(),
        email=email.strip(),
        phone=phone.strip(),
        complainant=complainant,
        entered_by=actor if actor is not None and actor.is_authenticated else None,
        received_at=now,
        due_at=rules.due_at(channel, now, _calendar()),
        from_response=from_response,
    )
    complaint.full_clean()
    complaint.save()
    _step(complaint, "", actor)
    record(actor=actor, event="pengaduan.diterima", obj=complaint, after=snapshot(complaint, FIELDS))
    for upload in attachments:
        do_attach_document(complaint, upload, kind=Document.Kind.LAINNYA, actor=actor)
    do_notify(
        managers(),
        title=_("Pengaduan baru %(number)s") % {"number": complaint.number},
        body=complaint.subject,
        url=reverse("feedback:complaint_detail", args=[complaint.number]),
        actor=actor,
        event="pengaduan.diberitahukan",
    )
    _mail_complainant(
        complaint,
        _("Pengaduan %(number)s diterima") % {"number": complaint.number},
        _(
            "Pengaduan Anda kami terima dengan nomor %(number)s. Simpan nomor ini untuk melihat "
            "perkembangannya."
        )
        % {"number": complaint.number},
    )
    return complaint


def _locked(complaint: Complaint) -> Complaint:
    return Complaint.objects.select_for_update().get(pk=complaint.pk)


_LABELS = dict(Complaint.Status.choices)


def _move(complaint: Complaint, target: str, *, note: str, actor, changes: dict | None = None) -> Complaint:
    complaint = _locked(complaint)
    if not rules.may_move(complaint.status, target):
        raise ComplaintRefused(
            _("Pengaduan %(number)s berstatus %(status)s: tidak dapat menjadi %(target)s.")
            % {
                "number": complaint.number,
                "status": complaint.get_status_display(),
                "target": _LABELS[target],
            }
        )
    fields = ["status", *(changes or {})]
    before = snapshot(complaint, fields)
    complaint.status = target
    for name, value in (changes or {}).items():
        setattr(complaint, name, value)
    if target in rules.CLOSED:
        complaint.closed_at = timezone.now()
        fields.append("closed_at")
    complaint.save(update_fields=list(dict.fromkeys(fields)))
    _step(complaint, note, actor)
    after = snapshot(complaint, fields)
    if note:
        after["note"] = note
    record(actor=actor, event=f"pengaduan.{target}", obj=complaint, before=before, after=after)
    values = {"number": complaint.number, "status": _LABELS[target]}
    body = _("Status pengaduan %(number)s sekarang: %(status)s.") % values
    if note:
        body += "\n\n" + note
    if complaint.complainant_id:
        do_notify(
            [complaint.complainant],
            title=_("Pengaduan %(number)s: %(status)s") % values,
            body=body,
            url=reverse("feedback:complaint_detail", args=[complaint.number]),
            actor=actor,
            event="pengaduan.pengadu_diberitahu",
        )
    _mail_complainant(complaint, _("Pengaduan %(number)s: %(status)s") % values, body)
    return complaint


@transaction.atomic
def do_verify_complaint(complaint: Complaint, *, opd=None, note: str = "", actor) -> Complaint:
    """Checked and routed: to ``opd`` (the OPD concerned) or kept at BKD (None)."""
    return _move(complaint, rules.DIVERIFIKASI, note=note.strip(), actor=actor, changes={"opd": opd})


@transaction.atomic
def do_follow_up_complaint(complaint: Complaint, *, note: str, actor) -> Complaint:
    return _move(complaint, rules.DITINDAKLANJUTI, note=note.strip(), actor=actor)


@transaction.atomic
def do_close_complaint(complaint: Complaint, *, answer: str, actor) -> Complaint:
    """Done: the closing answer goes to the complainant (status page, notification, e-mail)."""
    answer = answer.strip()
    if not answer:
        raise ComplaintRefused(_("Tulis jawaban penutup untuk pengadu."))
    return _move(complaint, rules.SELESAI, note=answer, actor=actor, changes={"answer": answer})


@transaction.atomic
def do_reject_complaint(complaint: Complaint, *, reason: str, actor) -> Complaint:
    """Tidak dapat ditindaklanjuti, with the reason the complainant reads."""
    reason = reason.strip()
    if not reason:
        raise ComplaintRefused(_("Tulis alasan pengaduan tidak dapat ditindaklanjuti."))
    return _move(complaint, rules.TIDAK_DAPAT, note=reason, actor=actor, changes={"reason": reason})


@transaction.atomic
def do_escalate_complaints(*, now=None, actor=None) -> list[Complaint]:
    """Open complaints past their deadline and not yet escalated: marked and reported to the
    complaint managers (one notification for the batch). ``check_complaints`` runs it."""
    now = now or timezone.now()
    overdue = list(
        Complaint.objects.select_for_update()
        .exclude(status__in=rules.CLOSED)
        .filter(due_at__lt=now, escalated_at__isnull=True)
        .order_by("due_at")
    )
    for complaint in overdue:
        complaint.escalated_at = now
        complaint.save(update_fields=["escalated_at"])
        record(
            actor=actor,
            event=ESCALATION_EVENT,
            obj=complaint,
            before={"escalated_at": None},
            after={"escalated_at": now.isoformat(), "due_at": complaint.due_at.isoformat()},
        )
    if overdue:
        numbers = ", ".join(c.number for c in overdue)
        do_notify(
            managers(),
            title=_("%(count)s pengaduan melewati batas waktu jawaban") % {"count": len(overdue)},
            body=numbers,
            url=reverse("feedback:complaint_list") + "?terlambat=1",
            actor=actor,
            event="pengaduan.eskalasi_diberitahukan",
        )
    return overdue


@transaction.atomic
def do_complaint_from_suggestion(response: SurveyResponse, *, actor) -> Complaint:
    """A survey suggestion becomes a complaint (anonymous: the survey asked for no identity)."""
    response = (
        SurveyResponse.objects.select_for_update(of=("self",)).select_related("service").get(pk=response.pk)
    )
    existing = Complaint.objects.filter(from_response=response).first()
    if existing is not None:
        return existing
    if not response.suggestion.strip():
        raise ComplaintRefused(_("Jawaban survei ini tidak memuat saran."))
    subject = response.suggestion.strip().splitlines()[0][:120]
    return do_file_complaint(
        channel=rules.SURVEY,
        subject=subject,
        body=response.suggestion,
        service=response.service,
        anonymous=True,
        actor=actor,
        from_response=response,
    )
