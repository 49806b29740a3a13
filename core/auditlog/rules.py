"""How an audit row reads to a person: the event, the kind of object and each changed value
as labels, not as the codes, field names and JSON the row stores.

The stored row stays as written (codes are what the filter and an export match on); only
the screen translates it. An event without a label here is still readable: its code is cut
into words (``helpdesk.ticket_dibuat`` → "Helpdesk: ticket dibuat").
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import formats, timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import capfirst
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _

from core.templatetags.pelita import label as code_label

# How many items of a list value a cell shows before "… (N)".
LIST_ITEMS = 8

EVENT_LABELS = {
    "akun.masuk": _("Masuk ke akun"),
    "api.token.dicabut": _("Token API dicabut"),
    "api.token.dipakai": _("Token API dipakai"),
    "api.token.diterbitkan": _("Token API diterbitkan"),
    "dokumen.dihapus": _("Dokumen dihapus"),
    "dokumen.diunduh": _("Dokumen diunduh"),
    "dokumen.diunggah": _("Dokumen diunggah"),
    "ekspor.dihapus": _("Ekspor dihapus"),
    "ekspor.diminta": _("Ekspor diminta"),
    "ekspor.diunduh": _("Ekspor diunduh"),
    "ekspor.diunduh_langsung": _("Ekspor diunduh langsung"),
    "ekspor.gagal": _("Ekspor gagal"),
    "ekspor.selesai": _("Ekspor selesai"),
    "hari_libur.diaktifkan": _("Hari libur diaktifkan"),
    "hari_libur.dibatalkan": _("Hari libur dibatalkan"),
    "hari_libur.dimuat": _("Hari libur dimuat"),
    "hari_libur.ditambah": _("Hari libur ditambah"),
    "hari_libur.diubah": _("Hari libur diubah"),
    "helpdesk.eskalasi_dikirim": _("Eskalasi helpdesk dikirim"),
    "helpdesk.faq_dibuat": _("FAQ dibuat"),
    "helpdesk.faq_dinilai": _("FAQ dinilai"),
    "helpdesk.faq_diubah": _("FAQ diubah"),
    "helpdesk.jawaban_siap_dibuat": _("Jawaban siap dibuat"),
    "helpdesk.jawaban_siap_diubah": _("Jawaban siap diubah"),
    "helpdesk.jenis_diubah": _("Jenis masalah helpdesk diubah"),
    "helpdesk.konten_dimuat": _("Konten helpdesk dimuat"),
    "helpdesk.ticket_diambil": _("Tiket diambil"),
    "helpdesk.ticket_dibuat": _("Tiket dibuat"),
    "helpdesk.ticket_dibuka_kembali": _("Tiket dibuka kembali"),
    "helpdesk.ticket_dicatat": _("Tiket dicatat"),
    "helpdesk.ticket_digabung": _("Tiket digabung"),
    "helpdesk.ticket_dijawab": _("Tiket dijawab"),
    "helpdesk.ticket_ditugaskan": _("Tiket ditugaskan"),
    "helpdesk.ticket_ditutup": _("Tiket ditutup"),
    "helpdesk.ticket_menunggu_pemohon": _("Tiket menunggu pemohon"),
    "helpdesk.ticket_terlambat": _("Tiket melewati batas waktu"),
    "impor_pegawai.berkas_dihapus": _("Berkas impor dihapus"),
    "impor_pegawai.dibatalkan": _("Impor pegawai dibatalkan"),
    "impor_pegawai.dikonfirmasi": _("Impor pegawai dikonfirmasi"),
    "impor_pegawai.diulang": _("Impor pegawai diulang"),
    "impor_pegawai.diunggah": _("Berkas impor pegawai diunggah"),
    "impor_pegawai.gagal": _("Impor pegawai gagal"),
    "impor_pegawai.pratinjau_opd_baru": _("Pratinjau OPD baru dari impor"),
    "impor_pegawai.selesai": _("Impor pegawai selesai"),
    "impor_pegawai.terhenti": _("Impor pegawai terhenti"),
    "instansi.dibuat": _("Instansi dibuat"),
    "instansi.diubah": _("Instansi diubah"),
    "ipasn.dihitung": _("IP-ASN dihitung"),
    "ipasn.nasional_diimpor": _("Nilai IP-ASN nasional diimpor"),
    "ipasn.skor_berubah": _("Skor IP-ASN berubah"),
    "ipasn.skor_dihapus": _("Skor IP-ASN dihapus"),
    "jam_kerja.ditutup": _("Hari kerja ditutup"),
    "jam_kerja.diubah": _("Jam kerja diubah"),
    "kampanye.demo_dimuat": _("Kampanye demo dimuat"),
    "kampanye.dibuat": _("Kampanye dibuat"),
    "kampanye.diterbitkan": _("Kampanye diterbitkan"),
    "kampanye.diubah": _("Kampanye diubah"),
    "kampanye.eskalasi": _("Eskalasi kampanye"),
    "kampanye.isian_diekspor": _("Isian kampanye diekspor"),
    "kampanye.isian_dikirim": _("Isian kampanye dikirim"),
    "kampanye.isian_diterima": _("Isian kampanye diterima"),
    "kampanye.pengingat_dikirim": _("Pengingat kampanye dikirim"),
    "kampanye.pengingat_perbaikan": _("Pengingat perbaikan isian dikirim"),
    "kampanye.perbaikan_diminta": _("Perbaikan isian diminta"),
    "kampanye.pertanyaan_dihapus": _("Pertanyaan dihapus"),
    "kampanye.pertanyaan_ditambah": _("Pertanyaan ditambah"),
    "kampanye.pertanyaan_diubah": _("Pertanyaan diubah"),
    "kampanye.pertanyaan_diurutkan": _("Pertanyaan diurutkan"),
    "kampanye.unggah_dimulai": _("Unggahan dimulai"),
    "kampanye.unggah_ditolak": _("Unggahan ditolak"),
    "kampanye.unggah_selesai": _("Unggahan selesai"),
    "kampanye.unggahan_dibersihkan": _("Unggahan tertinggal dibersihkan"),
    "kpo.kp_list_computed": _("Daftar KP dihitung"),
    "kpo.kp_requests_created": _("Permohonan KP dibuat"),
    "kpo.pension_reconciliation_reminded": _("Pengingat rekonsiliasi pensiun dikirim"),
    "kpo.pension_requests_created": _("Permohonan pensiun dibuat"),
    "kpo.reconciliation_reminded": _("Pengingat rekonsiliasi dikirim"),
    "kpo.sk_kgb_issued": _("SK KGB diterbitkan"),
    "layanan.completed": _("Permohonan selesai"),
    "layanan.component_updated": _("Komponen standar pelayanan diubah"),
    "layanan.demo_dimuat": _("Permohonan demo dimuat"),
    "layanan.requirement_added": _("Persyaratan ditambah"),
    "layanan.requirement_removed": _("Persyaratan dihapus"),
    "layanan.requirement_updated": _("Persyaratan diubah"),
    "layanan.resubmitted": _("Permohonan diajukan ulang"),
    "layanan.returned": _("Permohonan dikembalikan"),
    "layanan.service_completed": _("Layanan diselesaikan"),
    "layanan.service_seeded": _("Layanan dimuat"),
    "layanan.service_updated": _("Layanan diubah"),
    "layanan.sla_diperiksa": _("SLA diperiksa"),
    "layanan.step_updated": _("Langkah alur diubah"),
    "layanan.submitted": _("Permohonan diajukan"),
    "layanan.transition_added": _("Peralihan alur ditambah"),
    "layanan.transition_removed": _("Peralihan alur dihapus"),
    "notification.sent": _("Notifikasi dikirim"),
    "opd.dibuat": _("OPD dibuat"),
    "opd.diubah": _("OPD diubah"),
    "pegawai.demo_dimuat": _("Pegawai demo dimuat"),
    "pegawai.dibuat": _("Pegawai dibuat"),
    "pegawai.diimpor": _("Pegawai diimpor"),
    "pegawai.diperbarui_dari_riwayat": _("Pegawai diperbarui dari riwayat"),
    "pegawai.diubah": _("Pegawai diubah"),
    "pegawai.diubah_impor": _("Pegawai diubah oleh impor"),
    "pegawai.riwayat_diimpor": _("Riwayat pegawai diimpor"),
    "pengaduan.diberitahukan": _("Pengaduan diberitahukan"),
    "pengaduan.diterima": _("Pengaduan diterima"),
    "pengaduan.eskalasi_diberitahukan": _("Eskalasi pengaduan diberitahukan"),
    "pengaduan.pengadu_diberitahu": _("Pengadu diberi tahu"),
    "pengguna.dibuat": _("Pengguna dibuat"),
    "pengguna.diubah": _("Pengguna diubah"),
    "pengguna.kata_sandi_diubah": _("Kata sandi pengguna diubah"),
    "pengguna.peran_diubah": _("Peran pengguna diubah"),
    "perbaikan.diajukan": _("Perbaikan data diajukan"),
    "perbaikan.disetujui": _("Perbaikan data disetujui"),
    "permohonan.berkas_dari_arsip": _("Berkas permohonan diambil dari arsip"),
    "permohonan.berkas_dihapus": _("Berkas permohonan dihapus"),
    "permohonan.berkas_diunggah": _("Berkas permohonan diunggah"),
    "permohonan.diajukan": _("Permohonan diajukan"),
    "permohonan.diajukan_ulang": _("Permohonan diajukan ulang"),
    "permohonan.dibuat": _("Permohonan dibuat"),
    "permohonan.diteruskan": _("Permohonan diteruskan"),
    "permohonan.isian_diubah": _("Isian permohonan diubah"),
    "produk.diterbitkan": _("Produk layanan diterbitkan"),
    "riwayatpendidikan.diubah": _("Riwayat pendidikan diubah"),
    "riwayatskp.diubah": _("Riwayat SKP diubah"),
    "siasn.penarikan.dimulai": _("Penarikan SIASN dimulai"),
    "siasn.penarikan.selesai": _("Penarikan SIASN selesai"),
    "siasn.selisih.dikoreksi": _("Selisih SIASN dikoreksi"),
    "siasn.selisih.dipertahankan": _("Selisih SIASN dipertahankan"),
    "siasn.selisih.diterima": _("Selisih SIASN diterima"),
    "survei.dijawab": _("Survei dijawab"),
    "survei.ditawarkan": _("Survei ditawarkan"),
    "survei.undangan_dikirim": _("Undangan survei dikirim"),
    "templat_produk.dibuat": _("Templat produk dibuat"),
    "templat_produk.diubah": _("Templat produk diubah"),
    "unit_kerja.dibuat": _("Unit kerja dibuat"),
    "unit_kerja.diubah": _("Unit kerja diubah"),
}

# Keys of the summaries that bulk actions write (not model fields): their labels.
KEY_LABELS = {
    "accepted": _("diterima"),
    "as_of": _("per"),
    "berubah": _("berubah"),
    "created": _("dibuat"),
    "dates": _("tanggal"),
    "dihapus": _("dihapus"),
    "diimpor": _("diimpor"),
    "dinilai": _("dinilai"),
    "due": _("jatuh tempo"),
    "eligible": _("memenuhi syarat"),
    "files": _("berkas"),
    "needs_fix": _("perlu perbaikan"),
    "overdue": _("terlambat"),
    "overdue_open": _("terbuka dan terlambat"),
    "period": _("periode"),
    "recipients": _("penerima"),
    "requests": _("permohonan"),
    "rewritten": _("ditulis ulang"),
    "roles": _("peran"),
    "scope": _("cakupan"),
    "seed": _("benih acak"),
    "stays": _("tahapan"),
    "status": _("status"),
    "submissions": _("isian"),
    "submitted": _("dikirim"),
    "targets": _("sasaran"),
    "tidak_dikenal": _("tidak dikenal"),
    "title": _("judul"),
}


def event_label(event: str):
    if event in EVENT_LABELS:
        return EVENT_LABELS[event]
    head, _dot, rest = event.partition(".")
    return capfirst(f"{head.replace('_', ' ')}: {rest.replace('.', ' ').replace('_', ' ')}".strip(": "))


@cache
def _model(object_type: str) -> type[models.Model] | None:
    try:
        return apps.get_model(object_type)
    except (LookupError, ValueError):
        return None


def object_type_label(object_type: str):
    model = _model(object_type)
    return capfirst(model._meta.verbose_name) if model else object_type


@cache
def object_type_choices() -> list[tuple[str, str]]:
    """(``app.model``, its name) of the project's models, for the filter (no internal names to type)."""
    rows = [
        (model._meta.label_lower, model)
        for model in apps.get_models()
        if model._meta.app_config.path.startswith(str(settings.BASE_DIR))
        and "site-packages" not in model._meta.app_config.path  # the virtualenv sits in BASE_DIR
    ]
    return [(key, model._meta.verbose_name) for key, model in rows]


