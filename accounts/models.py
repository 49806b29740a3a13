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


class ThrottleCount(models.Model):
    """How many times one key hit one throttle in one time slice (accounts/throttle.py).

    A row per (scope, key, slice), counted up in the database itself (``count = count + 1``
    in one upsert) so that every app server sees the same number and concurrent hits are
    never lost. ``key`` is a keyed hash of the client address or username: failed-login
    usernames are often passwords typed in the wrong box and must not sit here in clear.
    Pruned by the ``prune_throttle`` command once ``expires_at`` has passed.
    """

    scope = models.CharField(max_length=40)
    key = models.CharField(max_length=64)
    slice_start = models.DateTimeField()
    expires_at = models.DateTimeField(db_index=True)  # pruning deletes by it
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("hitungan pembatas")
        verbose_name_plural = _("hitungan pembatas")
        constraints = [
            # The upsert's conflict target; its index also serves every read (scope, key).
            models.UniqueConstraint(fields=["scope", "key", "slice_start"], name="throttle_slice_once")
        ]

    def __str__(self) -> str:
        return f"{self.scope} {self.key[:8]} @ {self.slice_start:%Y-%m-%d %H:%M}: {self.count}"
