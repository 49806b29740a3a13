"""The inbox filters, read from the query string. A value outside the user's choices (a
service with no step of theirs, an OPD outside their scope) is dropped, not refused."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from layanan.workflow.queries import InboxFilters, inbox_services
from org.units.queries import opds_for_user

SEARCH_MAX_LENGTH = 100


class InboxFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari nomor, nama atau NIP"), required=False, max_length=SEARCH_MAX_LENGTH)
    service = forms.ModelChoiceField(
        label=_("Layanan"), queryset=None, required=False, empty_label=_("Semua layanan")
    )
    opd = forms.ModelChoiceField(label=_("OPD"), queryset=None, required=False, empty_label=_("Semua OPD"))
    overdue = forms.BooleanField(label=_("Hanya yang terlambat"), required=False)

    def __init__(self, data, *, user):
        super().__init__(data)
        self.fields["service"].queryset = inbox_services(user)
        self.fields["opd"].queryset = opds_for_user(user).order_by("name")

    def filters(self) -> InboxFilters:
        if not self.is_bound:
            return InboxFilters()
        # Keep what did validate: a stale OPD in a bookmarked link still shows the inbox.
        self.is_valid()
        data = self.cleaned_data
        return InboxFilters(
            service=data["service"].pk if data.get("service") else None,
            opd=data["opd"].pk if data.get("opd") else None,
            overdue=bool(data.get("overdue")),
            q=data.get("q") or "",
        )
