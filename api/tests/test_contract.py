"""Contract fuzzing: schemathesis drives every operation of the live OpenAPI schema through the
WSGI app with a real token for every scope, and with one restricted to OPD A. Zero 5xx,
every response matches the schema (the one error shape included), and the restricted token
never receives a row of another OPD. Examples are few (it runs in ``make test`` twice)."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from people.tests.factories import make_pegawai

SCOPES = [
    "read:pegawai",
    "read:organisasi",
    "read:layanan",
    "write:layanan",
    "read:kampanye",
    "read:ipasn",
    "read:kpo",
    "read:helpdesk",
]
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


# Loaded at collection from the running app (serving the schema needs no database); the
# lazy fixture loader of schemathesis does not run on pytest 9.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def _keep_test_connection():
    """The WSGI app closes "old" connections around each request, which on PostgreSQL ends
    the test's transaction; Django's test client switches that off the same way."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def world(cast, _keep_test_connection):
    from api.tokens.actions import do_create_api_token
    from layanan.tests.factories import make_service

    make_service("pensiun-bup", "Pensiun BUP", duration=5, requirements=("SK pangkat terakhir",))
    ours = [make_pegawai(cast.opd_a, nama=f"Dinkes {i}") for i in range(2)]
    theirs = [make_pegawai(cast.opd_b, nama=f"Dishub {i}") for i in range(2)]
    _row, full = do_create_api_token(name="Semua", scopes=SCOPES, actor=cast.admin, rate_per_minute=100_000)
    _row, restricted = do_create_api_token(
        name="Dinkes", scopes=SCOPES, opd=cast.opd_a, actor=cast.admin, rate_per_minute=100_000
    )
    return {
        "full": full,
        "restricted": restricted,
        "opd_a": cast.opd_a.pk,
        "foreign_nips": {p.nip for p in theirs},
        "ours": ours,
    }


def foreign_rows(body, world) -> list:
    """Every object in ``body`` that names another OPD or one of its employees."""
    found = []
    if isinstance(body, dict):
        opd = body.get("opd_id", body.get("opd", {}).get("id") if isinstance(body.get("opd"), dict) else None)
        if (opd is not None and opd != world["opd_a"]) or body.get("nip") in world["foreign_nips"]:
            found.append(body)
        for value in body.values():
            found += foreign_rows(value, world)
    elif isinstance(body, list):
        for value in body:
            found += foreign_rows(value, world)
    return found


@schema.parametrize()
@settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@pytest.mark.django_db
def test_every_operation_keeps_its_contract(case, world):
    for name in ("full", "restricted"):
        response = case.call_and_validate(headers={"Authorization": f"Bearer {world[name]}"}, checks=CHECKS)
        assert response.status_code < 500
        if name == "restricted" and "json" in response.headers.get("Content-Type", ""):
            body = response.json()
            if case.path.startswith("/api/v1/organisasi/opd") and isinstance(body, list):
                assert [row["id"] for row in body] == [world["opd_a"]]
            else:
                assert not foreign_rows(body, world), (case.path, body)
