from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import PasswordChangeForm
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts import actions
from accounts.forms import NewUserForm, ThrottledLoginForm, UserFilterForm, UserForm
from accounts.queries import get_user, list_users
from accounts.roles import Capability, Role
from core.clients import client_address
from core.inputs import edit_form
from core.paging import paginate
from core.permissions import require


@method_decorator(login_not_required, name="dispatch")
class LoginView(auth_views.LoginView):
    form_class = ThrottledLoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        actions.do_record_login(form.get_user(), ip=client_address(self.request))
        return response


class LogoutView(auth_views.LogoutView):
    http_method_names = ["post", "options"]


@require_http_methods(["GET", "POST"])
def password_change(request):
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.do_change_password(
            request.user, new_password=form.cleaned_data["new_password1"], actor=request.user
        )
        update_session_auth_hash(request, request.user)
        messages.success(request, _("Kata sandi Anda sudah diganti."))
        return redirect("reports:dashboard")
    return render(request, "accounts/password_change.html", {"form": form})


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
