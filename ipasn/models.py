"""Stored IP-ASN scores and the national system's values.

A score row is the result of regulations.ipasn for one employee and measurement year, with
the inputs it read (``inputs``: the education, position and the history rows used, each
with its id) so that the explanation page, the reports and the national comparison are
built from exactly what was scored, without reading the histories again.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kategori(models.TextChoices):
    SANGAT_TINGGI = "sangat_tinggi", _("Sangat Tinggi")
    TINGGI = "tinggi", _("Tinggi")
    SEDANG = "sedang", _("Sedang")
    RENDAH = "rendah", _("Rendah")
    SANGAT_RENDAH = "sangat_rendah", _("Sangat Rendah")


class Score(models.Model):
    # No index of their own: the unique (pegawai, year) serves the employee's lookups and
    # the figures index (year, opd, …) the OPD's, and every index costs a whole-instansi write.
    pegawai = models.ForeignKey(
        "people.Pegawai",
        on_delete=models.CASCADE,
        related_name="ipasn_scores",
        verbose_name=_("pegawai"),
        db_index=False,
    )
    year = models.PositiveSmallIntegerField(_("tahun"))
    # The OPD when scored: per-OPD figures group on it without joining the employee.
    opd = models.ForeignKey(
        "org.Opd", on_delete=models.PROTECT, related_name="+", verbose_name=_("OPD"), db_index=False
    )
    kualifikasi = models.FloatField(_("kualifikasi"))
    kompetensi = models.FloatField(_("kompetensi"))
    kinerja = models.FloatField(_("kinerja"))
    disiplin = models.FloatField(_("disiplin"))
    total = models.FloatField(_("total"))
    kategori = models.CharField(_("kategori"), max_length=14, choices=Kategori.choices)
    inputs = models.JSONField(_("data yang dinilai"), default=dict)
    # ipasn.scores.actions.digest_of: a recompute writes only the rows whose digest changed.
    digest = models.CharField(_("sidik data"), max_length=32, blank=True, editable=False)
    computed_at = models.DateTimeField(_("dihitung pada"))

    class Meta:
        verbose_name = _("skor IP-ASN")
        verbose_name_plural = _("skor IP-ASN")
        ordering = ["year", "pegawai"]
        constraints = [models.UniqueConstraint(fields=["pegawai", "year"], name="ipasn_score_once_per_year")]
        indexes = [
            # Covers the per-OPD averages and kategori counts, so they never read the inputs JSON.
            models.Index(fields=["year", "opd", "kategori", "total"], name="ipasn_score_figures_idx"),
        ]

    def __str__(self) -> str:
        return f"IP-ASN {self.year} {self.pegawai_id}: {self.total:g}"


class NationalScore(models.Model):
    """One employee's values as the national system (SIASN ``nilaiipasn``) reports them."""

    pegawai = models.ForeignKey(
        "people.Pegawai", on_delete=models.CASCADE, related_name="+", verbose_name=_("pegawai")
    )
    year = models.PositiveSmallIntegerField(_("tahun"))
    kualifikasi = models.FloatField(_("kualifikasi"))
    kompetensi = models.FloatField(_("kompetensi"))
    kinerja = models.FloatField(_("kinerja"))
    disiplin = models.FloatField(_("disiplin"))
    total = models.FloatField(_("total"))
    imported_at = models.DateTimeField(_("diimpor pada"))
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("diimpor oleh"),
    )

    class Meta:
        verbose_name = _("nilai IP-ASN nasional")
        verbose_name_plural = _("nilai IP-ASN nasional")
        ordering = ["year", "pegawai"]
        constraints = [
            models.UniqueConstraint(fields=["pegawai", "year"], name="ipasn_national_once_per_year")
        ]

    def __str__(self) -> str:
        return f"IP-ASN nasional {self.year} {self.pegawai_id}: {self.total:g}"
