"""Every write of the applicant's side of a request: open a draft, answer, give documents,
submit. The officials' side (transitions, resubmission) is layanan/actions.py.

Who may write: the employee themself, or an Operator OPD for an employee of their OPD
(``people.records.queries.may_act_for``); then ``created_by`` is the operator and the audit row
says "atas nama". Answers change only in a draft; documents also while the request is
returned to the applicant (the verifier asked for a missing or wrong one).
"""

from __future__ import annotations

import secrets

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.audit import record, snapshot
from core.documents import DocumentRejected, do_attach_document, do_delete_document, format_mb
from core.models import Document
from core.notifications.actions import do_notify
from layanan.models import Request, RequestDocument, RequestStep, Requirement, Service
from layanan.requests import rules as eligibility
from layanan.requests.forms import answer_definitions
from layanan.requests.queries import FILE_OWNER_MODELS, pegawai_for_eligibility
from layanan.sla.rules import request_due, step_due
from org.calendar.queries import office_calendar_for
from people.records.queries import may_act_for

# No 0/O, 1/I/L: the number is read out on the phone and typed into the tracker.
NUMBER_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
NUMBER_RANDOM = 5
REQUEST_FIELDS = ("number", "service", "pegawai", "opd", "created_by", "status", "previous")


class RequestError(ValueError):
    """A request cannot change this way; the message is Indonesian and shown as is."""


class NotEditable(RequestError):
    pass


class MissingDocuments(RequestError):
    def __init__(self, requirements):
        self.requirements = list(requirements)
        names = "; ".join(r.name for r in self.requirements)
        super().__init__(_("Berkas wajib belum diunggah: %(names)s.") % {"names": names})


class NotEligible(RequestError):
    def __init__(self, result: eligibility.Result):
        self.result = result
        super().__init__(
            _("Permohonan belum memenuhi syarat: %(reasons)s")
            % {"reasons": " ".join(r.message for r in result.hard_failures)}
        )


def number_prefix(service: Service) -> str:
    """Initials of the service name: "Izin Belajar" → "IB", "Kenaikan Pangkat Reguler" → "KPR"."""
    initials = "".join(word[0] for word in service.name.split() if word[:1].isalpha())
    return (initials.upper() or "PL")[:4]


def new_number(service: Service) -> str:
    """``IB-2611-7K3QZ``: prefix, year and month, 5 random characters (31^5 ≈ 28.6 million a month)."""
    stamp = timezone.localdate().strftime("%y%m")
    for _attempt in range(10):
        tail = "".join(secrets.choice(NUMBER_ALPHABET) for _i in range(NUMBER_RANDOM))
        number = f"{number_prefix(service)}-{stamp}-{tail}"
        if not Request.objects.filter(number=number).exists():
            return number
    raise RuntimeError("no free request number after 10 attempts")  # pragma: no cover


def _ensure_applicant(request_or_pegawai, actor) -> None:
    pegawai = getattr(request_or_pegawai, "pegawai", request_or_pegawai)
    if not may_act_for(actor, pegawai):
        raise PermissionDenied


def _on_behalf(pegawai, actor) -> dict:
    """The audit note for an operator acting for someone else."""
    if pegawai.user_id == actor.pk:
        return {}
    return {"atas_nama": f"{pegawai.nip} {pegawai.nama}"}


def _ensure_draft(request: Request) -> None:
    if request.status != Request.Status.DRAFT:
        raise NotEditable(_("Permohonan yang sudah diajukan tidak dapat diubah."))


def _ensure_documents_editable(request: Request) -> None:
    if request.status not in (Request.Status.DRAFT, Request.Status.RETURNED):
        raise NotEditable(_("Berkas hanya dapat diubah selama permohonan masih draf atau dikembalikan."))


def _ensure_requirement(request: Request, requirement: Requirement) -> None:
    if requirement.service_id != request.service_id:
        raise RequestError(_("Persyaratan ini bukan milik layanan permohonan."))


