"""What a token may do: scopes, the capabilities they grant, and the token's own checks."""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import secrets

from django.utils.translation import gettext_lazy as _

from accounts.roles import Capability

TOKEN_PREFIX = "plt_"

# scope → (label, capabilities it grants). An OPD-restricted token reads like an Operator OPD
# of that OPD; without a restriction it reads every OPD, like BKD staff.
SCOPES: dict[str, tuple] = {
    "read:pegawai": (
        _("Membaca data pegawai dan riwayatnya"),
        {Capability.VIEW_ORG, Capability.VIEW_PEGAWAI},
    ),
    "read:organisasi": (_("Membaca OPD dan unit kerja"), {Capability.VIEW_ORG}),
    "read:layanan": (
        _("Membaca katalog layanan dan status permohonan"),
        {Capability.VIEW_ORG, Capability.SUBMIT_ON_BEHALF},
    ),
    "write:layanan": (
        _("Membuat permohonan atas nama pegawai"),
        {Capability.VIEW_ORG, Capability.SUBMIT_ON_BEHALF},
    ),
    "read:ipasn": (_("Membaca nilai IP-ASN"), {Capability.VIEW_ORG, Capability.VIEW_PEGAWAI}),
    "read:kpo": (_("Membaca daftar kenaikan pangkat"), {Capability.VIEW_ORG, Capability.VIEW_PEGAWAI}),
    "read:kampanye": (
        _("Membaca partisipasi kampanye per OPD"),
        {Capability.VIEW_ORG, Capability.VIEW_PARTICIPATION},
    ),
    # Number + e-mail, like the public status page: the pair is the key, no capability needed.
    "read:helpdesk": (_("Membaca status tiket helpdesk (nomor + e-mail)"), set()),
}


def capabilities(scopes, *, restricted: bool) -> frozenset[str]:
    caps: set[str] = set()
    for scope in scopes:
        caps |= SCOPES.get(scope, ("", set()))[1]
    if not restricted:
        caps.add(Capability.VIEW_ALL_OPDS)
        if "read:layanan" in scopes:
            caps.add(Capability.VIEW_ALL_REQUESTS)
    return frozenset(caps)


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def digest(token: str) -> str:
    # The token carries 256 random bits, so a fast hash is enough: nobody can guess back.
    return hashlib.sha256(token.encode()).hexdigest()


def parse_networks(values) -> list[str]:
    """Addresses/networks in canonical text; ValueError names the first one that is not one."""
    found = []
    for value in values:
        value = value.strip()
        if value:
            found.append(str(ipaddress.ip_network(value, strict=False)))
    return found


def address_allowed(allowed: list[str], address: str) -> bool:
    if not allowed:
        return True
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in ipaddress.ip_network(net) for net in allowed)


def expired(expires_at: dt.datetime | None, now: dt.datetime) -> bool:
    return expires_at is not None and expires_at <= now
