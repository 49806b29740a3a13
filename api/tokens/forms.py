"""The Admin's token form, messages in Indonesian."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from api.tokens.rules import SCOPES
from org.models import Opd


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Nama klien"), max_length=100, error_messages={"required": _("Tuliskan nama klien.")}
    )
    scopes = forms.MultipleChoiceField(
        label=_("Cakupan"),
        widget=forms.CheckboxSelectMultiple,
        choices=[(code, f"{code} — {label}") for code, (label, _caps) in SCOPES.items()],
        error_messages={"required": _("Pilih minimal satu cakupan.")},
    )
    opd = forms.ModelChoiceField(
        label=_("Batasi ke OPD"),
        queryset=Opd.objects.order_by("name"),
        required=False,
        empty_label=_("Semua OPD"),
    )
    expires = forms.DateField(
        label=_("Berlaku sampai"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Tanggal tidak sah.")},
    )
    allowed_addresses = forms.CharField(
        label=_("Alamat klien yang diizinkan"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Satu alamat IP atau jaringan per baris, mis. 10.20.0.0/16. Kosong: dari mana saja."),
    )
    rate_per_minute = forms.IntegerField(
        label=_("Batas permintaan per menit"),
        initial=600,
        min_value=1,
        max_value=100_000,
        error_messages={
            "invalid": _("Tuliskan bilangan bulat."),
            "min_value": _("Minimal 1."),
            "max_value": _("Maksimal 100.000."),
        },
    )

    def clean_expires(self):
        day = self.cleaned_data.get("expires")
        if day is None:
            return None
        if day <= timezone.localdate():
            raise forms.ValidationError(_("Tanggal berlaku harus di masa depan."))
        return timezone.make_aware(dt.datetime.combine(day, dt.time(23, 59, 59)))

    def clean_allowed_addresses(self):
        return [
            line.strip()
            for line in self.cleaned_data.get("allowed_addresses", "").splitlines()
            if line.strip()
        ]
