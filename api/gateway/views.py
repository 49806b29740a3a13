"""The NinjaAPI of /api/v1/: the routers each capability contributes, each behind the token
scope it needs, every error in the one JSON shape, and the docs served from ninja's bundled
assets (``ninja`` in INSTALLED_APPS: Swagger UI from our own static files, no CDN)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from api.gateway.queries import TokenAuth
from api.gateway.rules import ERROR_STATUSES, ApiError, Galat
from campaigns.participation.api import router as campaigns
from helpdesk.tickets.api import router as helpdesk
from ipasn.scores.api import router as ipasn
from kpo.kgb.api import router as kpo_kgb
from kpo.pension.api import router as kpo_ppo
from kpo.periods.api import router as kpo
from layanan.catalogue.api import router as catalogue
from layanan.requests.api import router as requests
from layanan.requests.api import write_router as requests_write
from org.units.api import router as organisation
from people.records.api import router as pegawai


class PelitaApi(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        schema.setdefault("components", {}).setdefault("schemas", {})["Galat"] = Galat.model_json_schema()
        error = {"application/json": {"schema": {"$ref": "#/components/schemas/Galat"}}}
        for operations in schema["paths"].values():
            for operation in operations.values():
                responses = operation.setdefault("responses", {})
                for status, description in ERROR_STATUSES.items():
                    responses.setdefault(status, {"description": description, "content": error})
        return schema


api = PelitaApi(
    title="Pelita API",
    version="1",
    description="REST API Pelita untuk sistem instansi lain. Lihat docs/api.md.",
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/openapi.json",
    docs_decorator=login_not_required,
)

api.add_router("/pegawai", pegawai, auth=TokenAuth("read:pegawai"))
api.add_router("/organisasi", organisation, auth=TokenAuth("read:organisasi"))
api.add_router("/layanan", catalogue, auth=TokenAuth("read:layanan"))
# Before the read router: its /permohonan/{nomor} would take "atas-nama" for a number.
api.add_router("/permohonan/atas-nama", requests_write, auth=TokenAuth("write:layanan"))
api.add_router("/permohonan", requests, auth=TokenAuth("read:layanan"))
api.add_router("/kampanye", campaigns, auth=TokenAuth("read:kampanye"))
api.add_router("/ipasn", ipasn, auth=TokenAuth("read:ipasn"))
api.add_router("/helpdesk", helpdesk, auth=TokenAuth("read:helpdesk"))
api.add_router("/kpo", kpo, auth=TokenAuth("read:kpo"))
api.add_router("/kpo", kpo_ppo, auth=TokenAuth("read:kpo"))
api.add_router("/kpo", kpo_kgb, auth=TokenAuth("read:kpo"))


def _error(request, status: int, code: str, message: str, details=None, headers=None):
    response = api.create_response(
        request, {"kode": code, "pesan": message, "rincian": details}, status=status
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response


@api.exception_handler(ApiError)
def _api_error(request, exc: ApiError):
    return _error(request, exc.status, exc.code, exc.message, headers=exc.headers)


@api.exception_handler(AuthenticationError)
def _no_token(request, exc):
    return _error(request, 401, "token_tidak_ada", _("Sertakan token API: Authorization: Bearer <token>."))


@api.exception_handler(Http404)
def _not_found(request, exc):
    return _error(request, 404, "tidak_ditemukan", _("Data tidak ditemukan atau di luar cakupan token."))


@api.exception_handler(PermissionDenied)
def _forbidden(request, exc):
    return _error(request, 403, "tidak_diizinkan", _("Token ini tidak diizinkan membaca data ini."))


@api.exception_handler(NinjaValidationError)
def _invalid(request, exc: NinjaValidationError):
    details = [
        {"lokasi": list(map(str, e.get("loc", []))), "pesan": str(e.get("msg", ""))} for e in exc.errors
    ]
    return _error(request, 422, "isian_tidak_sah", _("Isian permintaan tidak sah."), details)


@api.exception_handler(ValidationError)
def _domain_invalid(request, exc: ValidationError):
    return _error(request, 422, "isian_tidak_sah", " ".join(exc.messages))


@api.exception_handler(HttpError)
def _http_error(request, exc: HttpError):
    if exc.status_code == 429:  # an app's own limit (the helpdesk's failed lookups): its message says when
        return _error(request, 429, "batas_permintaan", str(exc))
    return _error(request, exc.status_code, "permintaan_tidak_sah", _("Permintaan tidak dapat diproses."))


def urlpatterns():
    """The API's URL patterns, open to requests without a session: the token is the login."""
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        pattern.callback.login_required = False
    return patterns, app_name, namespace
