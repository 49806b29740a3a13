from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditLog(models.Model):
    """One row per change of data: who did what to which object, with before → after.

    Rows are written only by core.audit.record(), called from every action; nothing
    updates or deletes them.
    """

    at = models.DateTimeField(_("waktu"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pelaku"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept as text too, so the row still says who it was if the account is ever removed,
    # and so system work (seeders, periodic commands) can name itself.
    actor_label = models.CharField(_("nama pelaku"), max_length=150)
    event = models.CharField(_("peristiwa"), max_length=64)
    object_type = models.CharField(_("jenis objek"), max_length=64)
    object_id = models.CharField(_("ID objek"), max_length=64, blank=True)
    object_repr = models.CharField(_("objek"), max_length=255, blank=True)
    before = models.JSONField(_("sebelum"), default=dict, blank=True)
    after = models.JSONField(_("sesudah"), default=dict, blank=True)

    class Meta:
        verbose_name = _("log audit")
        verbose_name_plural = _("log audit")
        ordering = ["-at", "-id"]
        indexes = [
            # the audit screen's "history of this object" filter
            models.Index(fields=["object_type", "object_id"], name="audit_object_idx"),
            # the audit screen's "what did this person do" filter
            models.Index(fields=["actor", "-at"], name="audit_actor_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.event} {self.object_repr}"


class Holiday(models.Model):
    """A day the offices are closed: national holidays, cuti bersama, and local ones.

    National days and cuti bersama are loaded from the `holidays` package; an Admin can
    add local days, rename any day, or cancel one (cancelled days stay, inactive, so that
    a reload of the national list does not bring them back).
    """

    class Kind(models.TextChoices):
        NASIONAL = "nasional", _("Libur nasional")
        CUTI_BERSAMA = "cuti_bersama", _("Cuti bersama")
        LOKAL = "lokal", _("Libur lokal")

    date = models.DateField(_("tanggal"), unique=True)
    name = models.CharField(_("nama"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices)
    is_active = models.BooleanField(_("berlaku"), default=True)

    class Meta:
        verbose_name = _("hari libur")
        verbose_name_plural = _("hari libur")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.name}"


class Document(models.Model):
    """A scan (PDF, JPG or PNG) attached to any record: a history row, a Pegawai, later a request.

    The bytes live in the private default storage (a directory under MEDIA_ROOT, or an
    S3-compatible bucket with PELITA_STORAGE=s3) as documents/YYYY/MM/<random name>; no URL
    maps to it, so a document is only ever served by a view that checks the reader against its
    owner object (see core.documents). Rows are written only
    by core.documents.do_attach_document / do_delete_document.
    """

    class Kind(models.TextChoices):
        SK_PANGKAT = "sk_pangkat", _("SK pangkat")
        SK_JABATAN = "sk_jabatan", _("SK jabatan")
        IJAZAH = "ijazah", _("Ijazah")
        SERTIFIKAT = "sertifikat", _("Sertifikat")
        SKP = "skp", _("SKP")
        PERSYARATAN = "persyaratan", _("Berkas persyaratan layanan")
        PRODUK = "produk", _("Produk layanan")
        ISIAN_KAMPANYE = "isian_kampanye", _("Unggahan isian kampanye")
        LAINNYA = "lainnya", _("Lainnya")

    # The owner, through a generic relation: core must not import the apps above it.
    content_type = models.ForeignKey(
        "contenttypes.ContentType",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("jenis pemilik"),
    )
    object_id = models.PositiveBigIntegerField(_("ID pemilik"))
    owner = GenericForeignKey("content_type", "object_id")
    kind = models.CharField(_("jenis dokumen"), max_length=20, choices=Kind.choices)
    original_name = models.CharField(_("nama berkas"), max_length=255)
    mime_type = models.CharField(_("tipe isi"), max_length=50)  # detected from the bytes, not the upload
    size = models.PositiveBigIntegerField(_("ukuran (bita)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    storage_name = models.CharField(_("nama simpan"), max_length=200, unique=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("diunggah oleh"),
    )
    uploaded_at = models.DateTimeField(_("waktu unggah"), default=timezone.now)

    class Meta:
        verbose_name = _("dokumen")
        verbose_name_plural = _("dokumen")
        ordering = ["uploaded_at", "id"]
        indexes = [
            # the documents of the rows a history tab shows (core.documents.documents_of)
            models.Index(fields=["content_type", "object_id"], name="document_owner_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(size__gt=0), name="document_not_empty"),
            models.CheckConstraint(condition=Q(sha256__regex=r"^[0-9a-f]{64}$"), name="document_sha256_hex"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.original_name}"


class Notification(models.Model):
    """An in-app message to one user (request submitted, returned, completed; campaign
    reminders). Written only by core.notifications.actions.do_notify, which also sends the e-mail."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("penerima"),
    )
    title = models.CharField(_("judul"), max_length=200)
    body = models.TextField(_("isi"), blank=True)
    url = models.CharField(_("tautan"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("waktu"), default=timezone.now)
    read_at = models.DateTimeField(_("dibaca"), null=True, blank=True)

    class Meta:
        verbose_name = _("notifikasi")
        verbose_name_plural = _("notifikasi")
        ordering = ["-created_at", "-id"]
        indexes = [
            # the unread badge and the list of one user's notifications
            models.Index(fields=["recipient", "read_at", "-created_at"], name="notification_inbox_idx"),
        ]

    def __str__(self) -> str:
        return self.title


class ExportJob(models.Model):
    """A spreadsheet too big to build inside a request (core.exports.files), built by the worker.

    ``kind`` names the export (the dotted path of its core.exports.files.ExportKind) and
    ``params`` the filters of the page it was asked from, so the worker builds exactly what
    the screen showed, through the owner's own scoped query. The worker writes done/total
    on this row as it goes (outside any long transaction), so every app server's status
    endpoint sees the progress. The file is kept in the default storage under exports/
    with a random name; no URL maps to it and only the owner downloads it, through
    core.exports.views, unless the app shares the kind's jobs with the users of its scope
    (a campaign's ZIPs of uploads: campaigns.exports.queries) and serves them through the
    same core.exports.views.job_file_response. Rows are written only by core.exports.actions
    and core.exports.files.
    """

    class Status(models.TextChoices):
        MENUNGGU = "menunggu", _("Menunggu")
        DIPROSES = "diproses", _("Diproses")
        SELESAI = "selesai", _("Selesai")
        GAGAL = "gagal", _("Gagal")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="export_jobs",
        verbose_name=_("pemilik"),
    )
    kind = models.CharField(_("jenis ekspor"), max_length=100)
    title = models.CharField(_("judul"), max_length=200)
    params = models.JSONField(_("saringan"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.MENUNGGU)
    total = models.PositiveIntegerField(_("jumlah baris"), default=0)
    done = models.PositiveIntegerField(_("baris selesai"), default=0)
    file = models.CharField(_("berkas"), max_length=200, blank=True)  # name in the default storage
    filename = models.CharField(_("nama unduhan"), max_length=200)
    error = models.TextField(_("pesan galat"), blank=True)
    created_at = models.DateTimeField(_("diminta pada"), default=timezone.now)
    started_at = models.DateTimeField(_("mulai diproses"), null=True, blank=True)
    finished_at = models.DateTimeField(_("selesai pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("ekspor")
        verbose_name_plural = _("ekspor")
        ordering = ["-created_at", "-id"]
        indexes = [
            # the user's "Ekspor saya" list and the running-jobs limit of core.exports.actions
            models.Index(fields=["owner", "-created_at"], name="exportjob_owner_created_idx"),
            # the jobs of one export kind shared by several users (a campaign's ZIPs)
            models.Index(fields=["kind", "-created_at"], name="exportjob_kind_created_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.created_at:%d-%m-%Y %H:%M})"

    @property
    def finished(self) -> bool:
        return self.status in {self.Status.SELESAI, self.Status.GAGAL}
