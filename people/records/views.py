from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts.roles import Capability
from core.exports.views import export_or_job
from core.paging import paginate
from core.permissions import require, user_can
from core.spreadsheets import xlsx_response
from people.records.files import PEGAWAI_EXPORT, export_title, filter_params, pegawai_filename, pegawai_xlsx
from people.records.forms import ColumnsForm, PegawaiFilterForm
from people.records.queries import get_pegawai_for_user, list_pegawai_for_user, own_pegawai
from people.records.rules.profile import DEFAULT_TAB, TAB_KEYS, header_of, table_of, tabs_of


@require(Capability.VIEW_PEGAWAI)
@require_GET
def pegawai_list(request):
    form = PegawaiFilterForm(request.GET, user=request.user)
    filters = form.filters()
    if form.errors:
        # Redirect to the cleaned address so pagination and export links carry only valid
        # values and the message is shown once.
        messages.warning(
            request,
            _("Nilai saringan yang tidak dikenal diabaikan: %(fields)s.")
            % {"fields": ", ".join(form.ignored())},
        )
        query = form.valid_query().urlencode()
        return redirect(f"{request.path}?{query}" if query else request.path)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "people/pegawai_list.html",
        {
            "form": form,
            "export_query": query.urlencode(),
            "filter_items": [(k, v) for k, values in query.lists() for v in values],
            "columns_form": ColumnsForm(),
            **paginate(request, list_pegawai_for_user(request.user, **filters)),
        },
    )


@require(Capability.VIEW_PEGAWAI)
@require_http_methods(["GET", "POST"])
def pegawai_export(request):
    """The filtered list as XLSX; values that do not validate are dropped, as on the list.

    A list longer than PELITA_EXPORT_INLINE_MAX_ROWS is built in the background instead
    (GET explains, POST starts the job: core.exports.views.export_or_job).
    """
    form = PegawaiFilterForm(request.GET, user=request.user)
    pegawai = list_pegawai_for_user(request.user, **form.filters())
    columns = ColumnsForm(request.GET).keys()
    params = filter_params(form)
    if columns:
        params["kolom"] = ",".join(columns)
    return export_or_job(
        request,
        PEGAWAI_EXPORT,
        params=params,
        title=export_title(form),
        count=pegawai.count(),
        inline=lambda: xlsx_response(pegawai_xlsx(pegawai, columns=columns), pegawai_filename(params)),
    )


@require(Capability.VIEW_PEGAWAI)
@require_GET
def pegawai_detail(request, pk: int):
    return _detail(request, get_pegawai_for_user(request.user, pk), own=False)


@require_GET
def data_saya(request):
    """The user's own record; any role may have one, so no capability is required."""
    return _detail(request, own_pegawai(request.user, histories=True), own=True)


def _detail(request, pegawai, *, own: bool):
    tab = request.GET.get("tab", DEFAULT_TAB)
    if tab not in TAB_KEYS:
        tab = DEFAULT_TAB
    return render(
        request,
        "people/pegawai_detail.html",
        {
            "pegawai": pegawai,
            "own": own,
            "header": header_of(pegawai, timezone.localdate()),
            "tabs": tabs_of(pegawai, tab),
            "table": table_of(pegawai, tab),
            "can_list": user_can(request.user, Capability.VIEW_PEGAWAI),
        },
    )
