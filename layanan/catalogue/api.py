"""REST endpoints of the public service catalogue (mounted by api/ under /api/v1/layanan):
the services open to the public and the 14 components of each Standar Pelayanan."""

from __future__ import annotations

from ninja import Router, Schema

from layanan.catalogue.queries import components_in_order, get_public_service, public_services

router = Router(tags=["layanan"])


class ServiceOut(Schema):
    kode: str
    nama: str
    ringkasan: str
    jangka_waktu: int
    satuan_waktu: str


class ComponentOut(Schema):
    kode: str
    nama: str
    isi: str


class RequirementOut(Schema):
    nama: str


class ServiceDetail(ServiceOut):
    standar_pelayanan: list[ComponentOut]
    persyaratan: list[RequirementOut]


def _service(service) -> dict:
    return {
        "kode": service.slug,
        "nama": service.name,
        "ringkasan": service.summary,
        "jangka_waktu": service.duration,
        "satuan_waktu": service.duration_unit,
    }


@router.get("", response=list[ServiceOut], summary="Katalog layanan")
def list_services(request):
    return [_service(s) for s in public_services()]


@router.get("/{kode}", response=ServiceDetail, summary="Satu layanan dengan standar pelayanannya")
def get_service(request, kode: str):
    service = get_public_service(kode)
    return {
        **_service(service),
        "standar_pelayanan": [
            {"kode": code, "nama": str(label), "isi": text}
            for code, label, text in components_in_order(service)
        ],
        "persyaratan": [{"nama": r.name} for r in service.requirements.all()],
    }
