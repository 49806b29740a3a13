"""The reports' filter: one OPD among those the user may see (all, for BKD staff)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from org.units.queries import opds_for_user


class OpdFilterForm(forms.Form):
    opd = forms.ModelChoiceField(
        label=_("OPD"),
        queryset=None,
        required=False,
        empty_label=_("Semua OPD"),
        error_messages={"invalid_choice": _("Pilih OPD dari daftar.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opd"].queryset = opds_for_user(user).order_by("name")
