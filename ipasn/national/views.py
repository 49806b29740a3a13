"""The comparison with the national values, and their import."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts.roles import Capability
from core.paging import paginate
from core.permissions import require
from ipasn.national.actions import do_import_national_scores
from ipasn.national.files import NationalFileError, read_national_csv
from ipasn.national.forms import NationalImportForm
from ipasn.national.queries import differing, explained, imported_count
from ipasn.scores.forms import id_param, year_param
from ipasn.scores.queries import latest_year
from org.units.queries import get_opd_for_user


@require_GET
@require(Capability.VIEW_PEGAWAI)
def national(request):
    year = year_param(request.GET.get("tahun", "")) or latest_year() or timezone.localdate().year
    opd_id = id_param(request.GET.get("opd", ""))
    opd = get_opd_for_user(request.user, opd_id) if opd_id else None
    context = paginate(request, differing(request.user, year, opd))
    context.update(
        year=year, opd=opd, imported=imported_count(request.user, year), rows=explained(context["page_obj"])
    )
    return render(request, "ipasn/national.html", context)


@require_http_methods(["GET", "POST"])
@require(Capability.IMPORT_PEGAWAI)
def national_import(request):
    form = NationalImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            rows = read_national_csv(form.cleaned_data["berkas"].read())
        except NationalFileError as exc:
            form.add_error("berkas", str(exc))
        else:
            year = form.cleaned_data["tahun"]
            counts = do_import_national_scores(rows, year=year, actor=request.user)
            messages.success(
                request,
                _("%(n)s nilai nasional diimpor; %(unknown)s NIP tidak dikenal di lingkup Anda.")
                % {"n": counts["diimpor"], "unknown": counts["tidak_dikenal"]},
            )
            return redirect(f"{reverse('ipasn:national')}?tahun={year}")
    return render(request, "ipasn/national_import.html", {"form": form})