@transaction.atomic
def do_create_request(service: Service, pegawai, *, actor) -> Request:
    """A draft request of ``pegawai`` for ``service``, opened by ``actor``."""
    _ensure_applicant(pegawai, actor)
    if not service.active:
        raise RequestError(_("Layanan %(name)s sedang tidak dibuka.") % {"name": service.name})
    previous = None
    if service.previous_stage_id:
        # Tugas Belajar stage 2 continues a finished stage-1 request of the same employee.
        previous = (
            Request.objects.filter(
                service_id=service.previous_stage_id, pegawai=pegawai, status=Request.Status.DONE
            )
            .order_by("-finished_at", "-id")
            .first()
        )
        if previous is None:
            raise RequestError(
                _("Layanan ini memerlukan permohonan %(stage)s yang sudah selesai.")
                % {"stage": service.previous_stage.name}
            )
    request = Request(
        number=new_number(service),
        service=service,
        pegawai=pegawai,
        opd_id=pegawai.opd_id,
        created_by=actor,
        previous=previous,
    )
    request.full_clean()
    request.save()
    record(
        actor=actor,
        event="permohonan.dibuat",
        obj=request,
        after={**snapshot(request, REQUEST_FIELDS), **_on_behalf(pegawai, actor)},
    )
    return request


@transaction.atomic
def do_update_request_answers(request: Request, answers: dict, *, actor) -> bool:
    """Store the service-specific answers of a draft; False if nothing changed."""
    _ensure_applicant(request, actor)
    _ensure_draft(request)
    known = {d.code for d in answer_definitions(request.service)}
    unknown = sorted(set(answers) - known)
    if unknown:
        raise RequestError(_("Isian tidak dikenal: %(names)s.") % {"names": ", ".join(unknown)})
    new = {k: v for k, v in answers.items() if v not in ("", None)}
    if new == request.answers:
        return False
    before = request.answers
    request.answers = new
    request.save(update_fields=["answers"])
    record(
        actor=actor,
        event="permohonan.isian_diubah",
        obj=request,
        before={"answers": before},
        after={"answers": new, **_on_behalf(request.pegawai, actor)},
    )
    return True


def _check_size(requirement: Requirement, uploaded_file) -> None:
    if requirement.max_kb and (uploaded_file.size or 0) > requirement.max_kb * 1024:
        raise DocumentRejected(
            _("Ukuran berkas %(size)s MB melebihi batas %(limit)s KB untuk persyaratan ini.")
            % {"size": format_mb(uploaded_file.size), "limit": requirement.max_kb}
        )


def _owned_by(document: Document, request: Request) -> bool:
    return document.content_type.model_class() is Request and document.object_id == request.pk


def _replace(request: Request, requirement: Requirement, document: Document, *, actor) -> RequestDocument:
    """Point the requirement at ``document``; drop the old upload if this request owned it."""
    existing = (
        RequestDocument.objects.select_related("document__content_type")
        .filter(request=request, requirement=requirement)
        .first()
    )
    if existing is None:
        return RequestDocument.objects.create(request=request, requirement=requirement, document=document)
    old = existing.document
    existing.document = document
    existing.added_at = timezone.now()
    existing.save(update_fields=["document", "added_at"])
    if _owned_by(old, request):
        do_delete_document(old, actor=actor)
    return existing


@transaction.atomic
def do_upload_request_document(request: Request, requirement: Requirement, uploaded_file, *, actor):
    """Upload the scan for one requirement (content-checked, private); replaces an earlier one."""
    _ensure_applicant(request, actor)
    _ensure_documents_editable(request)
    _ensure_requirement(request, requirement)
    _check_size(requirement, uploaded_file)
    document = do_attach_document(request, uploaded_file, kind=Document.Kind.PERSYARATAN, actor=actor)
    return _give(request, requirement, document, actor=actor, event="permohonan.berkas_diunggah")


def _give(request: Request, requirement: Requirement, document: Document, *, actor, event: str):
    """Put ``document`` on ``requirement`` and audit it (uploaded or taken from the file)."""
    given = _replace(request, requirement, document, actor=actor)
    record(
        actor=actor,
        event=event,
        obj=request,
        after={
            "requirement": requirement.name,
            "document": document.pk,
            "filename": document.original_name,
            **_on_behalf(request.pegawai, actor),
        },
    )
    return given


