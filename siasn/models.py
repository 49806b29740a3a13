"""Pull runs from the national system and the field-by-field differences they found.

A ``SiasnPull`` is one run of ``siasn_pull`` (for one NIP, one OPD or the whole instansi);
its work list is the NIPs it was asked for, and ``done`` says how far it got, so a run cut
short resumes where it stopped. A ``SiasnDifference`` is one field on which SIASN and Pelita
disagree for one employee: it waits in the worklist until staff accept the national value,
keep Pelita's, or open a correction.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class SiasnPull(models.Model):
    class Status(models.TextChoices):
        MENUNGGU = "menunggu", _("Menunggu")
        DIPROSES = "diproses", _("Diproses")
        SELESAI = "selesai", _("Selesai")
        GAGAL = "gagal", _("Gagal")

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("dimulai oleh"),
    )
    created_at = models.DateTimeField(_("dimulai pada"), auto_now_add=True)
    opd = models.ForeignKey(
        "org.Opd", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("OPD")
    )
    nip = models.CharField(_("NIP"), max_length=18, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.MENUNGGU)
    # The NIPs to fetch, fixed when the run is created; ``done`` of them are finished.
    nips = models.JSONField(_("daftar NIP"), default=list, blank=True)
    total = models.PositiveIntegerField(_("jumlah pegawai"), default=0)
    done = models.PositiveIntegerField(_("pegawai diproses"), default=0)
    differences = models.PositiveIntegerField(_("selisih ditemukan"), default=0)
    rejected = models.PositiveIntegerField(_("catatan ditolak"), default=0)
    # [{"nip": "…", "reason": "…"}, …]: records the national service sent that could not be read.
    rejections = models.JSONField(_("rincian catatan ditolak"), default=list, blank=True)
    attempt = models.PositiveSmallIntegerField(_("percobaan"), default=0)
    started_at = models.DateTimeField(_("mulai diproses"), null=True, blank=True)
    finished_at = models.DateTimeField(_("selesai pada"), null=True, blank=True)
    error = models.TextField(_("pesan galat"), blank=True)

    class Meta:
        verbose_name = _("penarikan data SIASN")
        verbose_name_plural = _("penarikan data SIASN")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"SIASN {self.nip or self.opd or _('seluruh instansi')} ({self.created_at:%d-%m-%Y %H:%M})"

    @property
    def finished(self) -> bool:
        return self.status in {self.Status.SELESAI, self.Status.GAGAL}


class SiasnDifference(models.Model):
    class Status(models.TextChoices):
        TERBUKA = "terbuka", _("Menunggu keputusan")
        DITERIMA = "diterima", _("Nilai SIASN diterima")
        DIPERTAHANKAN = "dipertahankan", _("Nilai Pelita dipertahankan")
        DIKOREKSI = "dikoreksi", _("Diajukan perbaikan")

    pull = models.ForeignKey(
        SiasnPull, on_delete=models.CASCADE, related_name="found", verbose_name=_("penarikan")
    )
    pegawai = models.ForeignKey(
        "people.Pegawai",
        on_delete=models.CASCADE,
        related_name="siasn_differences",
        verbose_name=_("pegawai"),
    )
    field = models.CharField(_("isian"), max_length=50)
    pelita_value = models.TextField(_("nilai Pelita"), blank=True)
    siasn_value = models.TextField(_("nilai SIASN"), blank=True)
    status = models.CharField(_("status"), max_length=14, choices=Status.choices, default=Status.TERBUKA)
    correction = models.ForeignKey(
        "people.Correction",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("usulan perbaikan"),
    )
    found_at = models.DateTimeField(_("ditemukan pada"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("diputuskan oleh"),
    )
    decided_at = models.DateTimeField(_("diputuskan pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("selisih data SIASN")
        verbose_name_plural = _("selisih data SIASN")
        ordering = ["pegawai__nama", "pegawai_id", "field"]
        indexes = [models.Index(fields=["status", "pegawai"], name="siasn_diff_status_idx")]
        constraints = [
            # A new pull refreshes the open difference of a field instead of stacking a second one.
            models.UniqueConstraint(
                fields=["pegawai", "field"], condition=Q(status="terbuka"), name="siasn_diff_one_open"
            )
        ]

    def __str__(self) -> str:
        return f"{self.pegawai_id} {self.field}: {self.pelita_value} ≠ {self.siasn_value}"
