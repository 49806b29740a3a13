"""Forms of the review screens: the verdict on a submission and the list filter."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.design.forms import DATETIME_INPUT
from campaigns.models import Submission
from core import inputs
from org.models import Opd


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Keputusan"),
        choices=[("accept", _("Terima")), ("fix", _("Perlu perbaikan"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Alasan perbaikan"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    fix_deadline = inputs.DateTimeField(label=_("Batas perbaikan"), required=False, widget=DATETIME_INPUT)

    def clean(self):
        data = super().clean()
        if data.get("decision") == "fix":
            if not (data.get("reason") or "").strip():
                self.add_error("reason", _("Tuliskan alasan perbaikan."))
            deadline = data.get("fix_deadline")
            if deadline is None:
                self.add_error("fix_deadline", _("Tentukan batas perbaikan."))
            elif deadline <= timezone.now():
                self.add_error("fix_deadline", _("Batas perbaikan harus di masa depan."))
        return data


class SubmissionFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari nama atau NIP"), max_length=100, required=False)
    opd = forms.ModelChoiceField(
        label=_("OPD"), queryset=Opd.objects.none(), required=False, empty_label=_("Semua OPD")
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Semua status")), *Submission.Status.choices], required=False
    )

    def __init__(self, *args, opds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opd"].queryset = opds.order_by("name")
