"""The Admin's token screens: list, issue (the token is shown once), revoke."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.roles import Capability
from api.tokens.actions import do_create_api_token, do_revoke_api_token
from api.tokens.forms import TokenForm
from api.tokens.queries import get_token_for_user, tokens_for_user
from core.paging import paginate
from core.permissions import require


@require(Capability.MANAGE_USERS)
@require_GET
def token_list(request):
    return render(request, "api/token_list.html", paginate(request, tokens_for_user(request.user)))


@require(Capability.MANAGE_USERS)
@require_http_methods(["GET", "POST"])
def token_create(request):
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            token, plain = do_create_api_token(
                name=data["name"],
                scopes=data["scopes"],
                opd=data["opd"],
                expires_at=data["expires"],
                allowed_addresses=data["allowed_addresses"],
                rate_per_minute=data["rate_per_minute"],
                actor=request.user,
            )
        except ValidationError as exc:
            for name, errors in exc.message_dict.items():
                form.add_error(name if name in form.fields else None, errors)
        else:
            # Rendered, not redirected: the token exists only in this response.
            response = render(request, "api/token_created.html", {"token": token, "plain": plain})
            response["Cache-Control"] = "no-store"
            return response
    return render(request, "api/token_form.html", {"form": form})


@require(Capability.MANAGE_USERS)
@require_POST
def token_revoke(request, pk: int):
    token = get_token_for_user(request.user, pk)
    if do_revoke_api_token(token, actor=request.user):
        messages.success(request, _("Token %(name)s dicabut.") % {"name": token.name})
    return redirect("api_tokens:token_list")
