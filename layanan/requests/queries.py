"""Every read of service requests, scoped to what the user may see.

Who sees which requests:
- a Pegawai: their own (``pegawai.user`` is them), whoever opened it;
- an Operator OPD (submit_on_behalf): every request of their OPD (the OPD snapshot on the
  request, ``org.units.queries.opds_for_user``);
- BKD staff with view_all_requests (the chain officials, Admin): all;
- anyone else: none.
One request outside the scope is a 404, so its existence is not revealed.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from accounts.roles import Capability
from core.models import Document
from core.permissions import user_can
from layanan.models import Request, RequestDocument, RequestStep, Service
from org.units.queries import opds_for_user
from people.models import (
    Pegawai,
    RiwayatAngkaKredit,
    RiwayatDiklat,
    RiwayatGolongan,
    RiwayatJabatan,
    RiwayatPendidikan,
    RiwayatSkp,
    SertifikatUjian,
)
from people.records.queries import may_act_for

# The history rows whose scans an applicant may attach instead of uploading again.
FILE_OWNER_MODELS = (
    RiwayatGolongan,
    RiwayatJabatan,
    RiwayatPendidikan,
    RiwayatDiklat,
    RiwayatSkp,
    SertifikatUjian,
)


def requests_for_user(user) -> QuerySet[Request]:
    if not user.is_authenticated:
        return Request.objects.none()
    if user_can(user, Capability.VIEW_ALL_REQUESTS):
        return Request.objects.all()
    scope = Q(pegawai__user=user)
    if user_can(user, Capability.SUBMIT_ON_BEHALF):
        scope |= Q(opd__in=opds_for_user(user))
    return Request.objects.filter(scope)


def list_requests_for_user(user, *, q: str = "", service=None, status: str = "") -> QuerySet[Request]:
    """The request list: newest first, with what every row shows joined in."""
    requests = requests_for_user(user).select_related("service", "pegawai", "opd", "step")
    q = q.strip()
    if q:
        digits = q.replace(" ", "")
        match = Q(number__icontains=q) | Q(pegawai__nama__icontains=q)
        if digits.isdigit():
            match |= Q(pegawai__nip__contains=digits)
        requests = requests.filter(match)
    if service:
        requests = requests.filter(service=service)
    if status:
        requests = requests.filter(status=status)
    return requests.order_by("-created_at", "-id")


def get_request_for_user(user, number: str) -> Request:
    """The request ``number`` if the user may see it, with its header joined in; else 404."""
    return get_object_or_404(
        requests_for_user(user).select_related(
            "service", "pegawai", "pegawai__golongan", "opd", "created_by", "step"
        ),
        number=number.strip().upper(),
    )


def find_pegawai_for_applicant(user, nip: str) -> Pegawai | None:
    """The employee with ``nip`` whom ``user`` may act for (their own, or in their OPD)."""
    nip = nip.replace(" ", "")
    if not nip.isdigit():
        return None
    pegawai = Pegawai.objects.select_related("opd").filter(nip=nip).first()
    if pegawai is None or not may_act_for(user, pegawai):
        return None
    return pegawai


def on_behalf_choices(user, *, limit: int = 500) -> list[Pegawai]:
    """Suggestions for the Operator OPD's employee picker (a <datalist>; the NIP decides)."""
    if not user_can(user, Capability.SUBMIT_ON_BEHALF):
        return []
    return list(
        Pegawai.objects.filter(opd__in=opds_for_user(user), status=Pegawai.Status.AKTIF)
        .only("nip", "nama", "gelar_depan", "gelar_belakang")
        .order_by("nama", "nip")[:limit]
    )


def active_service(slug: str) -> Service:
    return get_object_or_404(Service.objects.filter(active=True), slug=slug)


def with_eligibility_data(pegawai_qs: QuerySet[Pegawai]) -> QuerySet[Pegawai]:
    """The histories layanan.requests.rules reads: one query each, whatever their length."""
    return pegawai_qs.select_related(
        "golongan", "jabatan_fungsional", "opd", "opd__instansi"
    ).prefetch_related(
        "riwayat_diklat",
        "sertifikat_ujian",
        "riwayat_hukdis",
        "riwayat_skp",
        "riwayat_pendidikan",
        Prefetch("riwayat_angka_kredit", queryset=RiwayatAngkaKredit.objects.order_by("tahun", "pk")),
    )


def pegawai_for_eligibility(pegawai: Pegawai) -> Pegawai:
    return with_eligibility_data(Pegawai.objects.filter(pk=pegawai.pk)).get()


def request_documents(request: Request) -> dict[int, RequestDocument]:
    """The documents given for ``request``, by requirement id (one query)."""
    return {
        rd.requirement_id: rd
        for rd in RequestDocument.objects.filter(request=request).select_related("document", "requirement")
    }


def request_trail(request: Request) -> list[RequestStep]:
    return list(
        RequestStep.objects.filter(request=request)
        .select_related("step", "acted_by")
        .order_by("started_at", "id")
    )


def file_documents(pegawai: Pegawai, kinds) -> QuerySet[Document]:
    """Scans on ``pegawai``'s history rows of the given kinds, newest first, in one query."""
    kinds = [k for k in kinds if k]
    if not kinds:
        return Document.objects.none()
    types = ContentType.objects.get_for_models(*FILE_OWNER_MODELS)
    owned = Q()
    for model, content_type in types.items():
        owned |= Q(
            content_type=content_type, object_id__in=model.objects.filter(pegawai=pegawai).values("pk")
        )
    return Document.objects.filter(owned, kind__in=kinds).order_by("-uploaded_at", "-id")


def document_of_request(request: Request, pk: int) -> Document:
    """A document given for ``request`` (uploaded, or taken from the file); else 404."""
    return get_object_or_404(
        RequestDocument.objects.select_related("document"), request=request, document_id=pk
    ).document
