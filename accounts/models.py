from functools import cached_property

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.roles import Role, capabilities_of


class User(AbstractUser):
    """A person who logs in. Roles are rows of RoleAssignment; ``opd`` scopes OPD-bound roles."""

    name = models.CharField(_("nama lengkap"), max_length=200)
    opd = models.ForeignKey(
        "org.Opd",
        verbose_name=_("OPD"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")
        ordering = ["username"]

    def __str__(self) -> str:
        return self.name or self.username

    @cached_property
    def roles(self) -> frozenset[str]:
        """The user's roles, read once per request (one query)."""
        return frozenset(self.role_assignments.values_list("role", flat=True))

    @cached_property
    def capabilities(self) -> frozenset[str]:
        return capabilities_of(self.roles)

    def can(self, capability: str) -> bool:
        return self.is_active and capability in self.capabilities


class RoleAssignment(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(_("peran"), max_length=32, choices=Role.choices)

    class Meta:
        verbose_name = _("peran pengguna")
        verbose_name_plural = _("peran pengguna")
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="role_once_per_user")]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()}"


class LoginFailure(models.Model):
    """A failed login, kept to lock out guessing. Pruned by the prune_login_failures command."""

    username = models.CharField(max_length=150, db_index=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    ip = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        verbose_name = _("kegagalan masuk")
        verbose_name_plural = _("kegagalan masuk")

    def __str__(self) -> str:
        return f"{self.username} @ {self.at:%Y-%m-%d %H:%M}"
