"""The form of the files export: which OPD (all of them only for those who see every OPD)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.roles import Capability
from core.permissions import user_can
from org.units.queries import opds_for_user


class FilesExportForm(forms.Form):
    opd = forms.ModelChoiceField(
        label=gettext_lazy("OPD"),
        queryset=None,
        required=False,
        error_messages={"invalid_choice": gettext_lazy("Pilih OPD dari daftar.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["opd"]
        field.queryset = opds_for_user(user).order_by("name")
        self.all_allowed = user_can(user, Capability.VIEW_ALL_OPDS)
        if self.all_allowed:
            field.empty_label = _("Semua OPD (satu ZIP per OPD di dalamnya)")
        else:
            field.required = True
            field.empty_label = None
