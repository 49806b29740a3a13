"""The roles of Pelita and what each may do.

A capability is a named permission that views, menus and scoped queries check; roles are
bundles of capabilities. Keeping the table here, as data, makes the role matrix readable
in one place and testable as a table.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from core import permissions


class Role(models.TextChoices):
    PEGAWAI = "pegawai", _("Pegawai")
    OPERATOR_OPD = "operator_opd", _("Operator OPD")
    PETUGAS_ADMINISTRASI = "petugas_administrasi", _("Petugas Administrasi")
    KASUBBAG_UMUM = "kasubbag_umum", _("Kasubbag Umum")
    SEKRETARIS = "sekretaris", _("Sekretaris")
    KEPALA_BADAN = "kepala_badan", _("Kepala Badan")
    KEPALA_BIDANG = "kepala_bidang", _("Kepala Bidang")
    UNIT_PENGOLAH = "unit_pengolah", _("Unit Pengolah")
    OPERATOR_HELPDESK = "operator_helpdesk", _("Operator Helpdesk")
    ADMIN = "admin", _("Admin")


class Capability(models.TextChoices):
    VIEW_ORG = "view_org", _("Melihat OPD (semua, atau OPD sendiri bagi Operator OPD)")
    MANAGE_ORG = "manage_org", _("Mengelola instansi, OPD, unit kerja dan jam kerja")
    MANAGE_USERS = "manage_users", _("Mengelola pengguna dan peran")
    MANAGE_CALENDAR = permissions.MANAGE_CALENDAR, _("Mengelola hari libur")
    VIEW_AUDIT = permissions.VIEW_AUDIT, _("Melihat log audit")
    VIEW_ALL_OPDS = "view_all_opds", _("Melihat data semua OPD")
    VIEW_PEGAWAI = "view_pegawai", _("Melihat data pegawai (semua, atau OPD sendiri bagi Operator OPD)")
    VIEW_DATA_QUALITY = "view_data_quality", _("Melihat kualitas data pegawai (semua OPD, atau OPD sendiri)")
    MANAGE_DOCUMENTS = (
        "manage_documents",
        _("Mengunggah dan menghapus dokumen pegawai (semua, atau OPD sendiri bagi Operator OPD)"),
    )
    IMPORT_PEGAWAI = (
        "import_pegawai",
        _("Mengimpor berkas Data ASN dan riwayat (semua OPD, atau OPD sendiri bagi Operator OPD)"),
    )
    VERIFY_CORRECTIONS = "verify_corrections", _("Memverifikasi usulan perbaikan data pegawai")
    MANAGE_SERVICES = (
        "manage_services",
        _("Mengelola katalog layanan, standar pelayanan, alur dan templat produk"),
    )
    SUBMIT_ON_BEHALF = (
        "submit_on_behalf",
        _("Mengajukan permohonan dan isian kampanye atas nama pegawai OPD sendiri"),
    )
    VIEW_ALL_REQUESTS = "view_all_requests", _("Melihat permohonan layanan semua OPD")
    PROCESS_REQUESTS = "process_requests", _("Memproses permohonan di kotak masuk tahap milik peran sendiri")
    VIEW_SLA_REPORT = "view_sla_report", _("Melihat laporan kepatuhan SLA layanan")
    MANAGE_CAMPAIGNS = "manage_campaigns", _("Membuat dan mengelola kampanye pengumpulan data")
    REVIEW_CAMPAIGNS = "review_campaigns", _("Memeriksa isian kampanye (diterima / perlu perbaikan)")
    VIEW_PARTICIPATION = (
        "view_participation",
        _("Melihat partisipasi kampanye (semua OPD, atau OPD sendiri bagi Operator OPD)"),
    )
    VIEW_JAFUNG = (
        "view_jafung",
        _("Melihat pemantauan jabatan fungsional (semua OPD, atau OPD sendiri bagi Operator OPD)"),
    )
    HANDLE_HELPDESK = "handle_helpdesk", _("Menangani tiket helpdesk dan mengelola FAQ")
    VIEW_HELPDESK_REPORT = "view_helpdesk_report", _("Melihat laporan bulanan helpdesk")
    VIEW_COMPLAINTS = (
        "view_complaints",
        _("Melihat pengaduan (semua, atau yang ditujukan ke OPD sendiri bagi Operator OPD)"),
    )
    MANAGE_COMPLAINTS = "manage_complaints", _("Mencatat, merutekan, menjawab dan menutup pengaduan")
    VIEW_IKM = "view_ikm", _("Melihat laporan Indeks Kepuasan Masyarakat (IKM) dan saran survei")


# BKD staff read across OPDs; an Operator OPD reads only their own OPD.
_BKD_READERS = {
    Capability.VIEW_ORG,
    Capability.VIEW_ALL_OPDS,
    Capability.VIEW_PEGAWAI,
    Capability.VIEW_DATA_QUALITY,
    Capability.VIEW_ALL_REQUESTS,
    Capability.VIEW_SLA_REPORT,
    Capability.VIEW_PARTICIPATION,
    Capability.VIEW_JAFUNG,
    Capability.VIEW_COMPLAINTS,
    Capability.VIEW_IKM,
}
# The officials of the disposition chain work requests from their inbox.
_CHAIN = {*_BKD_READERS, Capability.PROCESS_REQUESTS}

CAPABILITIES: dict[str, frozenset[str]] = {
    Role.PEGAWAI: frozenset(),
    Role.OPERATOR_OPD: frozenset(
        {
            Capability.VIEW_ORG,
            Capability.VIEW_PEGAWAI,
            Capability.MANAGE_DOCUMENTS,
            Capability.VIEW_DATA_QUALITY,
            Capability.IMPORT_PEGAWAI,
            Capability.SUBMIT_ON_BEHALF,
            Capability.VIEW_PARTICIPATION,
            Capability.VIEW_JAFUNG,
            Capability.VIEW_COMPLAINTS,
        }
    ),
    # The Sekretaris Badan receives and manages complaints (seeds 001, 004: "Petugas
    # Penerima/Pengelola Pengaduan"); the front desk enters those arriving in person.
    Role.PETUGAS_ADMINISTRASI: frozenset({*_CHAIN, Capability.MANAGE_COMPLAINTS}),
    Role.KASUBBAG_UMUM: frozenset(_CHAIN),
    Role.SEKRETARIS: frozenset({*_CHAIN, Capability.MANAGE_COMPLAINTS}),
    Role.KEPALA_BADAN: frozenset(_CHAIN),
    Role.KEPALA_BIDANG: frozenset(_CHAIN),
    Role.UNIT_PENGOLAH: frozenset({*_CHAIN, Capability.VERIFY_CORRECTIONS, Capability.REVIEW_CAMPAIGNS}),
    Role.OPERATOR_HELPDESK: frozenset({Capability.HANDLE_HELPDESK, Capability.VIEW_HELPDESK_REPORT}),
    Role.ADMIN: frozenset(Capability.values),
}

# Roles whose work is tied to one OPD: a user holding one must have an OPD.
OPD_SCOPED_ROLES = frozenset({Role.PEGAWAI, Role.OPERATOR_OPD})


def capabilities_of(roles) -> frozenset[str]:
    caps: set[str] = set()
    for role in roles:
        caps |= CAPABILITIES.get(role, frozenset())
    return frozenset(caps)
