"""The main menu: one table of entries, each shown only to users holding its capability.

It lives in config/ because it is assembly: it names pages of every app, and no app
should import the apps above it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from accounts.permissions import user_can
from accounts.roles import Capability


@dataclass(frozen=True)
class NavEntry:
    name: str  # URL name; also the stable id tests use
    label: str | Promise
    capability: str | None = None  # None: every logged-in user


MENU = (
    NavEntry("reports:dashboard", _("Beranda")),
    NavEntry("org:opd_list", _("OPD"), Capability.VIEW_ORG),
    NavEntry("org:instansi_list", _("Instansi"), Capability.MANAGE_ORG),
    NavEntry("accounts:user_list", _("Pengguna"), Capability.MANAGE_USERS),
    NavEntry("core:holiday_list", _("Hari libur")),
    NavEntry("core:audit_list", _("Log audit"), Capability.VIEW_AUDIT),
)


def menu_for(user) -> list[NavEntry]:
    if not user.is_authenticated:
        return []
    return [e for e in MENU if e.capability is None or user_can(user, e.capability)]


def navigation(request):
    entries = menu_for(request.user)
    if not entries:
        return {"nav_items": []}
    path = request.path
    items = []
    for entry in entries:
        url = reverse(entry.name)
        active = path == url if url == "/" else path.startswith(url)
        items.append({"name": entry.name, "label": entry.label, "url": url, "active": active})
    return {"nav_items": items}
