"""The precomputed KP list (one row per period and employee due in it) and the issued SK KGB."""

from django.conf import settings
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


class SkKgb(models.Model):
    """An issued SK KGB (Surat Pemberitahuan Kenaikan Gaji Berkala) of one employee and TMT:
    the numbers printed on it, its register number, its PDF (a private core.Document) and the
    public verification code of its QR code. Written by kpo.kgb.actions.do_issue_sk_kgb; an
    issued letter never changes (a wrong one is superseded by a new decree, not edited)."""

    pegawai = models.ForeignKey(
        "people.Pegawai", on_delete=models.PROTECT, related_name="+", verbose_name=_("pegawai")
    )
    opd = models.ForeignKey(
        "org.Opd", on_delete=models.PROTECT, related_name="+", verbose_name=_("OPD")
    )  # the OPD when issued: who may download it
    tmt = models.DateField(_("TMT KGB"))
    golongan = models.CharField(_("golongan"), max_length=6)
    mkg_lama = models.PositiveSmallIntegerField(_("masa kerja golongan lama (tahun)"))
    gaji_lama = models.PositiveIntegerField(_("gaji pokok lama"))
    mkg_baru = models.PositiveSmallIntegerField(_("masa kerja golongan baru (tahun)"))
    gaji_baru = models.PositiveIntegerField(_("gaji pokok baru"))
    tmt_berikutnya = models.DateField(_("KGB berikutnya"), null=True, blank=True)
    number = models.CharField(_("nomor"), max_length=100, unique=True)
    year = models.PositiveSmallIntegerField(_("tahun"))
    sequence = models.PositiveIntegerField(_("nomor urut"))
    verification_code = models.CharField(_("kode verifikasi"), max_length=40, unique=True)
    title = models.CharField(_("judul"), max_length=200)
    official_name = models.CharField(_("pejabat penanda tangan"), max_length=150)
    document = models.ForeignKey(
        "core.Document",
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("berkas PDF"),
    )
    issued_at = models.DateTimeField(_("diterbitkan"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("diterbitkan oleh"),
    )

    class Meta:
        verbose_name = _("SK KGB")
        verbose_name_plural = _("SK KGB")
        ordering = ["tmt", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["pegawai", "tmt"], name="sk_kgb_once_per_tmt"),
            models.UniqueConstraint(fields=["year", "sequence"], name="sk_kgb_sequence_once_a_year"),
        ]
        indexes = [models.Index(fields=["tmt", "opd"], name="sk_kgb_month")]

    def __str__(self) -> str:
        return self.number
