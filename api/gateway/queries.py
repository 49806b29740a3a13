"""Who is calling: the bearer token checked, limited and turned into the client's account.

Checks in order: known token (401), not revoked (401), not expired (401), client address
allowed (403), scope of the route (403), per-token rate limit (429, on the database
throttle so every app server counts together). The account returned carries the token's
capabilities and OPD restriction for this request only (nothing is saved on it).
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja.security import HttpBearer

from accounts.throttle import actions as throttle
from api.gateway.rules import ApiError
from api.tokens.actions import do_note_api_token_use
from api.tokens.queries import token_by_secret
from api.tokens.rules import TOKEN_PREFIX, address_allowed, capabilities, digest, expired
from core.clients import client_address


class TokenAuth(HttpBearer):
    openapi_description = "Token API Pelita: Authorization: Bearer plt_…"

    def __init__(self, scope: str):
        super().__init__()
        self.scope = scope

    def authenticate(self, request, token: str):
        found = token_by_secret(digest(token)) if token.startswith(TOKEN_PREFIX) else None
        if found is None:
            raise ApiError(401, "token_tidak_dikenal", _("Token API tidak dikenal."))
        if found.revoked_at is not None:
            raise ApiError(401, "token_dicabut", _("Token API ini sudah dicabut."))
        now = timezone.now()
        if expired(found.expires_at, now):
            raise ApiError(401, "token_kedaluwarsa", _("Token API ini sudah kedaluwarsa."))
        address = client_address(request)
        if not address_allowed(found.allowed_addresses, address):
            raise ApiError(
                403,
                "alamat_tidak_diizinkan",
                _("Token ini tidak boleh dipakai dari alamat %(address)s.") % {"address": address or "-"},
            )
        if self.scope not in found.scopes:
            raise ApiError(
                403,
                "cakupan_kurang",
                _("Token ini tidak memiliki cakupan %(scope)s.") % {"scope": self.scope},
            )
        counter = throttle.Limit("api-token", found.rate_per_minute, dt.timedelta(minutes=1)).on(
            str(found.pk)
        )
        (tally,) = throttle.tallies(counter, now=now)
        if tally.blocked:
            seconds = max(1, int(tally.retry_after.total_seconds()))
            raise ApiError(
                429,
                "batas_permintaan",
                _("Batas %(limit)s permintaan per menit terlampaui; coba lagi dalam %(seconds)s detik.")
                % {"limit": found.rate_per_minute, "seconds": seconds},
                headers={"Retry-After": str(seconds)},
            )
        throttle.hit(counter, now=now)
        user = found.client_user
        do_note_api_token_use(found, address=address, actor=user, now=now)
        user.__dict__["roles"] = frozenset()
        user.__dict__["capabilities"] = capabilities(found.scopes, restricted=found.opd_id is not None)
        user.opd_id = found.opd_id
        return user
