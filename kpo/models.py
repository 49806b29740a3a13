"""The precomputed KP list: one row per period and employee due in it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class JenisKp(models.TextChoices):
    REGULER = "reguler", _("KP reguler")
    FUNGSIONAL = "fungsional", _("KP pilihan jabatan fungsional")
    STRUKTURAL = "struktural", _("KP pilihan jabatan struktural")


class KpList(models.Model):
    """When the KP list of a period was last computed for everyone (rows recomputed since, for
    a changed employee, carry their own ``computed_at``)."""

    period = models.DateField(_("periode KP"), unique=True)
    computed_at = models.DateTimeField(_("dihitung pada"))
    due = models.PositiveIntegerField(_("jatuh tempo"), default=0)
    eligible = models.PositiveIntegerField(_("memenuhi syarat"), default=0)

    class Meta:
        verbose_name = _("daftar KP")
        verbose_name_plural = _("daftar KP")
        ordering = ["period"]

    def __str__(self) -> str:
        return f"Daftar KP {self.period:%Y-%m-%d}"


class KpCandidate(models.Model):
    """An employee due for a KP at ``period`` (time in rank met), eligible or not and why.

    Written by kpo.periods.actions.do_compute_kp_list; ``computed_at`` is when the row was
    last written (a row whose verdict did not change keeps it), ``stale`` is set when an input
    of the employee changed since and cleared by the recomputation that follows.
    ``nip``, ``nama`` and ``opd`` are copies so that the list, its search and its exports
    read one table."""

    period = models.DateField(_("periode KP"))
    pegawai = models.ForeignKey("people.Pegawai", on_delete=models.CASCADE, related_name="+")
    opd = models.ForeignKey(
        "org.Opd", null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("OPD")
    )
    nip = models.CharField(_("NIP"), max_length=18)
    nama = models.CharField(_("nama"), max_length=150)
    jabatan = models.CharField(_("jabatan"), max_length=200, blank=True)
    golongan = models.CharField(_("golongan"), max_length=6)
    golongan_baru = models.CharField(_("golongan baru"), max_length=6, blank=True)
    jenis = models.CharField(_("jenis KP"), max_length=12, choices=JenisKp.choices)
    eligible = models.BooleanField(_("memenuhi syarat"))
    reasons = models.JSONField(_("alasan"), default=list)  # [{"code": ..., "message": ...}]
    computed_at = models.DateTimeField(_("dihitung pada"))
    stale = models.BooleanField(_("perlu dihitung ulang"), default=False)

    class Meta:
        verbose_name = _("calon KP")
        verbose_name_plural = _("calon KP")
        ordering = ["period", "opd", "nama", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["period", "pegawai"], name="kp_candidate_once_per_period")
        ]
        indexes = [models.Index(fields=["period", "opd", "nama"], name="kp_candidate_list")]

    def __str__(self) -> str:
        return f"{self.nama} ({self.period:%Y-%m-%d})"
