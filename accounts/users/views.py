"""User management (manage_users): the list, creating a user, editing one."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts.roles import Capability, Role
from accounts.users import actions
from accounts.users.forms import NewUserForm, UserFilterForm, UserForm
from accounts.users.queries import get_user, list_users
from core.inputs import edit_form
from core.paging import paginate
from core.permissions import require


@require(Capability.MANAGE_USERS)
@require_GET
def user_list(request):
    form = UserFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    users = list_users(q=filters.get("q", ""), role=filters.get("role", ""), opd=filters.get("opd"))
    return render(
        request,
        "accounts/user_list.html",
        {"form": form, "role_labels": dict(Role.choices), **paginate(request, users)},
    )


@require(Capability.MANAGE_USERS)
@require_http_methods(["GET", "POST"])
def user_create(request):
    form = NewUserForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = actions.do_create_user(
            username=data["username"],
            name=data["name"],
            email=data["email"],
            opd=data["opd"],
            password=data["password"],
            roles=data["roles"],
            actor=request.user,
        )
        messages.success(request, _("Pengguna %(name)s dibuat.") % {"name": user})
        return redirect("accounts:user_list")
    return render(request, "accounts/user_form.html", {"form": form, "title": _("Tambah pengguna")})


@require(Capability.MANAGE_USERS)
@require_http_methods(["GET", "POST"])
def user_edit(request, pk: int):
    user = get_user(pk)
    form = edit_form(UserForm, user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        actions.do_update_user(
            user,
            changes={k: data[k] for k in ("username", "name", "email", "opd", "is_active")},
            roles=data["roles"],
            actor=request.user,
        )
        messages.success(request, _("Perubahan pengguna disimpan."))
        return redirect("accounts:user_list")
    return render(
        request, "accounts/user_form.html", {"form": form, "title": _("Ubah pengguna"), "edited": user}
    )
