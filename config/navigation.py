"""The main menu: one table of entries, each shown only to users holding its capability
(and, for the few entries that belong to a role rather than a permission, one of its roles).

Entries are grouped by task; the table is written group by group, so the menu reads in the
table's order. The shell (core/templates/base.html) draws each group as a disclosure, opens
the group of the current page and builds the breadcrumbs from the same match.

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

# The groups in menu order: (key, label). An entry without a group stands alone (Beranda).
GROUPS = (
    ("saya", _("Untuk saya")),
    ("pegawai", pgettext_lazy("menu group", "Pegawai")),
    ("layanan", _("Layanan")),
    ("kampanye", pgettext_lazy("menu group", "Kampanye")),
    ("karier", _("Karier & KPO")),
    ("ipasn", pgettext_lazy("menu group", "IP-ASN")),
    ("bantuan", _("Bantuan & Pengaduan")),
    ("laporan", _("Laporan")),
    ("pengaturan", _("Pengaturan")),
)
GROUP_LABELS = dict(GROUPS)


@dataclass(frozen=True)
class NavEntry:
    name: str  # URL name; also the stable id tests use
    label: str | Promise
    capability: str | None = None  # None: every logged-in user
    roles: frozenset[str] | None = None  # None: any role; otherwise the user must hold one
    group: str = ""  # a key of GROUPS; "" stands alone

    def shown_to(self, user) -> bool:
        if self.capability is not None and not user_can(user, self.capability):
            return False
        return self.roles is None or bool(self.roles & user.roles)


_PEGAWAI = frozenset({Role.PEGAWAI})

MENU = (
    NavEntry("reports:dashboard", _("Beranda")),
    # Every user with a linked Pegawai may open it; the menu offers it to the Pegawai role.
    NavEntry("people:data_saya", _("Data Saya"), roles=_PEGAWAI, group="saya"),
    NavEntry("ipasn:mine", _("IP-ASN Saya"), roles=_PEGAWAI, group="saya"),
    NavEntry("campaigns:campaign_mine", _("Isian kampanye"), roles=_PEGAWAI, group="saya"),
    NavEntry("kpo:career_mine", _("Karier Saya"), roles=_PEGAWAI, group="saya"),
    NavEntry("org:opd_list", _("OPD"), Capability.VIEW_ORG, group="pegawai"),
    NavEntry(
        "people:pegawai_list", pgettext_lazy("menu", "Pegawai"), Capability.VIEW_PEGAWAI, group="pegawai"
    ),
    NavEntry("people:import_upload", _("Impor data"), Capability.IMPORT_PEGAWAI, group="pegawai"),
    NavEntry("people:quality_ranking", _("Kualitas data"), Capability.VIEW_DATA_QUALITY, group="pegawai"),
    NavEntry("siasn:worklist", _("Rekonsiliasi SIASN"), Capability.IMPORT_PEGAWAI, group="pegawai"),
    NavEntry(
        "people:correction_queue", _("Verifikasi perbaikan"), Capability.VERIFY_CORRECTIONS, group="pegawai"
    ),
    # Everyone sees the requests in their scope: own, their OPD's, or all for BKD staff.
    NavEntry("layanan:request_list", _("Permohonan"), group="layanan"),
    NavEntry("layanan:inbox", _("Kotak masuk"), Capability.PROCESS_REQUESTS, group="layanan"),
    NavEntry("layanan:service_admin_list", _("Katalog layanan"), Capability.MANAGE_SERVICES, group="layanan"),
    NavEntry("campaigns:campaign_list", _("Kampanye"), Capability.REVIEW_CAMPAIGNS, group="kampanye"),
    NavEntry(
        "campaigns:campaign_participation_index",
        _("Partisipasi"),
        Capability.VIEW_PARTICIPATION,
        group="kampanye",
    ),
    NavEntry("kpo:kp_list", _("KPO dan PPO"), Capability.VIEW_PEGAWAI, group="karier"),
    NavEntry("jafung:ranking", _("Jabatan fungsional"), Capability.VIEW_JAFUNG, group="karier"),
    NavEntry("ipasn:ranking", _("IP-ASN"), Capability.VIEW_PEGAWAI, group="ipasn"),
    NavEntry("helpdesk:queue", _("Helpdesk"), Capability.HANDLE_HELPDESK, group="bantuan"),
    # Everyone sees the complaints in their scope: own, their OPD's, or all for BKD staff.
    NavEntry("feedback:complaint_list", _("Pengaduan"), group="bantuan"),
    NavEntry("reports:duk_page", _("DUK"), Capability.VIEW_PEGAWAI, group="laporan"),
    NavEntry("reports:statistics_page", _("Statistik pegawai"), Capability.VIEW_PEGAWAI, group="laporan"),
    NavEntry("layanan:sla_report", _("Laporan SLA"), Capability.VIEW_SLA_REPORT, group="laporan"),
    NavEntry("helpdesk:report", _("Laporan helpdesk"), Capability.VIEW_HELPDESK_REPORT, group="laporan"),
    NavEntry("feedback:ikm_report", _("Laporan IKM"), Capability.VIEW_IKM, group="laporan"),
    NavEntry("org:instansi_list", _("Instansi"), Capability.MANAGE_ORG, group="pengaturan"),
    NavEntry("accounts:user_list", _("Pengguna"), Capability.MANAGE_USERS, group="pengaturan"),
    NavEntry("api_tokens:token_list", _("Token API"), Capability.MANAGE_USERS, group="pengaturan"),
    NavEntry("core:holiday_list", _("Hari libur"), group="pengaturan"),
    NavEntry("core:audit_list", _("Log audit"), Capability.VIEW_AUDIT, group="pengaturan"),
)


def menu_for(user) -> list[NavEntry]:
    if not user.is_authenticated:
        return []
    return [e for e in MENU if e.shown_to(user)]


def _instansi_name(user) -> str:
    """The instansi in the header: the user's OPD's, or the installation's first (a user
    without an OPD, e.g. a superuser). One query: the OPD is read with its instansi and kept
    on the user, so the user menu's OPD line costs nothing more."""
    from org.models import Instansi, Opd

    if user.opd_id:
        opd = Opd.objects.select_related("instansi").filter(pk=user.opd_id).first()
        if opd is not None:
            user.opd = opd
            return opd.instansi.name
    return Instansi.objects.order_by("pk").values_list("name", flat=True).first() or ""


