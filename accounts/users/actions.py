"""Every write of user management: creating and editing users and their roles."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import RoleAssignment, User
from accounts.roles import OPD_SCOPED_ROLES
from core.audit import record, snapshot, update_fields

USER_FIELDS = ("username", "name", "email", "opd", "is_active")


class RolesNeedOpd(ValueError):
    """An OPD-bound role (Pegawai, Operator OPD) was given to a user without an OPD."""


def _check_scope(roles, opd) -> None:
    if opd is None and OPD_SCOPED_ROLES & set(roles):
        raise RolesNeedOpd(_("Peran Pegawai dan Operator OPD memerlukan OPD."))


def _set_roles(user: User, roles) -> tuple[list[str], list[str]]:
    old = sorted(user.role_assignments.values_list("role", flat=True))
    new = sorted(set(roles))
    user.role_assignments.exclude(role__in=new).delete()
    RoleAssignment.objects.bulk_create(
        [RoleAssignment(user=user, role=r) for r in new if r not in old], ignore_conflicts=True
    )
    user.__dict__.pop("roles", None)
    user.__dict__.pop("capabilities", None)
    return old, new


@transaction.atomic
def do_create_user(
    *, username: str, name: str, password: str, roles, opd=None, email: str = "", actor
) -> User:
    _check_scope(roles, opd)
    user = User(username=username, name=name, email=email, opd=opd)
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    _set_roles(user, roles)
    record(
        actor=actor,
        event="pengguna.dibuat",
        obj=user,
        after={**snapshot(user, USER_FIELDS), "roles": sorted(set(roles))},
    )
    return user


@transaction.atomic
def do_update_user(user: User, *, changes: dict, roles=None, actor) -> bool:
    """Change profile fields and, when given, the set of roles; audited as one change."""
    final_roles = user.roles if roles is None else roles
    _check_scope(final_roles, changes.get("opd", user.opd))
    touched = update_fields(user, changes, actor=actor, event="pengguna.diubah")
    if roles is not None:
        old, new = _set_roles(user, roles)
        if old != new:
            record(
                actor=actor,
                event="pengguna.peran_diubah",
                obj=user,
                before={"roles": old},
                after={"roles": new},
            )
            touched = True
    return touched
