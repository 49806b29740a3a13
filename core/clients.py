"""Who is on the other end of a request: the client address every throttle keys on.

Behind nginx (or a load balancer) ``REMOTE_ADDR`` is the proxy, and ``X-Forwarded-For`` is
written by the client as much as by the proxies, so a guesser could claim any address it
likes. Only the entries appended by our own proxies can be believed: with
``PELITA_TRUSTED_PROXIES = n`` the client is the n-th address from the right end of
``X-Forwarded-For`` (each proxy appends the address it received the connection from). With
0 (the default: no proxy) the header is ignored entirely.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings


def client_address(request) -> str:
    """The client's IP address as our trusted proxies saw it ("" when unknown)."""
    remote = request.META.get("REMOTE_ADDR") or ""
    hops = settings.PELITA_TRUSTED_PROXIES
    if not hops:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < hops:
        # Fewer entries than proxies: the request did not come through all of them.
        return remote
    candidate = forwarded[-hops]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
