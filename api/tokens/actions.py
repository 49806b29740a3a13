"""Every write of API tokens: issue (the token is returned once), revoke, and note a use."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts.models import User
from api.models import ApiToken
from api.tokens.rules import SCOPES, digest, new_token, parse_networks
from core.audit import record

# A use is written to the audit log at most this often per token (and whenever the client
# address changes): a sync of 10,000 employees must not add 100 audit rows per minute.
USE_AUDIT_INTERVAL = dt.timedelta(hours=1)
_SNAPSHOT = ("name", "prefix", "scopes", "opd_id", "expires_at", "allowed_addresses", "rate_per_minute")


def _snapshot(token: ApiToken) -> dict:
    values = {name: getattr(token, name) for name in _SNAPSHOT}
    values["expires_at"] = token.expires_at.isoformat() if token.expires_at else None
    return values


@transaction.atomic
def do_create_api_token(
    *,
    name: str,
    scopes: list[str],
    actor,
    opd=None,
    expires_at: dt.datetime | None = None,
    allowed_addresses: list[str] | None = None,
    rate_per_minute: int = 600,
) -> tuple[ApiToken, str]:
    """Issue a token; returns (row, the token itself), the only time the token is seen."""
    errors = {}
    name = (name or "").strip()
    if not name:
        errors["name"] = _("Tuliskan nama klien.")
    elif ApiToken.objects.filter(name=name).exists():
        errors["name"] = _("Nama klien ini sudah dipakai token lain.")
    unknown = [s for s in scopes if s not in SCOPES]
    if unknown or not scopes:
        errors["scopes"] = _("Pilih cakupan yang dikenal: %(scopes)s.") % {"scopes": ", ".join(SCOPES)}
    try:
        networks = parse_networks(allowed_addresses or [])
    except ValueError:
        errors["allowed_addresses"] = _(
            "Alamat klien harus berupa alamat IP atau jaringan, mis. 10.20.0.0/16."
        )
    if expires_at is not None and expires_at <= timezone.now():
        errors["expires_at"] = _("Tanggal berlaku harus di masa depan.")
    if rate_per_minute < 1:
        errors["rate_per_minute"] = _("Batas permintaan minimal 1 per menit.")
    if errors:
        raise ValidationError(errors)
    plain = new_token()
    user = User(
        username=f"api.{slugify(name)[:120] or 'klien'}", name=_("Klien API %(name)s") % {"name": name}
    )
    user.set_unusable_password()
    suffix = 1
    while User.objects.filter(username=user.username).exists():
        suffix += 1
        user.username = f"api.{slugify(name)[:110]}-{suffix}"
    user.save()
    token = ApiToken.objects.create(
        name=name,
        prefix=plain[:12],
        digest=digest(plain),
        scopes=sorted(scopes),
        opd=opd,
        expires_at=expires_at,
        allowed_addresses=networks,
        rate_per_minute=rate_per_minute,
        client_user=user,
        created_by=actor,
    )
    record(actor=actor, event="api.token.diterbitkan", obj=token, after=_snapshot(token))
    return token, plain


@transaction.atomic
def do_revoke_api_token(token: ApiToken, *, actor) -> bool:
    if token.revoked_at is not None:
        return False
    token.revoked_at, token.revoked_by = timezone.now(), actor
    token.save(update_fields=["revoked_at", "revoked_by"])
    record(
        actor=actor,
        event="api.token.dicabut",
        obj=token,
        before={"revoked_at": None},
        after={"revoked_at": token.revoked_at.isoformat()},
    )
    return True


def do_note_api_token_use(token: ApiToken, *, address: str, actor, now: dt.datetime | None = None) -> bool:
    """Remember the last use; audit it when the address is new or the last audit is old."""
    now = now or timezone.now()
    stale = token.last_used_at is None or now - token.last_used_at >= USE_AUDIT_INTERVAL
    if not stale and address == token.last_used_address:
        return False
    with transaction.atomic():
        before = {"last_used_address": token.last_used_address}
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now, last_used_address=address)
        token.last_used_at, token.last_used_address = now, address
        record(
            actor=actor,
            event="api.token.dipakai",
            obj=token,
            before=before,
            after={"last_used_address": address, "at": now.isoformat()},
        )
    return True
