"""REST endpoints of the organisation (mounted by api/ under /api/v1/organisasi): the OPDs the
client may see (org.units.queries.opds_for_user) and their unit kerja."""

from __future__ import annotations

from ninja import Router, Schema

from org.units.queries import get_opd_for_user, list_opds_for_user

router = Router(tags=["organisasi"])


class UnitOut(Schema):
    id: int
    nama: str
    induk: int | None


class OpdOut(Schema):
    id: int
    kode: str
    nama: str
    singkatan: str
    aktif: bool
    instansi: str


class OpdDetail(OpdOut):
    unit_kerja: list[UnitOut]


def _opd(opd) -> dict:
    return {
        "id": opd.pk,
        "kode": opd.code,
        "nama": opd.name,
        "singkatan": opd.short_name,
        "aktif": opd.is_active,
        "instansi": opd.instansi.name,
    }


@router.get("/opd", response=list[OpdOut], summary="Daftar OPD")
def list_opd(request):
    return [_opd(opd) for opd in list_opds_for_user(request.auth)]


@router.get("/opd/{opd_id}", response=OpdDetail, summary="Satu OPD dengan unit kerjanya")
def get_opd(request, opd_id: int):
    opd = get_opd_for_user(request.auth, opd_id)
    units = opd.units.order_by("name").values_list("pk", "name", "parent_id")
    return {
        **_opd(opd),
        "unit_kerja": [{"id": pk, "nama": name, "induk": parent} for pk, name, parent in units],
    }