def _field(object_type: str, key: str) -> models.Field | None:
    model = _model(object_type)
    if model is None:
        return None
    try:
        return model._meta.get_field(key)
    except FieldDoesNotExist:
        return None


def key_label(object_type: str, key: str):
    field = _field(object_type, key)
    if field is not None and hasattr(field, "verbose_name"):
        return capfirst(field.verbose_name)
    if key in KEY_LABELS:
        return capfirst(KEY_LABELS[key])
    found = code_label(key)
    return capfirst(found if found != key else key.replace("_", " "))


def value_text(value, field: models.Field | None = None, object_type: str = "") -> str:
    """One stored value as a person reads it."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return gettext_now("Ya") if value else gettext_now("Tidak")
    if isinstance(value, str | int) and field is not None and getattr(field, "choices", None):
        shown = dict(field.flatchoices).get(value)
        if shown is not None:
            return str(shown)
    if field is not None and field.is_relation:
        return ", ".join(f"#{item}" for item in value) if isinstance(value, list) else f"#{value}"
    if isinstance(value, int | float):
        return formats.number_format(value, use_l10n=True, force_grouping=True)
    if isinstance(value, list):
        # Items of a list are ids (recipients) or codes more often than amounts: no grouping.
        items = [str(item) if isinstance(item, int) else value_text(item) for item in value[:LIST_ITEMS]]
        more = (
            f" … ({formats.number_format(len(value), force_grouping=True)})"
            if len(value) > LIST_ITEMS
            else ""
        )
        return ", ".join(items) + more
    if isinstance(value, dict):
        return "; ".join(f"{key_label(object_type, k)}: {value_text(v)}" for k, v in value.items())
    if isinstance(value, str):
        return _text(value)
    return str(value)


def _text(value: str) -> str:
    if len(value) >= 19 and value[4:5] == "-" and "T" in value:
        moment = parse_datetime(value)
        if moment is not None:
            if timezone.is_aware(moment):
                moment = timezone.localtime(moment)
            return formats.date_format(moment, "j M Y H:i")
    if len(value) == 10 and value[4:5] == "-":
        day = parse_date(value)
        if isinstance(day, dt.date):
            return formats.date_format(day, "j M Y")
    return str(code_label(value))


def changes(entry) -> list[tuple[str, str | None, str]]:
    """(label, before or None for a new object, after) of each stored key of an audit row."""
    rows = []
    for key, after in entry.after.items():
        field = _field(entry.object_type, key)
        before = value_text(entry.before.get(key), field, entry.object_type) if entry.before else None
        rows.append((key_label(entry.object_type, key), before, value_text(after, field, entry.object_type)))
    return rows
