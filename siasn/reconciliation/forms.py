"""Input of the reconciliation screens, messages in Indonesian."""

from django import forms
from django.utils.translation import gettext_lazy as _

from siasn.models import SiasnDifference


class WorklistFilter(forms.Form):
    q = forms.CharField(label=_("Cari NIP atau nama"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Semua status")), *SiasnDifference.Status.choices],
    )


class CorrectionForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan perbaikan"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        error_messages={"required": _("Tuliskan alasan perbaikan.")},
    )
    scan = forms.FileField(
        label=_("Pindaian dokumen pendukung"),
        error_messages={"required": _("Lampirkan pindaian dokumen pendukung (PDF, JPG atau PNG).")},
    )
