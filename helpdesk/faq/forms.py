from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from helpdesk.models import FaqEntry
from helpdesk.tickets.forms import REQUIRED


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Cari di FAQ"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )


class RateForm(forms.Form):
    value = forms.ChoiceField(
        choices=[("ya", _("Membantu")), ("tidak", _("Tidak membantu"))],
        error_messages={"required": REQUIRED, "invalid_choice": _("Pilih membantu atau tidak.")},
    )


class EntryForm(forms.ModelForm):
    class Meta:
        model = FaqEntry
        fields = ("topic", "question", "answer", "is_published", "order")
        widgets = {"answer": forms.Textarea(attrs={"rows": 8})}
        error_messages = {
            "topic": {"required": REQUIRED, "invalid_choice": _("Pilih topik dari daftar.")},
            "question": {"required": REQUIRED, "max_length": _("Paling banyak %(limit_value)d karakter.")},
            "answer": {"required": REQUIRED},
            "order": {"invalid": _("Urutan harus bilangan bulat ≥ 0."), "min_value": _("Urutan harus ≥ 0.")},
        }
