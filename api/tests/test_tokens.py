"""Tokens: shown once, stored as a hash, refused when expired, revoked or from a wrong address,
limited per token; every refusal in the one JSON error shape."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from api.models import ApiToken
from api.tokens.actions import do_revoke_api_token
from api.tokens.rules import digest
from core.models import AuditLog
from people.tests.factories import make_pegawai

pytestmark = pytest.mark.django_db


def error_of(response, status, code):
    assert response.status_code == status, response.content
    body = response.json()
    assert body["kode"] == code and body["pesan"], body
    return body


def test_only_the_hash_is_stored_and_the_token_reads(cast, issue, call):
    make_pegawai(cast.opd_a, nama="Siti")
    token = issue()
    row = ApiToken.objects.get()
    assert token not in str(ApiToken.objects.values().get()) and row.digest == digest(token)
    response = call(token, "pegawai")
    assert response.status_code == 200 and response.json()["items"][0]["nama"] == "Siti"


def test_no_token_unknown_token_and_wrong_scope(cast, issue, call):
    error_of(call(None, "pegawai"), 401, "token_tidak_ada")
    error_of(call("plt_tidak-ada", "pegawai"), 401, "token_tidak_dikenal")
    error_of(call(issue(["read:organisasi"]), "pegawai"), 403, "cakupan_kurang")


def test_an_expired_token_is_refused(cast, issue, call):
    token = issue(expires_at=timezone.now() + dt.timedelta(days=1))
    ApiToken.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    error_of(call(token, "pegawai"), 401, "token_kedaluwarsa")


def test_a_revoked_token_is_refused_and_the_revocation_audited(cast, issue, call):
    token = issue()
    assert call(token, "pegawai").status_code == 200
    do_revoke_api_token(ApiToken.objects.get(), actor=cast.admin)
    body = error_of(call(token, "pegawai"), 401, "token_dicabut")
    assert "dicabut" in body["pesan"]
    assert AuditLog.objects.filter(event="api.token.dicabut", actor=cast.admin).exists()


def test_a_wrong_client_address_is_refused(cast, issue, call):
    token = issue(allowed_addresses=["10.20.0.0/16"])
    error_of(call(token, "pegawai"), 403, "alamat_tidak_diizinkan")  # the test client is 127.0.0.1
    assert call(token, "pegawai", REMOTE_ADDR="10.20.3.4").status_code == 200


def test_use_is_audited_once_per_hour_and_per_new_address(cast, issue, call):
    token = issue()
    for _ in range(3):
        call(token, "pegawai")
    call(token, "pegawai", REMOTE_ADDR="10.9.9.9")
    uses = AuditLog.objects.filter(event="api.token.dipakai")
    assert [u.after["last_used_address"] for u in uses.order_by("id")] == ["127.0.0.1", "10.9.9.9"]
    assert uses.first().actor == ApiToken.objects.get().client_user


def test_the_rate_limit_is_per_token(cast, issue, call):
    limited, other = issue(rate_per_minute=2), issue()
    assert call(limited, "pegawai").status_code == 200
    assert call(limited, "pegawai").status_code == 200
    refused = call(limited, "pegawai")
    error_of(refused, 429, "batas_permintaan")
    assert int(refused["Retry-After"]) >= 1
    assert call(other, "pegawai").status_code == 200


def test_the_command_prints_the_token_once(cast, capsys, call):
    call_command(
        "create_api_token",
        "--name",
        "SIMPEG Keuangan",
        "--scopes",
        "read:pegawai,read:layanan",
        "--opd",
        str(cast.opd_a.pk),
        "--expires",
        "2099-12-31",
    )
    token = capsys.readouterr().out.strip()
    row = ApiToken.objects.get(name="SIMPEG Keuangan")
    assert (
        row.digest == digest(token)
        and row.opd == cast.opd_a
        and row.scopes == ["read:layanan", "read:pegawai"]
    )
    assert call(token, "pegawai").status_code == 200
    assert AuditLog.objects.filter(event="api.token.diterbitkan").exists()


def test_the_command_refuses_an_unknown_scope(cast):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="cakupan"):
        call_command("create_api_token", "--name", "X", "--scopes", "baca:semua")


def test_the_admin_issues_a_token_on_the_screen_and_sees_it_once(cast, client_for):
    client = client_for(cast.admin)
    response = client.post(
        "/api/token/baru/",
        {
            "name": "Dasbor Gubernur",
            "scopes": ["read:kampanye"],
            "rate_per_minute": 60,
            "allowed_addresses": "10.1.0.0/24",
        },
    )
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    token = response.context["plain"]
    assert token.startswith("plt_") and token in response.text
    listing = client.get("/api/token/")
    assert "Dasbor Gubernur" in listing.text and token not in listing.text
    bad = client.post(
        "/api/token/baru/",
        {"name": "Y", "scopes": ["read:kampanye"], "rate_per_minute": 60, "allowed_addresses": "bukan-ip"},
    )
    assert "Alamat klien harus berupa alamat IP" in bad.text
