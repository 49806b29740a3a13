"""API tokens issued to client systems (payroll, e-kinerja, the governor's dashboard).

Only a SHA-256 digest of the token is stored: the token is shown once when issued. Each
token acts through its own account (``client_user``, no password, no roles), so requests a
client creates and the audit log name it; its capabilities come from the token's scopes and
its OPD restriction, never from roles.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    name = models.CharField(_("nama klien"), max_length=100, unique=True)
    prefix = models.CharField(_("awalan token"), max_length=12)  # shown in lists to tell tokens apart
    digest = models.CharField(max_length=64, unique=True)
    scopes = models.JSONField(_("cakupan"), default=list)
    opd = models.ForeignKey(
        "org.Opd",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("dibatasi ke OPD"),
    )
    expires_at = models.DateTimeField(_("berlaku sampai"), null=True, blank=True)
    # IP addresses or networks ("10.20.0.0/16") the client may call from; empty: anywhere.
    allowed_addresses = models.JSONField(_("alamat klien yang diizinkan"), default=list, blank=True)
    rate_per_minute = models.PositiveIntegerField(_("batas permintaan per menit"), default=600)
    client_user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="api_token",
        verbose_name=_("akun klien"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("diterbitkan oleh"),
    )
    created_at = models.DateTimeField(_("diterbitkan pada"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("dicabut pada"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("dicabut oleh"),
    )
    last_used_at = models.DateTimeField(_("terakhir dipakai"), null=True, blank=True)
    last_used_address = models.CharField(_("alamat terakhir"), max_length=45, blank=True)

    class Meta:
        verbose_name = _("token API")
        verbose_name_plural = _("token API")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
