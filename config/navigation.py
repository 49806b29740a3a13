"""The main menu: one table of entries, each shown only to users holding its capability
(and, for the few entries that belong to a role rather than a permission, one of its roles).

It lives in config/ because it is assembly: it names pages of every app, and no app
should import the apps above it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.roles import Capability, Role
from core.permissions import user_can


@dataclass(frozen=True)
class NavEntry:
    name: str  # URL name; also the stable id tests use
    label: str | Promise
    capability: str | None = None  # None: every logged-in user
    roles: frozenset[str] | None = None  # None: any role; otherwise the user must hold one

    def shown_to(self, user) -> bool:
        if self.capability is not None and not user_can(user, self.capability):
            return False
        return self.roles is None or bool(self.roles & user.roles)


MENU = (
    NavEntry("reports:dashboard", _("Beranda")),
    # Every user with a linked Pegawai may open it; the menu offers it to the Pegawai role.
    NavEntry("people:data_saya", _("Data Saya"), roles=frozenset({Role.PEGAWAI})),
    NavEntry("ipasn:mine", _("IP-ASN Saya"), roles=frozenset({Role.PEGAWAI})),
    NavEntry("campaigns:campaign_mine", _("Isian kampanye"), roles=frozenset({Role.PEGAWAI})),
    NavEntry("kpo:career_mine", _("Karier Saya"), roles=frozenset({Role.PEGAWAI})),
    # Everyone sees the requests in their scope: own, their OPD's, or all for BKD staff.
    NavEntry("layanan:request_list", _("Permohonan")),
    NavEntry("layanan:inbox", _("Kotak masuk"), Capability.PROCESS_REQUESTS),
    NavEntry("org:opd_list", _("OPD"), Capability.VIEW_ORG),
    NavEntry("people:pegawai_list", pgettext_lazy("menu", "Pegawai"), Capability.VIEW_PEGAWAI),
    NavEntry("reports:duk_page", _("DUK"), Capability.VIEW_PEGAWAI),
    NavEntry("reports:statistics_page", _("Statistik pegawai"), Capability.VIEW_PEGAWAI),
    NavEntry("people:import_upload", _("Impor data"), Capability.IMPORT_PEGAWAI),
    NavEntry("people:quality_ranking", _("Kualitas data"), Capability.VIEW_DATA_QUALITY),
    NavEntry("siasn:worklist", _("Rekonsiliasi SIASN"), Capability.IMPORT_PEGAWAI),
    NavEntry("people:correction_queue", _("Verifikasi perbaikan"), Capability.VERIFY_CORRECTIONS),
    NavEntry("campaigns:campaign_list", _("Kampanye"), Capability.REVIEW_CAMPAIGNS),
    NavEntry("campaigns:campaign_participation_index", _("Partisipasi"), Capability.VIEW_PARTICIPATION),
    NavEntry("jafung:ranking", _("Jabatan fungsional"), Capability.VIEW_JAFUNG),
    NavEntry("ipasn:ranking", _("IP-ASN"), Capability.VIEW_PEGAWAI),
    NavEntry("kpo:kp_list", _("KPO dan PPO"), Capability.VIEW_PEGAWAI),
    NavEntry("layanan:sla_report", _("Laporan SLA"), Capability.VIEW_SLA_REPORT),
    NavEntry("helpdesk:queue", _("Helpdesk"), Capability.HANDLE_HELPDESK),
    NavEntry("helpdesk:report", _("Laporan helpdesk"), Capability.VIEW_HELPDESK_REPORT),
    # Everyone sees the complaints in their scope: own, their OPD's, or all for BKD staff.
    NavEntry("feedback:complaint_list", _("Pengaduan")),
    NavEntry("feedback:ikm_report", _("Laporan IKM"), Capability.VIEW_IKM),
    NavEntry("layanan:service_admin_list", _("Katalog layanan"), Capability.MANAGE_SERVICES),
    NavEntry("org:instansi_list", _("Instansi"), Capability.MANAGE_ORG),
    NavEntry("accounts:user_list", _("Pengguna"), Capability.MANAGE_USERS),
    NavEntry("api_tokens:token_list", _("Token API"), Capability.MANAGE_USERS),
    NavEntry("core:holiday_list", _("Hari libur")),
    NavEntry("core:audit_list", _("Log audit"), Capability.VIEW_AUDIT),
)


def menu_for(user) -> list[NavEntry]:
    if not user.is_authenticated:
        return []
    return [e for e in MENU if e.shown_to(user)]


def navigation(request):
    entries = menu_for(request.user)
    if not entries:
        return {"nav_items": []}
    path = request.path
    urls = {entry.name: reverse(entry.name) for entry in entries}
    # The longest matching URL wins, so /pegawai/saya/ marks "Data Saya", not "Pegawai".
    matching = [url for url in urls.values() if (path == url if url == "/" else path.startswith(url))]
    current = max(matching, key=len, default=None)
    return {
        "nav_items": [
            {"name": e.name, "label": e.label, "url": urls[e.name], "active": urls[e.name] == current}
            for e in entries
        ]
    }
