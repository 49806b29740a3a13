from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class Instansi(models.Model):
    """The government this Pelita serves (a province, regency or city).

    One deployment normally serves one instansi; its time zone decides how office hours
    and SLA deadlines are read.
    """

    class Kind(models.TextChoices):
        PROVINSI = "provinsi", _("Pemerintah Provinsi")
        KABUPATEN = "kabupaten", _("Pemerintah Kabupaten")
        KOTA = "kota", _("Pemerintah Kota")

    class TimeZone(models.TextChoices):
        WIB = "Asia/Jakarta", _("WIB (UTC+7)")
        WITA = "Asia/Makassar", _("WITA (UTC+8)")
        WIT = "Asia/Jayapura", _("WIT (UTC+9)")

    code = models.CharField(_("kode"), max_length=20, unique=True)
    name = models.CharField(_("nama"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices)
    time_zone = models.CharField(
        _("zona waktu"), max_length=40, choices=TimeZone.choices, default=TimeZone.WIB
    )
    address = models.CharField(_("alamat"), max_length=300, blank=True)
    # The id of the instansi's root in the national unor tree (SIASN), learnt by import_opd:
    # rows whose induk is this id are OPDs.
    unor_id = models.CharField(_("ID unor SIASN"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("instansi")
        verbose_name_plural = _("instansi")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Opd(models.Model):
    """An organisasi perangkat daerah (dinas, badan, inspektorat, sekretariat…)."""

    instansi = models.ForeignKey(
        Instansi, on_delete=models.PROTECT, related_name="opds", verbose_name=_("instansi")
    )
    code = models.CharField(_("kode"), max_length=20)
    name = models.CharField(_("nama"), max_length=200)
    short_name = models.CharField(_("singkatan"), max_length=40, blank=True)
    is_active = models.BooleanField(_("aktif"), default=True)
    # The unor id of the national system (SIASN): import_opd matches rows by it, so a
    # re-import renames instead of duplicating. Empty for OPDs created by hand.
    unor_id = models.CharField(_("ID unor SIASN"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("OPD")
        verbose_name_plural = _("OPD")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "code"],
                name="opd_code_unique_in_instansi",
                violation_error_message=_("Kode OPD ini sudah dipakai OPD lain di instansi yang sama."),
            ),
            models.UniqueConstraint(
                fields=["instansi", "name"],
                name="opd_name_unique_in_instansi",
                violation_error_message=_("Nama OPD ini sudah dipakai OPD lain di instansi yang sama."),
            ),
            models.UniqueConstraint(
                fields=["unor_id"],
                condition=~Q(unor_id=""),
                name="opd_unor_id_unique",
                violation_error_message=_("ID unor ini sudah dipakai OPD lain."),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class UnitKerja(models.Model):
    """A unit inside an OPD (bidang, bagian, seksi, UPT…); ``parent`` makes the tree."""

    opd = models.ForeignKey(Opd, on_delete=models.PROTECT, related_name="units", verbose_name=_("OPD"))
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("induk"),
    )
    name = models.CharField(_("nama"), max_length=200)
    unor_id = models.CharField(_("ID unor SIASN"), max_length=64, blank=True)  # as on Opd

    class Meta:
        verbose_name = _("unit kerja")
        verbose_name_plural = _("unit kerja")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["opd", "parent", "name"],
                name="unit_name_unique_under_parent",
                violation_error_message=_("Sudah ada unit kerja dengan nama ini di bawah induk yang sama."),
            ),
            models.CheckConstraint(condition=~Q(parent=F("id")), name="unit_not_own_parent"),
            models.UniqueConstraint(
                fields=["unor_id"],
                condition=~Q(unor_id=""),
                name="unit_unor_id_unique",
                violation_error_message=_("ID unor ini sudah dipakai unit kerja lain."),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class OfficeHours(models.Model):
    """Opening hours of one weekday for an instansi; a weekday without a row is closed."""

    class Weekday(models.IntegerChoices):
        SENIN = 0, _("Senin")
        SELASA = 1, _("Selasa")
        RABU = 2, _("Rabu")
        KAMIS = 3, _("Kamis")
        JUMAT = 4, _("Jumat")
        SABTU = 5, _("Sabtu")
        MINGGU = 6, _("Minggu")

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="office_hours")
    weekday = models.PositiveSmallIntegerField(_("hari"), choices=Weekday.choices)
    opens = models.TimeField(_("buka"))
    closes = models.TimeField(_("tutup"))
    break_start = models.TimeField(_("mulai istirahat"), null=True, blank=True)
    break_end = models.TimeField(_("selesai istirahat"), null=True, blank=True)

    class Meta:
        verbose_name = _("jam kerja")
        verbose_name_plural = _("jam kerja")
        ordering = ["instansi", "weekday"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "weekday"], name="office_hours_once_per_weekday"),
            models.CheckConstraint(condition=Q(opens__lt=F("closes")), name="office_opens_before_closing"),
            models.CheckConstraint(
                condition=(Q(break_start__isnull=True) & Q(break_end__isnull=True))
                | (
                    Q(break_start__gt=F("opens"))
                    & Q(break_start__lt=F("break_end"))
                    & Q(break_end__lt=F("closes"))
                ),
                name="office_break_inside_hours",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"
