"""Forms of the holiday calendar: a new holiday, a new name."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core import inputs
from core.models import Holiday


class HolidayAddForm(forms.Form):
    date = inputs.DateField(label=_("Tanggal"), widget=forms.DateInput(attrs={"type": "date"}))
    name = forms.CharField(label=_("Nama hari libur"), max_length=200)


class HolidayRenameForm(forms.ModelForm):
    class Meta:
        model = Holiday
        fields = ["name"]
        labels = {"name": _("Nama hari libur")}