@transaction.atomic
def do_use_file_document(request: Request, requirement: Requirement, document: Document, *, actor):
    """Give a scan already in the employee's file (e.g. the last SK pangkat) for a requirement."""
    _ensure_applicant(request, actor)
    _ensure_documents_editable(request)
    _ensure_requirement(request, requirement)
    if not requirement.from_file_kind or document.kind != requirement.from_file_kind:
        raise RequestError(_("Dokumen arsip ini tidak sesuai dengan persyaratan tersebut."))
    owner_model = document.content_type.model_class()
    owner = (
        owner_model.objects.filter(pk=document.object_id).first()
        if owner_model in FILE_OWNER_MODELS
        else None
    )
    if owner is None or owner.pegawai_id != request.pegawai_id:
        raise RequestError(_("Dokumen ini bukan arsip milik pegawai pemohon."))
    return _give(request, requirement, document, actor=actor, event="permohonan.berkas_dari_arsip")


@transaction.atomic
def do_remove_request_document(request: Request, requirement: Requirement, *, actor) -> bool:
    """Take the document off a requirement (the upload itself is deleted; a file scan stays)."""
    _ensure_applicant(request, actor)
    _ensure_documents_editable(request)
    given = (
        RequestDocument.objects.select_related("document__content_type")
        .filter(request=request, requirement=requirement)
        .first()
    )
    if given is None:
        return False
    document = given.document
    given.delete()
    if _owned_by(document, request):
        do_delete_document(document, actor=actor)
    record(
        actor=actor,
        event="permohonan.berkas_dihapus",
        obj=request,
        before={"requirement": requirement.name, "document": document.pk, "filename": document.original_name},
        after=_on_behalf(request.pegawai, actor),
    )
    return True


def missing_requirements(request: Request) -> list[Requirement]:
    given = set(RequestDocument.objects.filter(request=request).values_list("requirement_id", flat=True))
    return [
        r for r in request.service.requirements.order_by("order", "id") if r.required and r.pk not in given
    ]


def role_holders(role: str):
    return User.objects.filter(is_active=True, role_assignments__role=role).distinct()


@transaction.atomic
def do_submit_request(request: Request, *, actor) -> Request:
    """Submit a draft: documents complete, eligible by the hard rules; the SLA clock starts
    and the request lands in the inbox of the service's entry step.

    Raises MissingDocuments or NotEligible (nothing changes), NotEditable if not a draft.
    """
    _ensure_applicant(request, actor)
    # Lock the row: a double click must not submit twice or open two trail rows.
    locked = Request.objects.select_for_update().get(pk=request.pk)
    if locked.status != Request.Status.DRAFT:
        raise NotEditable(_("Permohonan ini sudah diajukan."))
    missing = missing_requirements(request)
    if missing:
        raise MissingDocuments(missing)
    pegawai = pegawai_for_eligibility(request.pegawai)
    verdict = eligibility.check(request.service, pegawai, timezone.localdate(), request.answers)
    if not verdict.eligible:
        raise NotEligible(verdict)
    entry = request.service.steps.get(is_entry=True)
    calendar = office_calendar_for(pegawai.opd.instansi)
    now = timezone.now()
    request.status = Request.Status.IN_PROCESS
    request.step = entry
    request.submitted_at = now
    request.due_at = request_due(request.service, now, calendar)
    request.eligibility = verdict.as_dict()
    request.version = locked.version + 1
    request.save(update_fields=["status", "step", "submitted_at", "due_at", "eligibility", "version"])
    RequestStep.objects.create(
        request=request, step=entry, started_at=now, due_at=step_due(entry, now, calendar)
    )
    record(
        actor=actor,
        event="permohonan.diajukan",
        obj=request,
        before={"status": Request.Status.DRAFT},
        after={
            "status": request.status,
            "step": entry.code,
            "submitted_at": now.isoformat(),
            "due_at": request.due_at.isoformat(),
            **_on_behalf(request.pegawai, actor),
        },
    )
    url = reverse("layanan:request_detail", args=[request.number])
    applicants = [u for u in (request.pegawai.user, request.created_by) if u is not None]
    do_notify(
        applicants,
        title=_("Permohonan %(number)s diajukan") % {"number": request.number},
        body=_("Permohonan %(service)s atas nama %(name)s diterima dan sedang diproses.")
        % {"service": request.service.name, "name": request.pegawai.nama_lengkap},
        url=url,
        actor=actor,
        event="layanan.submitted",
    )
    do_notify(
        role_holders(entry.role),
        title=_("Permohonan baru %(number)s: %(service)s")
        % {"number": request.number, "service": request.service.name},
        body=_("Permohonan menunggu di tahap %(step)s.") % {"step": entry.name},
        url=url,
        actor=actor,
        event="layanan.submitted",
    )
    return request
