"""Forms of the correction screens. The values are validated by people.corrections.actions."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core.documents import DocumentRejected, inspect_upload
from people.models import Correction


class ProposeCorrectionForm(forms.Form):
    field = forms.ChoiceField(label=_("Data yang diperbaiki"))
    new_value = forms.CharField(
        label=_("Nilai baru"),
        required=False,
        max_length=300,
        help_text=_("Tanggal ditulis TTTT-BB-HH, mis. 1985-05-17."),
    )
    reason = forms.CharField(label=_("Alasan"), widget=forms.Textarea(attrs={"rows": 3}), max_length=1000)
    scan = forms.FileField(
        label=_("Pindaian dokumen pendukung"),
        help_text=_("PDF, JPG atau PNG."),
        widget=forms.FileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
        error_messages={"required": _("Lampirkan pindaian dokumen pendukung (PDF, JPG atau PNG).")},
    )

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["field"].choices = [("", _("- Pilih -")), *targets]

    def clean_scan(self):
        scan = self.cleaned_data["scan"]
        try:
            inspect_upload(scan, "lainnya")
        except DocumentRejected as exc:
            raise forms.ValidationError(str(exc)) from None
        return scan


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Semua status")), *Correction.Status.choices], required=False
    )


class RejectForm(forms.Form):
    reason = forms.CharField(label=_("Alasan penolakan"), max_length=1000)
