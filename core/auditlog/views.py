"""The audit log screen: every audited write, filtered and paginated."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_GET

from core.auditlog import rules
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
    page = paginate(request, entries)
    for entry in page["page_obj"]:
        entry.event_label = rules.event_label(entry.event)
        entry.type_label = rules.object_type_label(entry.object_type)
        entry.changes = rules.changes(entry)
    return render(request, "core/audit_list.html", {"form": form, **page})
