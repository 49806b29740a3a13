from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from helpdesk.selfcheck.forms import SelfCheckForm
from helpdesk.selfcheck.rules import self_check
from regulations.reasons import RuleInputError


@login_not_required
@require_http_methods(["GET", "POST"])
def selfcheck(request):
    form = SelfCheckForm(request.POST or None)
    result = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            result = self_check(
                birth_date=data["birth_date"],
                closing_date=data["closing_date"],
                education=data["education"],
                ipk=float(data["ipk"]) if data["ipk"] is not None else None,
                accreditation=data["accreditation"],
                in_province=data["domicile"] == "dalam",
                formation=data["formation"],
            )
        except RuleInputError as error:
            form.add_error(None, str(error))
    return render(request, "helpdesk/selfcheck.html", {"form": form, "result": result})
