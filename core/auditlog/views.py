"""The audit log screen: every audited write, filtered and paginated."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_GET

from core.auditlog.forms import AuditFilterForm
from core.auditlog.queries import list_audit_entries
from core.paging import paginate
from core.permissions import VIEW_AUDIT, require


@require(VIEW_AUDIT)
@require_GET
def audit_list(request):
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    entries = list_audit_entries(**{k: v for k, v in filters.items() if v})
    return render(request, "core/audit_list.html", {"form": form, **paginate(request, entries)})