def navigation(request):
    entries = menu_for(request.user)
    if not entries:
        return {"nav_items": [], "nav_groups": []}
    path = request.path
    urls = {entry.name: reverse(entry.name) for entry in entries}
    # The longest matching URL wins, so /pegawai/saya/ marks "Data Saya", not "Pegawai".
    matching = [url for url in urls.values() if (path == url if url == "/" else path.startswith(url))]
    current = max(matching, key=len, default=None)
    items = [
        {
            "name": e.name,
            "label": e.label,
            "url": urls[e.name],
            "group": e.group,
            "active": urls[e.name] == current,
        }
        for e in entries
    ]
    # One block per group, in menu order; a group the user sees one entry of is drawn as
    # that entry alone (a disclosure around a single link is a click for nothing).
    groups: list[dict] = []
    for item in items:
        if groups and item["group"] and groups[-1]["key"] == item["group"]:
            groups[-1]["items"].append(item)
        else:
            groups.append(
                {"key": item["group"], "label": GROUP_LABELS.get(item["group"], ""), "items": [item]}
            )
    for group in groups:
        group["open"] = any(item["active"] for item in group["items"])
        group["single"] = not group["key"] or len(group["items"]) == 1
    active = next((item for item in items if item["active"]), None)
    breadcrumbs = []
    if active is not None and active["name"] != "reports:dashboard":
        if active["group"]:
            breadcrumbs.append({"label": GROUP_LABELS[active["group"]], "url": ""})
        breadcrumbs.append({"label": active["label"], "url": "" if path == active["url"] else active["url"]})
    user = request.user
    return {
        "nav_items": items,
        "nav_groups": groups,
        "breadcrumbs": breadcrumbs,
        "shell_instansi": _instansi_name(user),
        "shell_roles": [label for value, label in Role.choices if value in user.roles],
    }
