"""The audit log filter: who, which object, between which days."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core import inputs
from core.auditlog.rules import object_type_choices


class AuditFilterForm(forms.Form):
    actor = forms.ModelChoiceField(
        label=_("Pelaku"),
        queryset=get_user_model().objects.order_by("username"),
        required=False,
        empty_label=_("Semua pelaku"),
    )
    object_type = forms.ChoiceField(label=_("Jenis objek"), required=False)
    object_id = forms.CharField(label=_("ID objek"), required=False)
    # core.inputs.DateField: 0001-01-01 or 9999-12-31 overflowed the time-zone arithmetic.
    date_from = inputs.DateField(
        label=_("Dari tanggal"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = inputs.DateField(
        label=_("Sampai tanggal"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The kinds of object by their names, not the internal model names to be typed.
        choices = sorted(
            ((key, capfirst(name)) for key, name in object_type_choices()), key=lambda c: str(c[1])
        )
        self.fields["object_type"].choices = [("", _("Semua jenis objek")), *choices]

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", _("Tanggal akhir tidak boleh sebelum tanggal awal."))
        return data
